import { useTranslation } from 'react-i18next';
import { useStore } from '../../../lib/store';
import { dismissNotice, noticeStore } from '../noticeStore';

/** The notices, stacked over the foot of the side panel. */
export function DeskNotices() {
  const { t } = useTranslation();
  const notices = useStore(noticeStore);
  if (notices.length === 0) return null;
  return (
    <div className="desk-notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`desk-notice desk-notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} data-testid="desk-notice" data-kind={n.kind}>
          <span>{n.text}</span>
          <button type="button" className="btn btn-ghost btn-xs" aria-label={t('common.close')} onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
