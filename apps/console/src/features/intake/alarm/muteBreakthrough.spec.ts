import { emptyFigures, type GradeRaiseAlertDto, type IncidentDto } from '@beacon/domain';
import { loudCauses, newLoudCause } from './muteBreakthrough';

const incident = (id: string, ackOverdueLevel: number): IncidentDto => ({
  id, code: `INC-${id}`, title: 't', status: 'reported', category: 'ACCIDENT', type: 'fire', grade: 'IV', gradeBasis: null, location: null, address: null,
  jurisdictionId: 'j', figures: emptyFigures(), sources: ['119'], callCount: 1, createdAt: 'x', lastCallAt: 'x', acknowledgedAt: null, acknowledgedBy: null,
  ackDeadlineAt: null, ackOverdueLevel, mergedInto: null, version: 1,
});
const raise = (seq: number): GradeRaiseAlertDto => ({ seq, at: 'x', cause: 'figures', from: 'IV', to: 'III', actor: { type: 'integration', id: null, name: null }, incident: incident(`r${seq}`, 0) });

describe('mute and what comes after it', () => {
  it('names each loud cause: an overdue incident at its level, a raise, raises unknown', () => {
    expect(loudCauses({ overdue: [incident('a', 1)], alerts: [raise(7)], raisesUnknown: true })).toEqual(['overdue:a:1', 'raise:7', 'raises-unknown']);
    expect(loudCauses({ overdue: [], alerts: [], raisesUnknown: false })).toEqual([]);
  });

  it('takes what sounds at muting as heard, then lets only a new cause through', () => {
    const taken = newLoudCause(null, ['overdue:a:1']);
    expect(taken.fresh).toBe(false);
    // The same cause, or fewer: still muted.
    expect(newLoudCause(taken.heard, ['overdue:a:1']).fresh).toBe(false);
    expect(newLoudCause(taken.heard, []).fresh).toBe(false);
    // Another incident overdue, the same one escalated to the leader, a grade raise: each sounds.
    expect(newLoudCause(taken.heard, ['overdue:a:1', 'overdue:b:1']).fresh).toBe(true);
    expect(newLoudCause(taken.heard, ['overdue:a:2']).fresh).toBe(true);
    expect(newLoudCause(taken.heard, ['overdue:a:1', 'raise:9']).fresh).toBe(true);
  });

  it('remembers what it heard: a cause that went and came back is not new', () => {
    const heard = newLoudCause(newLoudCause(null, ['raise:1', 'raise:2']).heard, ['raise:2']).heard;
    expect(newLoudCause(heard, ['raise:1', 'raise:2']).fresh).toBe(false);
  });
});
