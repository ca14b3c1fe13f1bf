/**
 * A 7×24 console renews its session before the token expires: signed out at 3 a.m., the desk would
 * show the login page and sound no alarm. Renewal asks the server (which refuses a deactivated
 * account), so it is not a way around signing out.
 */

/** Renew when this much of the token's life is left. */
export const RENEW_BEFORE_MS = 10 * 60_000;
/** A renewal that failed for want of the network is tried again this often, until the token expires. */
export const RENEW_RETRY_MS = 30_000;
/** setTimeout's limit (~24.8 days): a token that far off is not timed here. */
const MAX_TIMER_MS = 2_000_000_000;

/**
 * How long until the session should be renewed, or null when it is not timed here: ten minutes before
 * it expires, but never in the first half of what is left, so a short-lived token (a test's, or a
 * server's short JWT_TTL_S) is not renewed in a tight loop.
 */
export function renewInMs(expiresAt: string, now: number): number | null {
  const expires = Date.parse(expiresAt);
  if (Number.isNaN(expires)) return null;
  const left = expires - now;
  const ms = Math.max(0, left - RENEW_BEFORE_MS, left / 2);
  return ms > MAX_TIMER_MS ? null : Math.round(ms);
}

/** After a failed renewal: when to try again, or null when the token will have expired by then. */
export function retryInMs(expiresAt: string, now: number): number | null {
  const left = Date.parse(expiresAt) - now;
  if (Number.isNaN(left) || left <= 0) return null;
  return Math.min(RENEW_RETRY_MS, left);
}

/** The desk is told this long before its sign-in ends (renewals stop then), to hand over or sign in again. */
export const SESSION_END_WARNING_MS = 30 * 60_000;

/** Whether to warn that the sign-in ends soon. */
export function sessionEndsSoon(sessionEndsAt: string, now: number): boolean {
  const left = Date.parse(sessionEndsAt) - now;
  return !Number.isNaN(left) && left <= SESSION_END_WARNING_MS;
}
