import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useStore } from '../../../lib/store';
import { useMay } from '../../auth/session';
import { IncidentCard } from '../../incident/components/IncidentCard';
import { IncidentSearch } from '../../incident/components/IncidentSearch';
import { useQueue } from '../../incident/hooks/useQueue';
import { incidentSelectionStore } from '../../incident/selection';
import { openManualCall } from '../manualCallStore';

/** 接警 queue: open incidents, unacknowledged on top, newest first. */
export function IntakeQueue() {
  const { t } = useTranslation();
  const { items, unacked, isLoading, error } = useQueue();
  const { selectedId } = useStore(incidentSelectionStore);
  const mayEnterCalls = useMay('manualCall');
  return (
    <div className="queue" data-testid="intake-queue">
      <div className="queue-tools">
        <span className="queue-count">
          {t('queue.open', { count: items.length })}
          {unacked.length > 0 && <span className="queue-unacked"> · {t('queue.unacked', { count: unacked.length })}</span>}
        </span>
        {mayEnterCalls && (
          <button type="button" className="btn btn-sm btn-primary" data-testid="manual-call-button" onClick={openManualCall}>
            + {t('intake.manualCall')} <kbd>n</kbd>
          </button>
        )}
      </div>
      <IncidentSearch />
      <ErrorMessage error={error} />
      {isLoading && <div className="list-empty">{t('common.loading')}</div>}
      {!isLoading && items.length === 0 && <div className="list-empty">{t('queue.empty')}</div>}
      <div className="queue-cards" role="listbox" aria-label={t('panel.intake')}>
        {items.map((i) => (
          <IncidentCard key={i.id} incident={i} selected={i.id === selectedId} />
        ))}
      </div>
    </div>
  );
}
