import { RENEW_BEFORE_MS, RENEW_RETRY_MS, SESSION_END_WARNING_MS, renewInMs, retryInMs, sessionEndsSoon } from './renewal';

const now = Date.parse('2026-11-25T03:00:00Z');
const inMs = (ms: number) => new Date(now + ms).toISOString();

describe('session renewal timing', () => {
  it('renews ten minutes before the token expires', () => {
    expect(renewInMs(inMs(12 * 3600_000), now)).toBe(12 * 3600_000 - RENEW_BEFORE_MS);
  });

  it('renews a token with less than that left halfway through what is left, never in a tight loop', () => {
    expect(renewInMs(inMs(60_000), now)).toBe(30_000);
    expect(renewInMs(inMs(2 * RENEW_BEFORE_MS), now)).toBe(RENEW_BEFORE_MS);
  });

  it('renews at once a token that has already expired', () => {
    expect(renewInMs(inMs(0), now)).toBe(0);
    expect(renewInMs(inMs(-5000), now)).toBe(0);
  });

  it('does not time a token it cannot read or one beyond setTimeout\'s reach', () => {
    expect(renewInMs('not a date', now)).toBeNull();
    expect(renewInMs(inMs(30 * 24 * 3600_000), now)).toBeNull();
  });

  it('retries every 30 s, then at the expiry, then gives up', () => {
    expect(retryInMs(inMs(5 * 60_000), now)).toBe(RENEW_RETRY_MS);
    expect(retryInMs(inMs(10_000), now)).toBe(10_000);
    expect(retryInMs(inMs(0), now)).toBeNull();
    expect(retryInMs('not a date', now)).toBeNull();
  });

  it('warns in the last half hour of a sign-in, not before', () => {
    expect(sessionEndsSoon(inMs(SESSION_END_WARNING_MS + 1000), now)).toBe(false);
    expect(sessionEndsSoon(inMs(SESSION_END_WARNING_MS), now)).toBe(true);
    expect(sessionEndsSoon(inMs(-1000), now)).toBe(true);
    expect(sessionEndsSoon('not a date', now)).toBe(false);
  });
});
