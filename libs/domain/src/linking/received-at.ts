/** How far ahead of the server's clock a source's `receivedAt` may be before it is treated as a wrong clock. */
export const DEFAULT_CLOCK_TOLERANCE_S = 60;

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
 * for its timestamp: refusing an emergency call loses it. A clock that runs behind needs nothing:
 * the call lands in the past, as a late delivery does.
 */
export function acceptedReceivedAt(reported: Date, serverNow: Date, toleranceS: number = DEFAULT_CLOCK_TOLERANCE_S): AcceptedReceivedAt {
  if (reported.getTime() > serverNow.getTime() + toleranceS * 1000) return { receivedAt: new Date(serverNow.getTime()), reportedReceivedAt: reported };
  return { receivedAt: reported, reportedReceivedAt: null };
}

/** Whole minutes a source's clock ran ahead, as shown to officers (at least 1). */
export function clockAheadMinutes(receivedAt: Date, reportedReceivedAt: Date): number {
  return Math.max(1, Math.round((reportedReceivedAt.getTime() - receivedAt.getTime()) / 60_000));
}
