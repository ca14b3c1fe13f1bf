/**
 * A console knows its user's roles and jurisdiction from its token, renewed every few hours. When the
 * server refuses an action (403), a role may have been taken away since: the console then renews at
 * once, so the token — and with it what the console offers — follows the user as stored now. Once per
 * interval at most, and one renewal at a time: a screen of refused requests asks once.
 */
export const STANDING_REFRESH_MIN_MS = 15_000;

export interface StandingRefreshDeps {
  /** Renews the session and applies the answer (rejects when it could not). */
  renew: () => Promise<void>;
  now: () => number;
  minIntervalMs?: number;
}

/** A function to call on every 403: it renews the session unless one renewal ran or runs within the interval. */
export function standingRefresher({ renew, now, minIntervalMs = STANDING_REFRESH_MIN_MS }: StandingRefreshDeps): () => void {
  let last = Number.NEGATIVE_INFINITY;
  let running = false;
  return () => {
    const t = now();
    if (running || t - last < minIntervalMs) return;
    last = t;
    running = true;
    // A failure needs nothing here: a 401 has ended the session already (http's onUnauthorized), and a
    // network failure leaves the scheduled renewal to try again.
    void renew()
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  };
}
