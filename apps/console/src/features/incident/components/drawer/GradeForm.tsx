import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADES, type Grade, type IncidentDto } from '@beacon/domain';
import { FieldError } from '../../../../components/ErrorMessage';
import { useSetGrade } from '../../api/incidentMutations';
import { useActionState } from '../../../connection/pendingActions';
import { ActionForm } from './ActionForm';
import { ReasonField } from './ReasonField';

export function GradeForm({ incident, onDone }: { incident: IncidentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useSetGrade();
  // From the mutation cache: a write withdrawn from the queue frees this form; reopened, it shows one still waiting.
  const write = useActionState('grade', incident.id);
  const [grade, setGrade] = useState<Grade | ''>(incident.grade ?? '');
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('action.setGrade')}
      testId="grade-form"
      write={write}
      error={m.error}
      canSubmit={reason.trim().length > 0}
      onCancel={onDone}
      onSubmit={() => m.mutate({ id: incident.id, grade: grade === '' ? null : grade, reason: reason.trim() }, { onSuccess: onDone })}
    >
      <label className="field">
        <span>{t('incident.grade')}</span>
        <select name="grade" value={grade} onChange={(e) => setGrade(e.target.value as Grade | '')}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t(`grade.long.${g}`)}
            </option>
          ))}
          <option value="">{t('grade.long.none')}</option>
        </select>
        <FieldError error={m.error} path="grade" />
      </label>
      <ReasonField value={reason} onChange={setReason} error={m.error} />
    </ActionForm>
  );
}
