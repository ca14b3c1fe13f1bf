import { ROLES, type Role } from '../contracts/identity.js';
import { NO_ALARM_AUDIENCE, alarmAudience, hearsAlarms, type AlarmAudience } from './alarm-audience.js';

const user = (...roles: Role[]) => ({ roles });

describe('alarmAudience: whose console sounds which alarm', () => {
  // Written out per role: a change to who hears what must change this table on purpose.
  const expected: Record<Role, AlarmAudience> = {
    duty_officer: { newIncidents: true, ackOverdueFrom: 1, gradeRaises: true },
    shift_leader: { newIncidents: true, ackOverdueFrom: 1, gradeRaises: true },
    leader: { newIncidents: false, ackOverdueFrom: 2, gradeRaises: true },
    commander: { newIncidents: false, ackOverdueFrom: null, gradeRaises: false },
    team_member: { newIncidents: false, ackOverdueFrom: null, gradeRaises: false },
    release_drafter: { newIncidents: false, ackOverdueFrom: null, gradeRaises: false },
    release_approver: { newIncidents: false, ackOverdueFrom: null, gradeRaises: false },
    admin: { newIncidents: false, ackOverdueFrom: null, gradeRaises: false },
  };

  it.each(ROLES.map((role) => [role]))('%s', (role) => {
    expect(alarmAudience(user(role))).toEqual(expected[role]);
  });

  it('takes the loudest of a user\'s roles', () => {
    expect(alarmAudience(user('commander', 'leader'))).toEqual(expected.leader);
    expect(alarmAudience(user('leader', 'duty_officer'))).toEqual(expected.duty_officer);
    expect(alarmAudience(user())).toEqual(expected.admin);
  });
});

describe('hearsAlarms', () => {
  it('is true for the desk and the leader, false for everyone else and before sign-in', () => {
    expect(ROLES.filter((role) => hearsAlarms(alarmAudience(user(role))))).toEqual(['duty_officer', 'shift_leader', 'leader']);
    expect(hearsAlarms(NO_ALARM_AUDIENCE)).toBe(false);
    expect(hearsAlarms({ newIncidents: false, ackOverdueFrom: 2, gradeRaises: false })).toBe(true);
    expect(hearsAlarms({ newIncidents: false, ackOverdueFrom: null, gradeRaises: true })).toBe(true);
  });
});
