import { useTranslation } from 'react-i18next';
import type { IncidentDto } from '@beacon/domain';
import { useNow } from '../../../lib/clock';
import { formatAge } from '../../../components/DataAge';
import { hasNewCall } from '../model';

/** On an acknowledged incident, a call that came in since: marked for a few minutes, with its age. */
export function NewCallChip({ incident }: { incident: IncidentDto }) {
  // Only cards with a call since acknowledgement tick with the clock (hasNewCall then says for how long).
  if (!incident.acknowledgedAt || Date.parse(incident.lastCallAt) <= Date.parse(incident.acknowledgedAt)) return null;
  return <TickingNewCallChip incident={incident} />;
}

function TickingNewCallChip({ incident }: { incident: IncidentDto }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!hasNewCall(incident, now)) return null;
  const age = Math.max(0, Math.floor((now - Date.parse(incident.lastCallAt)) / 1000));
  return (
    <span className="chip chip-new-call" data-testid="new-call" title={t('incident.newCallHint')}>
      {t('incident.newCall', { age: formatAge(age, t) })}
    </span>
  );
}
