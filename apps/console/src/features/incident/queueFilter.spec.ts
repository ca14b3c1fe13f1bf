import { emptyFigures, type IncidentDto } from '@beacon/domain';
import { filterQueue, matchesFilter, situationOf, toggleFilter } from './queueFilter';

const incident = (id: string, over: Partial<IncidentDto>): IncidentDto => ({
  id, code: id, title: id, status: 'reported', category: 'ACCIDENT', type: 'fire', grade: null, gradeBasis: null, location: null, address: null,
  jurisdictionId: 'j', figures: emptyFigures(), sources: ['119'], callCount: 1, createdAt: '2026-11-25T00:00:00Z', lastCallAt: '2026-11-25T00:00:00Z', acknowledgedAt: null,
  acknowledgedBy: null, ackDeadlineAt: null, ackOverdueLevel: 0, mergedInto: null, version: 1, ...over,
});
const acked = { status: 'acknowledged' as const, acknowledgedAt: '2026-11-25T00:01:00Z' };
const queue = [
  incident('new-ungraded', {}),
  incident('new-II', { grade: 'II' }),
  incident('acked-II', { grade: 'II', ...acked }),
  incident('responding-IV', { grade: 'IV', status: 'responding', acknowledgedAt: '2026-11-25T00:01:00Z' }),
  incident('controlled-I', { grade: 'I', status: 'controlled', acknowledgedAt: '2026-11-25T00:01:00Z' }),
];

describe('the situation at a glance', () => {
  it('counts the open incidents by grade, ungraded apart, and by status', () => {
    expect(situationOf(queue)).toEqual({
      byGrade: { I: 1, II: 2, III: 0, IV: 1, none: 1 },
      byStatus: { reported: 2, acknowledged: 1, responding: 1, controlled: 1 },
    });
    expect(situationOf([])).toEqual({ byGrade: { I: 0, II: 0, III: 0, IV: 0, none: 0 }, byStatus: { reported: 0, acknowledged: 0, responding: 0, controlled: 0 } });
  });
});

describe('narrowing the queue', () => {
  it('shows one grade, ungraded included as its own', () => {
    expect(filterQueue(queue, { kind: 'grade', grade: 'II' }).shown.map((i) => i.id)).toEqual(['new-II', 'acked-II']);
    expect(filterQueue(queue, { kind: 'grade', grade: 'none' }).shown.map((i) => i.id)).toEqual(['new-ungraded']);
    expect(matchesFilter(queue[4]!, { kind: 'status', status: 'controlled' })).toBe(true);
  });

  it('says how many it leaves out and how many of those wait for acknowledgement', () => {
    expect(filterQueue(queue, { kind: 'grade', grade: 'I' })).toMatchObject({ hidden: 4, hiddenUnacked: 2 });
    expect(filterQueue(queue, { kind: 'status', status: 'reported' })).toMatchObject({ hidden: 3, hiddenUnacked: 0 });
    expect(filterQueue(queue, null)).toMatchObject({ hidden: 0, hiddenUnacked: 0 });
    expect(filterQueue(queue, null).shown).toHaveLength(5);
  });

  it('keeps the incident the officer is on listed when it no longer matches (regraded meanwhile)', () => {
    const narrowed = filterQueue(queue, { kind: 'grade', grade: 'II' }, 'new-ungraded');
    expect(narrowed.shown.map((i) => i.id)).toEqual(['new-ungraded', 'new-II', 'acked-II']);
    expect(narrowed).toMatchObject({ hidden: 2, hiddenUnacked: 0 });
  });

  it('keeps the queue order', () => {
    const shown = filterQueue([...queue].reverse(), { kind: 'grade', grade: 'II' }).shown.map((i) => i.id);
    expect(shown).toEqual(['acked-II', 'new-II']);
  });

  it('lets go on a second press of the same chip, and moves to another on a different one', () => {
    const ii = { kind: 'grade', grade: 'II' } as const;
    expect(toggleFilter(null, ii)).toEqual(ii);
    expect(toggleFilter(ii, ii)).toBeNull();
    expect(toggleFilter(ii, { kind: 'grade', grade: 'I' })).toEqual({ kind: 'grade', grade: 'I' });
    expect(toggleFilter(ii, { kind: 'status', status: 'reported' })).toEqual({ kind: 'status', status: 'reported' });
    expect(toggleFilter({ kind: 'status', status: 'reported' }, { kind: 'status', status: 'reported' })).toBeNull();
  });
});
