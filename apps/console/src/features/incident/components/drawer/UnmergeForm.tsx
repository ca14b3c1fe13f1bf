import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDto } from '@beacon/domain';
import { useUnmerge } from '../../api/incidentMutations';
import { useActionState } from '../../../connection/pendingActions';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';

export function UnmergeForm({ incident, onDone }: { incident: IncidentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useUnmerge();
  // From the mutation cache: a write withdrawn from the queue frees this form; reopened, it shows one still waiting.
  const write = useActionState('unmerge', incident.id);
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('action.unmerge')}
      testId="unmerge-form"
      write={write}
      error={m.error}
      canSubmit={reason.trim().length > 0}
      onCancel={onDone}
      onSubmit={() => m.mutate({ id: incident.id, reason: reason.trim() }, { onSuccess: onDone })}
    >
      <ReasonField value={reason} onChange={setReason} error={m.error} />
    </ActionForm>
  );
}
