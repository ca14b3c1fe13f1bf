import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import type { WriteState } from '../../../connection/pendingActions';

/** Frame of every drawer action: title, fields, error, submit/cancel. */
export function ActionForm({
  title,
  onSubmit,
  onCancel,
  write,
  error,
  canSubmit,
  submitLabel,
  testId,
  children,
}: {
  title: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** This form's write, from the mutation cache (useActionState): on its way, or waiting for the network. */
  write: WriteState;
  error: unknown;
  canSubmit: boolean;
  submitLabel?: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canSubmit && !write.pending) onSubmit();
  };
  return (
    <form className="action-form" onSubmit={submit} data-testid={testId}>
      <div className="action-form-title">{title}</div>
      {children}
      <ErrorMessage error={error} />
      {write.queued && (
        <div className="queued-hint" data-testid="form-queued">
          {t(write.withdrawable ? 'queued.formHint' : 'queued.formHintMaybeSent')}
        </div>
      )}
      <div className="form-buttons">
        <button type="submit" className="btn btn-primary" disabled={!canSubmit || write.pending}>
          {write.queued ? t('queued.waiting') : write.pending ? t('common.working') : (submitLabel ?? t('common.submit'))}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
