import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '@beacon/domain';
import { useSplitCall } from '../../api/incidentMutations';
import { useWriteState, variablesWith } from '../../../connection/pendingActions';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';

/** Take one call out of this incident into a new one. */
export function SplitForm({ call, onDone }: { call: CallDto; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useSplitCall();
  // From the mutation cache: a write withdrawn from the queue frees this form; reopened, it shows one still waiting.
  const write = useWriteState('split', variablesWith('callId', call.id));
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('action.split')}
      testId="split-form"
      write={write}
      error={m.error}
      canSubmit={reason.trim().length > 0}
      onCancel={onDone}
      onSubmit={() => m.mutate({ callId: call.id, reason: reason.trim() }, { onSuccess: onDone })}
    >
      <ReasonField value={reason} onChange={setReason} error={m.error} />
    </ActionForm>
  );
}
