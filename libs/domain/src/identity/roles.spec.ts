import { ROLES, type Role } from '../contracts/identity.js';
import { canAcknowledgeIncident, hasAnyRole, hasRole, ROLE_LABELS } from './roles.js';

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
