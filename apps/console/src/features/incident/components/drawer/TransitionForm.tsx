import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TRANSITIONS, type IncidentDto, type IncidentStatus } from '@beacon/domain';
import { FieldError } from '../../../../components/ErrorMessage';
import { useTransition } from '../../api/incidentMutations';
import { useActionState } from '../../../connection/pendingActions';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';

/** Status change with a reason; the server decides which moves are allowed and says why not. */
export function TransitionForm({ incident, onDone }: { incident: IncidentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useTransition();
  // From the mutation cache: a write withdrawn from the queue frees this form; reopened, it shows one still waiting.
  const write = useActionState('transition', incident.id);
  // Only the legal moves (merged is entered through a merge, not a status change).
  const options = INCIDENT_TRANSITIONS[incident.status].filter((s) => s !== 'merged');
  const [to, setTo] = useState<IncidentStatus>(options[0] ?? 'responding');
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('action.transition')}
      testId="transition-form"
      write={write}
      error={m.error}
      canSubmit={reason.trim().length > 0 && options.length > 0}
      onCancel={onDone}
      onSubmit={() => m.mutate({ id: incident.id, to, reason: reason.trim() }, { onSuccess: onDone })}
    >
      {options.length === 0 && <div className="muted">{t('action.noTransitions')}</div>}
      <label className="field">
        <span>{t('action.toStatus')}</span>
        <select name="to" value={to} onChange={(e) => setTo(e.target.value as IncidentStatus)}>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`incident.status.${s}`)}
            </option>
          ))}
        </select>
        <FieldError error={m.error} path="to" />
      </label>
      <ReasonField value={reason} onChange={setReason} error={m.error} />
    </ActionForm>
  );
}
