import { ROLES, type Role } from '../contracts/identity.js';
import { ACTION_ROLES, canAcknowledgeIncident, hasAnyRole, hasRole, mayDo, ROLE_LABELS, type CommandAction } from './roles.js';

const user = (...roles: Role[]) => ({ roles });

describe('hasRole / hasAnyRole', () => {
  it('checks the user’s own roles only', () => {
    expect(hasRole(user('duty_officer', 'release_drafter'), 'release_drafter')).toBe(true);
    expect(hasRole(user('duty_officer'), 'admin')).toBe(false);
    expect(hasRole(user(), 'duty_officer')).toBe(false);
    expect(hasAnyRole(user('leader'), ['duty_officer', 'leader'])).toBe(true);
    expect(hasAnyRole(user('leader'), [])).toBe(false);
  });
});

describe('canAcknowledgeIncident', () => {
  const visible = new Set(['wuhan', 'jiangan']);

  it.each<[Role[], string, boolean]>([
    [['duty_officer'], 'jiangan', true],
    [['shift_leader'], 'wuhan', true],
    [['duty_officer', 'shift_leader'], 'jiangan', true],
    [['duty_officer'], 'hanyang', false],
    [['leader'], 'jiangan', false],
    [['admin'], 'jiangan', false],
    [['commander', 'team_member'], 'jiangan', false],
    [[], 'jiangan', false],
  ])('%o on an incident in %s → %s', (roles, jurisdiction, allowed) => {
    expect(canAcknowledgeIncident(user(...roles), jurisdiction, visible)).toBe(allowed);
  });
});

describe('ROLE_LABELS', () => {
  it('labels every role in both locales', () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS.shift_leader['zh-CN']).toBe('值班长');
    for (const role of ROLES) expect(ROLE_LABELS[role].en).not.toBe('');
  });
});

describe('mayDo: who may do each command-center action', () => {
  // Each role's actions, written out: a change to ACTION_ROLES must change this table on purpose.
  const allowed: Record<Role, CommandAction[]> = {
    duty_officer: ['acknowledge', 'editIncident', 'transition', 'setGrade', 'merge', 'unmerge', 'splitCall', 'manualCall', 'updateTeam', 'markGradeRaiseSeen'],
    shift_leader: ['acknowledge', 'editIncident', 'transition', 'setGrade', 'merge', 'unmerge', 'splitCall', 'manualCall', 'updateTeam', 'markGradeRaiseSeen'],
    leader: ['transition', 'setGrade', 'markGradeRaiseSeen'],
    commander: ['transition'],
    team_member: [],
    release_drafter: [],
    release_approver: [],
    admin: [],
  };
  const actions = Object.keys(ACTION_ROLES) as CommandAction[];

  it.each(ROLES.map((role) => [role]))('%s', (role) => {
    expect(actions.filter((action) => mayDo(user(role), action))).toEqual(allowed[role]);
  });

  it('takes any of a user\'s roles, and none gives nothing', () => {
    expect(mayDo(user('commander', 'leader'), 'setGrade')).toBe(true);
    expect(mayDo(user('commander', 'leader'), 'acknowledge')).toBe(false);
    expect(actions.some((action) => mayDo(user(), action))).toBe(false);
  });
});
