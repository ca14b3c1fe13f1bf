import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusChangeTargets, type IncidentDto, type IncidentStatus } from '@beacon/domain';
import { FieldError } from '../../../../components/ErrorMessage';
import { useTransition } from '../../api/incidentMutations';
import { useActionState } from '../../../connection/pendingActions';
import { pushNotice } from '../../../notices/noticeStore';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';

/** Status change with a reason; the server decides which moves are allowed and says why not. */
export function TransitionForm({ incident, onDone }: { incident: IncidentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useTransition();
  // From the mutation cache: a write withdrawn from the queue frees this form; reopened, it shows one still waiting.
  const write = useActionState('transition', incident.id);
  // Only the moves a status change makes (acknowledging and merging have their own actions).
  const options = statusChangeTargets(incident.status);
  // The first move offered counts as chosen when the form opens: what is shown is what is sent. When the
  // incident moves on while the form is open (someone else changed its status), a choice no longer
  // possible is dropped, the default too: the officer chooses again, told why.
  const [chosen, setChosen] = useState<IncidentStatus | null>(() => options[0] ?? null);
  const to = chosen !== null && options.includes(chosen) ? chosen : undefined;
  const [openedAt] = useState(incident.status);
  // A refusal about the status it had (say, ILLEGAL_TRANSITION) no longer applies once it has moved on.
  const [refusedAt, setRefusedAt] = useState<IncidentStatus | null>(null);
  const [refusedTo, setRefusedTo] = useState<IncidentStatus | null>(null);
  const error = refusedAt === incident.status ? m.error : null;
  // Refused because someone else made the same change at the same moment: it is done, so the form is too.
  useEffect(() => {
    if (refusedTo === null || incident.status !== refusedTo) return;
    pushNotice('info', t('action.statusAlreadyThere', { code: incident.code, status: t(`incident.status.${refusedTo}`) }), `transition:${incident.id}`);
    onDone();
  }, [refusedTo, incident.status, incident.code, incident.id, onDone, t]);
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('action.transition')}
      testId="transition-form"
      write={write}
      error={error}
      canSubmit={reason.trim().length > 0 && to !== undefined}
      onCancel={onDone}
      onSubmit={() => {
        if (!to) return;
        const at = incident.status;
        m.mutate({ id: incident.id, to, reason: reason.trim() }, {
          onSuccess: onDone,
          onError: () => {
            setRefusedAt(at);
            setRefusedTo(to);
          },
        });
      }}
    >
      {incident.status !== openedAt && (
        <div className="warn-line" role="status" data-testid="transition-moved">
          {t('action.statusMoved', { status: t(`incident.status.${incident.status}`) })}
        </div>
      )}
      {options.length === 0 && <div className="muted">{t('action.noTransitions')}</div>}
      <label className="field">
        <span>{t('action.toStatus')}</span>
        <select name="to" value={to ?? ''} onChange={(e) => setChosen(e.target.value as IncidentStatus)}>
          {to === undefined && options.length > 0 && (
            <option value="" disabled>
              {t('action.chooseAgain')}
            </option>
          )}
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`incident.status.${s}`)}
            </option>
          ))}
        </select>
        <FieldError error={error} path="to" />
      </label>
      <ReasonField value={reason} onChange={setReason} error={error} />
    </ActionForm>
  );
}
