/** How far ahead of the server's clock a source's `receivedAt` may be before it is treated as a wrong clock. */
export const DEFAULT_CLOCK_TOLERANCE_S = 60;

/**
 * How far in the past a source's `receivedAt` may be and still be a late delivery (a call centre's
 * queue replayed after an outage, "三断"): a week. Further back it is a wrong clock or a wrong field
 * (a receivedAt of 1900 came through as 1900).
 */
export const MAX_DELIVERY_DELAY_S = 7 * 24 * 3600;

/** The time a call is kept and linked by, and the source's own time when that was not believable. */
export interface AcceptedReceivedAt {
  receivedAt: Date;
  /** The source's `receivedAt`, kept only when its clock ran ahead of ours by more than the tolerance. */
  reportedReceivedAt: Date | null;
}

/**
 * A call cannot have been received after it reached us. A source whose clock runs ahead would
 * otherwise push its incident's last call into the future and stretch the linking window with it
 * (every later call nearby would join for as long as the clock is ahead), so such a call is kept at
 * the server's time, with the source's own time beside it for the record. The call is never refused
 * for its timestamp: refusing an emergency call loses it. A time in the past is a late delivery and
 * stands, up to MAX_DELIVERY_DELAY_S; older than that, it is not believable either and is kept the
 * same way: a call dated 1900 is kept at the time it reached us (and links as a call of now would),
 * with its source's time beside it.
 */
export function acceptedReceivedAt(
  reported: Date,
  serverNow: Date,
  toleranceS: number = DEFAULT_CLOCK_TOLERANCE_S,
  maxDelayS: number = MAX_DELIVERY_DELAY_S,
): AcceptedReceivedAt {
  const ahead = reported.getTime() > serverNow.getTime() + toleranceS * 1000;
  const tooOld = reported.getTime() < serverNow.getTime() - maxDelayS * 1000;
  if (ahead || tooOld) return { receivedAt: new Date(serverNow.getTime()), reportedReceivedAt: reported };
  return { receivedAt: reported, reportedReceivedAt: null };
}

export type ClockSkewUnit = 'minutes' | 'hours' | 'days';

/** How a source's own time differs from the one kept, as shown to officers: ahead or behind, about how much. */
export interface SourceClockSkew {
  ahead: boolean;
  /** Whole units, at least 1. */
  amount: number;
  unit: ClockSkewUnit;
}

/** Minutes below two hours, hours below two days, days beyond (a clock years off reads in days, not millions of minutes). */
export function sourceClockSkew(receivedAt: Date, reportedReceivedAt: Date): SourceClockSkew {
  const diff = reportedReceivedAt.getTime() - receivedAt.getTime();
  const ahead = diff >= 0;
  // Rounded before the unit is chosen: 119.5 minutes reads "2 hours", not "120 minutes".
  const minutes = Math.max(1, Math.round(Math.abs(diff) / 60_000));
  if (minutes < 120) return { ahead, amount: minutes, unit: 'minutes' };
  const hours = Math.round(minutes / 60);
  if (hours < 48) return { ahead, amount: hours, unit: 'hours' };
  return { ahead, amount: Math.round(minutes / 1440), unit: 'days' };
}
