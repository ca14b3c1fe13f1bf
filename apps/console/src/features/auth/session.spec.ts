import type { Role } from '@beacon/domain';
import { may, sessionStore } from './session';

const signIn = (...roles: Role[]) =>
  sessionStore.set({
    accessToken: 't',
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    expiresInS: 60,
    sessionEndsInS: 3600,
    clientExpiresAt: new Date(Date.now() + 60_000).toISOString(),
    clientSessionEndsAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u', username: 'u', displayName: 'U', roles, jurisdictionId: 'j' },
  });

describe('may: what the console offers the signed-in user', () => {
  afterEach(() => sessionStore.set(null));

  it('offers the desk everything at the desk', () => {
    signIn('duty_officer');
    expect(may('acknowledge')).toBe(true);
    expect(may('manualCall')).toBe(true);
  });

  it('offers a commander the lifecycle only, not the desk keys', () => {
    signIn('commander');
    expect(may('transition')).toBe(true);
    expect(may('acknowledge')).toBe(false);
    expect(may('manualCall')).toBe(false);
    expect(may('markGradeRaiseSeen')).toBe(false);
  });

  it('offers nothing when signed out', () => {
    expect(may('transition')).toBe(false);
  });
});
