import { useTranslation } from 'react-i18next';
import { OPEN_INCIDENT_STATUSES } from '@beacon/domain';
import { useStore } from '../../../lib/store';
import { useQueue } from '../../incident/hooks/useQueue';
import { useVisibleQueue } from '../../incident/hooks/useVisibleQueue';
import { GRADE_KEYS, isSameFilter, queueFilterStore, situationOf, toggleFilter, type QueueFilter } from '../../incident/queueFilter';

/** One count that narrows the queue to what it counts; pressed, it shows so (aria-pressed). */
function FilterChip({ filter, count, className, label, title, data }: { filter: Exclude<QueueFilter, null>; count: number; className: string; label: string; title: string; data: Record<string, string> }) {
  const current = useStore(queueFilterStore);
  const on = isSameFilter(current, filter);
  return (
    <button
      type="button"
      className={`${className}${on ? ' on' : ''}`}
      {...data}
      data-count={count}
      aria-pressed={on}
      disabled={count === 0 && !on}
      title={title}
      onClick={() => queueFilterStore.set((now) => toggleFilter(now, filter))}
    >
      <span>{label}</span> <b className="mono">{count}</b>
    </button>
  );
}

/**
 * The open incidents at a glance (a leader in a consultation, a shift leader taking over): how many of each
 * grade and in each status. A chip narrows the queue to them; pressed again, everything shows.
 */
export function SituationBar() {
  const { t } = useTranslation();
  const { items } = useQueue();
  const { byGrade, byStatus } = situationOf(items);
  return (
    <div className="situation" data-testid="situation">
      <div className="situation-row" role="group" aria-label={t('situation.byGrade')}>
        {GRADE_KEYS.map((g) => (
          <FilterChip
            key={g}
            filter={{ kind: 'grade', grade: g }}
            count={byGrade[g]}
            className={`situation-chip grade-${g}`}
            label={t(`grade.chip.${g}`)}
            title={`${t(`grade.long.${g}`)} · ${t('situation.filterHint')}`}
            data={{ 'data-testid': 'situation-grade', 'data-grade': g }}
          />
        ))}
      </div>
      <div className="situation-row" role="group" aria-label={t('situation.byStatus')}>
        {OPEN_INCIDENT_STATUSES.map((s) => (
          <FilterChip
            key={s}
            filter={{ kind: 'status', status: s }}
            count={byStatus[s]}
            className={`situation-status status-${s}`}
            label={t(`situation.status.${s}`)}
            title={`${t(`incident.status.${s}`)} · ${t('situation.filterHint')}`}
            data={{ 'data-testid': 'situation-status', 'data-status': s }}
          />
        ))}
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
