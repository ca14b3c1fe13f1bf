import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../components/ErrorMessage';

/** Frame of every drawer action: title, fields, error, submit/cancel. */
export function ActionForm({
  title,
  onSubmit,
  onCancel,
  pending,
  error,
  canSubmit,
  submitLabel,
  testId,
  children,
}: {
  title: string;
  onSubmit: () => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
  canSubmit: boolean;
  submitLabel?: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canSubmit && !pending) onSubmit();
  };
  return (
    <form className="action-form" onSubmit={submit} data-testid={testId}>
      <div className="action-form-title">{title}</div>
      {children}
      <ErrorMessage error={error} />
      <div className="form-buttons">
        <button type="submit" className="btn btn-primary" disabled={!canSubmit || pending}>
          {pending ? t('common.working') : (submitLabel ?? t('common.submit'))}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
