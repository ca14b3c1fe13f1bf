import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../../components/ErrorMessage';

export function ReasonField({ value, onChange, error, required = true }: { value: string; onChange: (v: string) => void; error: unknown; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>
        {t('action.reason')}
        {required && <em className="req">*</em>}
      </span>
      <textarea name="reason" rows={2} value={value} onChange={(e) => onChange(e.target.value)} placeholder={t(required ? 'action.reasonPlaceholder' : 'action.reasonOptionalPlaceholder')} />
      <FieldError error={error} path="reason" />
    </label>
  );
}
