import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDto } from '@beacon/domain';
import { FieldError } from '../../../../components/ErrorMessage';
import { useMerge } from '../../api/incidentMutations';
import { DEFAULT_NEARBY_RADIUS_M, useNearbyIncidents } from '../../api/incidentQueries';
import { useIncidentTitle } from '../../hooks/useIncidentTitle';
import { useQueue } from '../../hooks/useQueue';
import { mergeTakesAckClock } from '../../mergeOutcome';
import { isOpen } from '../../model';
import { GradeBadge } from '../Badges';
import { NODE_MARKERS, interpolateNodes } from '../../../../lib/interpolateNodes';
import { QueryWait } from '../../../../components/QueryWait';
import { useActionState } from '../../../connection/pendingActions';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';

const [SOURCE, TARGET] = NODE_MARKERS;

/** Incident numbers in a sentence, each kept whole on its line. */
function withCodes(text: string, source: string, target: string) {
  return interpolateNodes(text, { [SOURCE]: <span className="mono nowrap">{source}</span>, [TARGET]: <span className="mono nowrap">{target}</span> });
}

/** Mark this incident a duplicate of another: nearby ones first, any open one as a fallback. */
export function MergeForm({ incident, onDone, initialTarget }: { incident: IncidentDto; onDone: () => void; initialTarget?: string }) {
  const { t } = useTranslation();
  const titleOf = useIncidentTitle();
  const m = useMerge();
  // From the mutation cache: a write withdrawn from the queue frees this form; reopened, it shows one still waiting.
  const write = useActionState('merge', incident.id);
  const nearby = useNearbyIncidents(incident.location ? { ...incident.location, radiusM: DEFAULT_NEARBY_RADIUS_M * 4 } : null);
  const { items } = useQueue();
  const [target, setTarget] = useState(initialTarget ?? '');
  const [reason, setReason] = useState('');

  const nearbyList = (nearby.data ?? []).filter((i) => i.id !== incident.id && isOpen(i));
  const nearIds = new Set(nearbyList.map((i) => i.id));
  const others = items.filter((i) => i.id !== incident.id && !nearIds.has(i.id));
  const chosen = nearbyList.find((i) => i.id === target) ?? others.find((i) => i.id === target);

  return (
    <ActionForm
      title={t('action.merge')}
      testId="merge-form"
      write={write}
      error={m.error}
      canSubmit={target !== '' && reason.trim().length > 0}
      onCancel={onDone}
      onSubmit={() => m.mutate({ id: incident.id, targetIncidentId: target, reason: reason.trim() }, { onSuccess: onDone })}
    >
      <div className="field">
        <span>{t('action.mergeTargetNearby')}</span>
        {!incident.location && <div className="muted">{t('nearby.noLocation')}</div>}
        <QueryWait query={nearby} />
        {nearby.isSuccess && nearbyList.length === 0 && <div className="muted">{t('nearby.none')}</div>}
        <ul className="pick-list">
          {nearbyList.map((i) => (
            <li key={i.id}>
              <label>
                <input type="radio" name="target" value={i.id} checked={target === i.id} onChange={() => setTarget(i.id)} />
                <GradeBadge grade={i.grade} long={false} /> <span className="mono">{i.code}</span> {titleOf(i)}
              </label>
            </li>
          ))}
        </ul>
      </div>
      <label className="field">
        <span>{t('action.mergeTargetOther')}</span>
        <select value={nearIds.has(target) ? '' : target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">—</option>
          {others.map((i) => (
            <option key={i.id} value={i.id}>
              {i.code} {titleOf(i)}
            </option>
          ))}
        </select>
        <FieldError error={m.error} path="targetIncidentId" />
      </label>
      {chosen && (
        // Which incident goes on is not obvious from "merge": say it before the officer confirms.
        <div className="notice" data-testid="merge-outcome">
          {withCodes(t('action.mergeOutcome', { source: SOURCE, target: TARGET }), incident.code, chosen.code)}
          {mergeTakesAckClock(incident, chosen) && <div>{withCodes(t('action.mergeTakesAck', { source: SOURCE, target: TARGET }), incident.code, chosen.code)}</div>}
        </div>
      )}
      <ReasonField value={reason} onChange={setReason} error={m.error} />
    </ActionForm>
  );
}
