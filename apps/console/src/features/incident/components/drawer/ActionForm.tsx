import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../components/ErrorMessage';

/** Frame of every drawer action: title, fields, error, submit/cancel. */
export function ActionForm({
  title,
  onSubmit,
  onCancel,
  pending,
  queued = false,
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
  /** Sent offline: waiting for the network (the header lists it and can withdraw it). */
  queued?: boolean;
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
      {queued && (
        <div className="queued-hint" data-testid="form-queued">
          {t('queued.formHint')}
        </div>
      )}
      <div className="form-buttons">
        <button type="submit" className="btn btn-primary" disabled={!canSubmit || pending}>
          {queued ? t('queued.waiting') : pending ? t('common.working') : (submitLabel ?? t('common.submit'))}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
