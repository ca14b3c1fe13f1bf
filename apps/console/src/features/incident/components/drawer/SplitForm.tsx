import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '@beacon/domain';
import { useSplitCall } from '../../api/incidentMutations';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';

/** Take one call out of this incident into a new one. */
export function SplitForm({ call, onDone }: { call: CallDto; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useSplitCall();
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('action.split')}
      testId="split-form"
      pending={m.isPending}
      queued={m.isPaused}
      error={m.error}
      canSubmit={reason.trim().length > 0}
      onCancel={onDone}
      onSubmit={() => m.mutate({ callId: call.id, reason: reason.trim() }, { onSuccess: onDone })}
    >
      <ReasonField value={reason} onChange={setReason} error={m.error} />
    </ActionForm>
  );
}
