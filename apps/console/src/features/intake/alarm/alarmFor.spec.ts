import { alarmAudience, emptyFigures, type GradeRaiseAlertDto, type IncidentDto, type Role } from '@beacon/domain';
import { alarmFor, type AlarmInputs } from './alarmFor';

const incident = (id: string, ackOverdueLevel: number): IncidentDto => ({
  id, code: `INC-${id}`, title: 't', status: 'reported', category: 'ACCIDENT', type: 'fire', grade: 'IV', gradeBasis: null, location: null, address: null,
  jurisdictionId: 'j', figures: emptyFigures(), sources: ['119'], callCount: 1, createdAt: 'x', lastCallAt: 'x', acknowledgedAt: null, acknowledgedBy: null,
  ackDeadlineAt: null, ackOverdueLevel, mergedInto: null, version: 1,
});
const raise = (seq: number): GradeRaiseAlertDto => ({ seq, at: 'x', cause: 'figures', from: 'IV', to: 'III', actor: { type: 'integration', id: null, name: null }, incident: incident(`r${seq}`, 0) });
const as = (...roles: Role[]) => alarmAudience({ roles });
const inputs = (over: Partial<AlarmInputs> = {}): AlarmInputs => ({ unacked: [], raises: [], raisesUnknown: false, muted: false, ...over });
const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);

describe('alarmFor', () => {
  const fresh = incident('a', 0);
  const overdue1 = incident('b', 1);
  const overdue2 = incident('c', 2);

  it('rings a desk for every unacknowledged incident, quietly ("new") until one is overdue', () => {
    const quiet = alarmFor(as('duty_officer'), inputs({ unacked: [fresh] }));
    expect(quiet).toMatchObject({ on: true, loud: false, pattern: 'new' });
    expect(ids(quiet.unacked)).toEqual(['a']);
    const loud = alarmFor(as('duty_officer'), inputs({ unacked: [fresh, overdue1, overdue2] }));
    expect(loud).toMatchObject({ on: true, loud: true, pattern: 'loud' });
    expect(ids(loud.overdue)).toEqual(['b', 'c']);
  });

  it('rings a leader only from the second overdue level and for grade raises, never for a new incident', () => {
    expect(alarmFor(as('leader'), inputs({ unacked: [fresh, overdue1] }))).toMatchObject({ on: false, pattern: 'none', unacked: [], overdue: [] });
    const escalated = alarmFor(as('leader'), inputs({ unacked: [fresh, overdue1, overdue2] }));
    expect(escalated).toMatchObject({ on: true, loud: true, pattern: 'loud', unacked: [] });
    expect(ids(escalated.overdue)).toEqual(['c']);
    expect(alarmFor(as('leader'), inputs({ raises: [raise(7)] })).alerts.map((a) => a.seq)).toEqual([7]);
  });

  it('leaves a commander\'s tablet silent and its banner empty, whatever the center has waiting', () => {
    const everything = inputs({ unacked: [fresh, overdue1, overdue2], raises: [raise(7)], raisesUnknown: true });
    for (const roles of [['commander'], ['team_member'], ['release_drafter', 'release_approver'], ['admin']] as Role[][]) {
      expect(alarmFor(as(...roles), everything)).toEqual({ on: false, loud: false, muted: false, pattern: 'none', unacked: [], overdue: [], alerts: [], raisesUnknown: false });
    }
  });

  it('is loud when the raises cannot be loaded, for those they are meant for', () => {
    expect(alarmFor(as('shift_leader'), inputs({ raisesUnknown: true }))).toMatchObject({ on: true, loud: true, raisesUnknown: true, pattern: 'loud' });
    expect(alarmFor(as('leader'), inputs({ raisesUnknown: true }))).toMatchObject({ pattern: 'loud' });
  });

  it('shows but does not sound when muted', () => {
    expect(alarmFor(as('duty_officer'), inputs({ unacked: [overdue1], muted: true }))).toMatchObject({ on: true, loud: true, muted: true, pattern: 'none' });
  });

  it('is off with nothing waiting', () => {
    expect(alarmFor(as('duty_officer'), inputs())).toMatchObject({ on: false, loud: false, pattern: 'none' });
  });
});
