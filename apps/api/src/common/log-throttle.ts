/**
 * At most one log line per period for a failure that repeats with every request or event during an
 * outage (the failures themselves are counted in metrics): `due()` says whether this one is logged.
 */
export class LogThrottle {
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly periodMs = 10_000) {}

  due(now = Date.now()): boolean {
    if (now - this.lastAt < this.periodMs) return false;
    this.lastAt = now;
    return true;
  }
}
