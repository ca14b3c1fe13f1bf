import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import type { IncidentDto } from '@beacon/domain';
import { useNow } from '../../../lib/clock';
import { useStore } from '../../../lib/store';
import { useMay } from '../../auth/session';
import { IncidentCard } from '../../incident/components/IncidentCard';
import { IncidentSearch } from '../../incident/components/IncidentSearch';
import { useVisibleQueue } from '../../incident/hooks/useVisibleQueue';
import { revealInQueue } from '../../incident/queueFilter';
import { hasNewCall } from '../../incident/model';
import { incidentSelectionStore, selectIncident } from '../../incident/selection';
import { manualCallStore, openManualCall } from '../manualCallStore';
import { FilterLine, SituationBar } from './SituationBar';

/**
 * Acknowledged incidents with a call since (hasNewCall): they sort below every unacknowledged one, so
 * on a busy night they may be far down. One button takes the selection to the newest of them.
 */
function NewCallsJump({ items }: { items: IncidentDto[] }) {
  const { t } = useTranslation();
  const now = useNow();
  const called = items.filter((i) => hasNewCall(i, now));
  if (called.length === 0) return null;
  const jump = () => {
    const target = called[0]!;
    // The jump must land on a card, also when the queue is narrowed.
    revealInQueue(target);
    selectIncident(target.id);
  };
  return (
    <button type="button" className="btn btn-xs chip-new-call" data-testid="new-calls-jump" onClick={jump}>
      {t('queue.newCalls', { count: called.length })}
    </button>
  );
}

/** 接警 queue: open incidents in queue order (compareQueue). */
export function IntakeQueue() {
  const { t } = useTranslation();
  const { items, visible, unacked, isLoading, error } = useVisibleQueue();
  const { selectedId } = useStore(incidentSelectionStore);
  const mayEnterCalls = useMay('manualCall');
  const manualOpen = useStore(manualCallStore).open;
  return (
    <div className="queue" data-testid="intake-queue">
      <div className="queue-tools">
        <span className="queue-count">
          {t('queue.open', { count: items.length })}
          {unacked.length > 0 && <span className="queue-unacked"> · {t('queue.unacked', { count: unacked.length })}</span>}
        </span>
        <NewCallsJump items={items} />
        {mayEnterCalls && (
          // While a call is being taken it says so: on a narrow map the form may wait behind a drawer, and this brings it back.
          <button type="button" className={manualOpen ? 'btn btn-sm btn-primary active' : 'btn btn-sm btn-primary'} data-testid="manual-call-button" data-open={manualOpen} onClick={openManualCall}>
            {manualOpen ? t('intake.manualCallOpen') : `+ ${t('intake.manualCall')}`} <kbd>n</kbd>
          </button>
        )}
      </div>
      <SituationBar />
      <IncidentSearch />
      <FilterLine />
      <ErrorMessage error={error} />
      {isLoading && <div className="list-empty">{t('common.loading')}</div>}
      {!isLoading && items.length === 0 && <div className="list-empty">{t('queue.empty')}</div>}
      {!isLoading && items.length > 0 && visible.length === 0 && <div className="list-empty">{t('situation.noneShown')}</div>}
      <div className="queue-cards" role="listbox" aria-label={t('panel.intake')}>
        {visible.map((i) => (
          <IncidentCard key={i.id} incident={i} selected={i.id === selectedId} />
        ))}
      </div>
    </div>
  );
}
