import { GRADES, OPEN_INCIDENT_STATUSES, type Grade, type IncidentDto, type OpenIncidentStatus } from '@beacon/domain';
import { createStore } from '../../lib/store';
import { isUnacked } from './model';

export type GradeKey = Grade | 'none';
/** The grades, highest first, then ungraded: the situation's chips in order. */
export const GRADE_KEYS: readonly GradeKey[] = [...GRADES, 'none'];

/** What the queue is narrowed to (a leader looking at the grade II incidents), or everything. */
export type QueueFilter = { kind: 'grade'; grade: GradeKey } | { kind: 'status'; status: OpenIncidentStatus } | null;

export const queueFilterStore = createStore<QueueFilter>(null);

export function matchesFilter(i: Pick<IncidentDto, 'grade' | 'status'>, filter: QueueFilter): boolean {
  if (!filter) return true;
  if (filter.kind === 'grade') return (i.grade ?? 'none') === filter.grade;
  return i.status === filter.status;
}

export interface Situation {
  byGrade: Record<GradeKey, number>;
  byStatus: Record<OpenIncidentStatus, number>;
}

/** The open incidents at a glance: how many of each grade and in each status. */
export function situationOf(items: readonly Pick<IncidentDto, 'grade' | 'status'>[]): Situation {
  const byGrade = Object.fromEntries(GRADE_KEYS.map((g) => [g, 0])) as Record<GradeKey, number>;
  const byStatus = Object.fromEntries(OPEN_INCIDENT_STATUSES.map((s) => [s, 0])) as Record<OpenIncidentStatus, number>;
  for (const i of items) {
    byGrade[i.grade ?? 'none'] += 1;
    if (i.status in byStatus) byStatus[i.status as OpenIncidentStatus] += 1;
  }
  return { byGrade, byStatus };
}

/**
 * The queue as narrowed, and what the narrowing leaves out that must not go unseen. The incident the
 * officer is on (`keepId`) stays listed even once it no longer matches (someone regraded it): it does not
 * vanish from under the selection, and j/k go on from it.
 */
export function filterQueue<T extends Pick<IncidentDto, 'id' | 'grade' | 'status' | 'acknowledgedAt'>>(items: readonly T[], filter: QueueFilter, keepId: string | null = null): { shown: T[]; hidden: number; hiddenUnacked: number } {
  if (!filter) return { shown: [...items], hidden: 0, hiddenUnacked: 0 };
  const listed = (i: T) => matchesFilter(i, filter) || i.id === keepId;
  const shown = items.filter(listed);
  const left = items.filter((i) => !listed(i));
  return { shown, hidden: left.length, hiddenUnacked: left.filter(isUnacked).length };
}

/**
 * An incident opened from outside the list (the overdue banner, the map, a search, 新来电 ↓) that the
 * narrowed queue leaves out: everything shows again, so its card is there and j/k go on from it.
 */
export function revealInQueue(i: Pick<IncidentDto, 'grade' | 'status'> | undefined): void {
  if (i && !matchesFilter(i, queueFilterStore.get())) queueFilterStore.set(null);
}

export function isSameFilter(a: QueueFilter, b: QueueFilter): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'grade') return b.kind === 'grade' && a.grade === b.grade;
  return b.kind === 'status' && a.status === b.status;
}

/** A second press on the same chip shows everything again. */
export function toggleFilter(current: QueueFilter, next: Exclude<QueueFilter, null>): QueueFilter {
  return isSameFilter(current, next) ? null : next;
}
