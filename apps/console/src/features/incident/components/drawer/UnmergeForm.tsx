import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDto } from '@beacon/domain';
import { useUnmerge } from '../../api/incidentMutations';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';

export function UnmergeForm({ incident, onDone }: { incident: IncidentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useUnmerge();
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('action.unmerge')}
      testId="unmerge-form"
      pending={m.isPending}
      queued={m.isPaused}
      error={m.error}
      canSubmit={reason.trim().length > 0}
      onCancel={onDone}
      onSubmit={() => m.mutate({ id: incident.id, reason: reason.trim() }, { onSuccess: onDone })}
    >
      <ReasonField value={reason} onChange={setReason} error={m.error} />
    </ActionForm>
  );
}
