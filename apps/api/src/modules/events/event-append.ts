import type { EventEnvelope } from '@beacon/domain';
import type { Actor, PendingEvent } from './event-log.types.js';

/**
 * Appends are serialised by this transaction-scoped advisory lock, taken just before the INSERT and
 * held to COMMIT, so `seq` order equals commit order: a reader paging with `after=seq` can never
 * skip an event that commits later with a smaller seq.
 */
const EVENT_APPEND_LOCK = 7_311_001;

/** What Postgres returns for each appended event, in the events' order. */
export interface EventStamp {
  seq: string | number;
  at: Date | string;
}

/** How a closing statement may shape the events it appends (see appendEventsSql). */
export interface AppendShaping {
  /** FROM items joined to the event rows `v` (e.g. a LEFT JOIN on the statement's own CTEs). */
  join: string;
  /** The SQL of each stored payload, in place of `v.payload`. */
  payload: string;
}

/**
 * The INSERT of a transaction's events from a jsonb array (`rows`: SQL giving eventRowsParam's JSON,
 * e.g. an escaped literal), RETURNING seq, at. The append lock is joined in, so it is held before any
 * row (and its seq) is produced, and ORDER BY keeps the transaction's own event order. It is sent with
 * COMMIT in one message (EventLog), so the lock is held only for the INSERT and the commit's WAL flush,
 * not also for a round trip back to a busy API and its turn on the event loop before COMMIT goes out:
 * every other transaction's append waits for exactly that span.
 *
 * `shaping` lets a closing statement fill in what only it knows (new incidents' numbers) as the rows
 * are inserted: the array is parsed once, where rebuilding it first (jsonb_array_elements, jsonb_agg)
 * cost an intake batch's write an eighth of its Postgres CPU.
 */
export function appendEventsSql(rows: string, shaping?: AppendShaping): string {
  return `INSERT INTO events (type, aggregate_type, aggregate_id, jurisdiction_id, actor_type, actor_id, actor_name, payload)
  SELECT v.type, v.aggregate_type, v.aggregate_id, v.jurisdiction_id, v.actor_type, v.actor_id, v.actor_name, ${shaping?.payload ?? 'v.payload'}
    FROM ROWS FROM (jsonb_to_recordset(${rows}::jsonb) AS (type text, aggregate_type text, aggregate_id text, jurisdiction_id uuid,
                                                       actor_type text, actor_id text, actor_name text, payload jsonb))
         WITH ORDINALITY AS v(type, aggregate_type, aggregate_id, jurisdiction_id, actor_type, actor_id, actor_name, payload, n)${shaping ? `
    ${shaping.join}` : ''}
   CROSS JOIN (SELECT pg_advisory_xact_lock(${EVENT_APPEND_LOCK})) AS lock
   ORDER BY v.n
  RETURNING seq, at`;
}

/** The events as the jsonb array parameter of appendEventsSql. */
export function eventRowsParam(actor: Actor, pending: PendingEvent[]): string {
  return JSON.stringify(
    pending.map((e) => {
      const by = e.actor ?? actor;
      return {
        type: e.type, aggregate_type: e.aggregate.type, aggregate_id: e.aggregate.id, jurisdiction_id: e.jurisdictionId,
        actor_type: by.type, actor_id: by.id, actor_name: by.name, payload: e.payload,
      };
    }),
  );
}

/** The appended events as published: only seq and at come back from Postgres, the rest is what was sent. */
export function envelopesOf(actor: Actor, pending: PendingEvent[], stamps: EventStamp[]): EventEnvelope[] {
  if (stamps.length !== pending.length) throw new Error(`event append: ${stamps.length} rows for ${pending.length} events`);
  // seq follows the events' order (ORDER BY v.n), whatever order RETURNING lists them in.
  const ordered = stamps.map((r) => ({ seq: Number(r.seq), at: new Date(r.at).toISOString() })).sort((a, b) => a.seq - b.seq);
  return pending.map((e, i) => ({
    seq: ordered[i]!.seq,
    type: e.type,
    at: ordered[i]!.at,
    aggregate: { type: e.aggregate.type, id: e.aggregate.id },
    jurisdictionId: e.jurisdictionId,
    actor: { ...(e.actor ?? actor) },
    payload: e.payload,
  }));
}
