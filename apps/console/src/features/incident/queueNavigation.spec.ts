import { emptyFigures, type IncidentDto } from '@beacon/domain';
import { nextUnacked } from './queueNavigation';

const incident = (id: string, acked = false): IncidentDto => ({
  id, code: `INC-${id}`, title: id, status: acked ? 'acknowledged' : 'reported', category: 'ACCIDENT', type: 'fire', grade: 'IV', gradeBasis: null,
  location: null, address: null, jurisdictionId: 'j', figures: emptyFigures(), sources: ['119'], callCount: 1, createdAt: 'x', lastCallAt: 'x',
  acknowledgedAt: acked ? 'x' : null, acknowledgedBy: null, ackDeadlineAt: null, ackOverdueLevel: 0, mergedInto: null, version: 1,
});

describe('nextUnacked', () => {
  const queue = [incident('a'), incident('b'), incident('c'), incident('d', true)];

  it('moves to the next one waiting below', () => {
    expect(nextUnacked(queue, 'a')).toBe('b');
    expect(nextUnacked(queue, 'b')).toBe('c');
  });

  it('moves up to the nearest one waiting when none is below', () => {
    expect(nextUnacked(queue, 'c')).toBe('b');
    expect(nextUnacked([incident('a'), incident('b', true), incident('c')], 'c')).toBe('a');
  });

  it('skips acknowledged incidents, and is null when nothing else waits', () => {
    expect(nextUnacked([incident('a'), incident('b', true), incident('c')], 'a')).toBe('c');
    expect(nextUnacked([incident('a'), incident('d', true)], 'a')).toBeNull();
  });

  it('takes the first one waiting when the acknowledged incident has left the list', () => {
    expect(nextUnacked(queue, 'gone')).toBe('a');
  });
});
