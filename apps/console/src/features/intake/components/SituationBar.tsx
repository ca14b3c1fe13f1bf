import { useTranslation } from 'react-i18next';
import { OPEN_INCIDENT_STATUSES } from '@beacon/domain';
import { useStore } from '../../../lib/store';
import { useQueue } from '../../incident/hooks/useQueue';
import { useVisibleQueue } from '../../incident/hooks/useVisibleQueue';
import { GRADE_KEYS, queueFilterStore, situationOf, toggleFilter, type QueueFilter } from '../../incident/queueFilter';

/**
 * The open incidents at a glance (a leader in a consultation, a shift leader taking over): how many of each
 * grade and in each status. A chip narrows the queue to them; pressed again, everything shows.
 */
export function SituationBar() {
  const { t } = useTranslation();
  const { items } = useQueue();
  const filter = useStore(queueFilterStore);
  const { byGrade, byStatus } = situationOf(items);
  const press = (next: Exclude<QueueFilter, null>) => queueFilterStore.set((current) => toggleFilter(current, next));
  return (
    <div className="situation" data-testid="situation">
      <div className="situation-row" role="group" aria-label={t('situation.byGrade')}>
        {GRADE_KEYS.map((g) => {
          const on = filter?.kind === 'grade' && filter.grade === g;
          return (
            <button
              key={g}
              type="button"
              className={`situation-chip grade-${g}${on ? ' on' : ''}`}
              data-testid="situation-grade"
              data-grade={g}
              data-count={byGrade[g]}
              aria-pressed={on}
              disabled={byGrade[g] === 0 && !on}
              title={`${t(`grade.long.${g}`)} · ${t('situation.filterHint')}`}
              onClick={() => press({ kind: 'grade', grade: g })}
            >
              <span>{t(`grade.chip.${g}`)}</span> <b className="mono">{byGrade[g]}</b>
            </button>
          );
        })}
      </div>
      <div className="situation-row" role="group" aria-label={t('situation.byStatus')}>
        {OPEN_INCIDENT_STATUSES.map((s) => {
          const on = filter?.kind === 'status' && filter.status === s;
          return (
            <button
              key={s}
              type="button"
              className={`situation-status status-${s}${on ? ' on' : ''}`}
              data-testid="situation-status"
              data-status={s}
              data-count={byStatus[s]}
              aria-pressed={on}
              disabled={byStatus[s] === 0 && !on}
              title={t('situation.filterHint')}
              onClick={() => press({ kind: 'status', status: s })}
            >
              {t(`incident.status.${s}`)} <b className="mono">{byStatus[s]}</b>
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** While the queue is narrowed: what it shows, what waits outside it (never out of sight), and the way back. */
export function FilterLine() {
  const { t } = useTranslation();
  const { filter, hidden, hiddenUnacked } = useVisibleQueue();
  if (!filter) return null;
  const label = filter.kind === 'grade' ? t(`grade.long.${filter.grade}`) : t(`incident.status.${filter.status}`);
  return (
    <div className="filter-line" data-testid="queue-filter" role="status">
      <span>{t('situation.showing', { label })}</span>
      {hidden > 0 && <span className="muted">{t('situation.hidden', { count: hidden })}</span>}
      {hiddenUnacked > 0 && <b className="filter-unacked" data-testid="filter-hidden-unacked">{t('situation.hiddenUnacked', { count: hiddenUnacked })}</b>}
      <button type="button" className="btn btn-xs" data-testid="queue-filter-clear" onClick={() => queueFilterStore.set(null)}>
        {t('situation.showAll')}
      </button>
    </div>
  );
}
