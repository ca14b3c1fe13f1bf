/**
 * The durable event log's envelope, shared by GET /api/events and the realtime socket.
 * Socket messages are emitted under the event's `type` as the socket.io event name; several events
 * of one commit for the same rooms come as one REALTIME_BATCH message (an array, in seq order).
 */
export interface EventEnvelope<T extends string = string, P = unknown> {
  /** Global, strictly increasing sequence (bigint in Postgres, sent as a decimal string-safe number). */
  seq: number;
  type: T;
  at: string;
  aggregate: { type: string; id: string };
  jurisdictionId: string | null;
  actor: { type: 'user' | 'integration' | 'system'; id: string | null; name: string | null };
  payload: P;
  /**
   * Realtime only: when the server published the committed event (ISO 8601, ms). Lets a client
   * measure delivery latency; events read from GET /api/events do not carry it.
   */
  publishedAt?: string;
}

/**
 * The socket.io event name of a message carrying several envelopes of one commit (an intake batch
 * opens many incidents at once): one message instead of one per event for every server and socket.
 */
export const REALTIME_BATCH = 'events.batch';

/**
 * The socket.io message (`{reason}`) by which a server asks its consoles to page GET /api/events from
 * their last seq: live delivery may have lost events (Redis, which carries them between instances,
 * was unreachable), though the socket itself stayed connected.
 */
export const REALTIME_RESYNC = 'resync';

/** Why: the server cannot reach Redis now (consoles are asked again every few seconds), or it can again. */
export type RealtimeResyncReason = 'redis_unreachable' | 'redis_back';

export interface RealtimeResyncMessage {
  reason: RealtimeResyncReason;
}

export interface EventPage {
  events: EventEnvelope[];
  /**
   * Highest seq in the whole log just before the page was read — the log's head, not this page's end:
   * never page on from it (events the caller may see could have committed after it was read).
   */
  lastSeq: number;
  /** Whether more events the caller may see follow: ask again with after=nextAfter. */
  hasMore: boolean;
  /**
   * Where to ask next: with more to come, this page's last seq; without, the later of that and the head
   * (nothing the caller may see lies at or below it unread), so invisible events are not scanned again.
   */
  nextAfter: number;
}

/** Event type names, `aggregate.verb_past`. One list, used by the API, the console and tests. */
export const EVENT_TYPES = [
  'team.updated',
  'shelter.updated',
  'warehouse.updated',
  'call.received',
  'call.linked',
  'call.split',
  'incident.created',
  'incident.updated',
  'incident.acknowledged',
  'incident.ack_overdue',
  'incident.status_changed',
  'incident.grade_raised',
  'incident.grade_changed',
  'incident.grade_raise_seen',
  'incident.merged',
  'incident.unmerged',
  'intake_key.created',
  'intake_key.revoked',
  'system.timer_fired',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
