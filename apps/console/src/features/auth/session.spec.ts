import type { Role } from '@beacon/domain';
import { endSession, logoutReasonFor, logoutReasonStore, may, sessionStore } from './session';

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

describe('why the console went back to the login page', () => {
  afterEach(() => {
    sessionStore.set(null);
    logoutReasonStore.set(null);
  });

  it('says a deactivated account is deactivated (SESSION_ENDED), and anything else that the session ran out', () => {
    expect(logoutReasonFor('SESSION_ENDED')).toBe('deactivated');
    expect(logoutReasonFor('TOKEN_INVALID')).toBe('expired');
    expect(logoutReasonFor('HTTP_401')).toBe('expired');
    expect(logoutReasonFor(undefined)).toBe('expired');
  });

  it('keeps the reason for the login page, and signing out by hand gives none', () => {
    signIn('duty_officer');
    endSession(logoutReasonFor('SESSION_ENDED'));
    expect(sessionStore.get()).toBeNull();
    expect(logoutReasonStore.get()).toBe('deactivated');
    signIn('duty_officer');
    endSession();
    expect(logoutReasonStore.get()).toBeNull();
  });
});
