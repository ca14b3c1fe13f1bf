import { emptyFigures, type GradeRaiseAlertDto } from '@beacon/domain';
import { raisesForDesk } from './raisesForDesk';

const alert = (seq: number, cause: GradeRaiseAlertDto['cause'], actorId: string | null): GradeRaiseAlertDto => ({
  seq, at: 'x', cause, from: 'IV', to: 'III', actor: { type: actorId ? 'user' : 'integration', id: actorId, name: null },
  incident: {
    id: `i${seq}`, code: 'INC-1', title: 't', status: 'reported', category: 'ACCIDENT', type: 'fire', grade: 'III', gradeBasis: null, location: null, address: null,
    jurisdictionId: 'j', figures: emptyFigures(), sources: ['119'], callCount: 1, createdAt: 'x', lastCallAt: 'x', acknowledgedAt: null, acknowledgedBy: null,
    ackDeadlineAt: null, ackOverdueLevel: 0, mergedInto: null, version: 1,
  },
});

describe('raisesForDesk', () => {
  const list = [alert(3, 'officer', 'u1'), alert(2, 'officer', 'u2'), alert(1, 'figures', null)];

  it('does not sound an officer\'s own raise at their own desk, and sounds everyone else\'s', () => {
    expect(raisesForDesk(list, 'u1').map((a) => a.seq)).toEqual([2, 1]);
    expect(raisesForDesk(list, 'u2').map((a) => a.seq)).toEqual([3, 1]);
  });

  it('sounds every raise when nobody is signed in (no self to leave out)', () => {
    expect(raisesForDesk(list, null).map((a) => a.seq)).toEqual([3, 2, 1]);
  });
});
