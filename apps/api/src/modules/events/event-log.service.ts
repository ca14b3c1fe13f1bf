import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@beacon/domain';
import { RealtimePublisher } from '../../realtime/realtime.publisher.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
import { preparedQuery } from '../../database/prepared-query.js';
import type { Actor, PendingEvent, WriteContext, WriteResult } from './event-log.types.js';

/**
 * Appends are serialised by this transaction-scoped advisory lock, taken just before the INSERT and
 * held to COMMIT, so `seq` order equals commit order: a reader paging with `after=seq` can never
 * skip an event that commits later with a smaller seq.
 */
const EVENT_APPEND_LOCK = 7_311_001;

/** The one way state changes: change + events in one transaction, then publish after commit. */
@Injectable()
export class EventLog {
  private readonly logger = new Logger(EventLog.name);

  constructor(
    private readonly ds: DataSource,
    private readonly publisher: RealtimePublisher,
    private readonly metrics: BeaconMetrics,
  ) {}

  async write<T>(actor: Actor, work: (ctx: WriteContext) => Promise<T>): Promise<WriteResult<T>> {
    const hooks: Array<() => Promise<void> | void> = [];
    const { result, events } = await this.ds.transaction(async (manager) => {
      const pending: PendingEvent[] = [];
      const ctx: WriteContext = {
        manager,
        actor,
        record: (event) => pending.push(event),
        afterCommit: (hook) => hooks.push(hook),
      };
      const result = await work(ctx);
      const events = await this.append(manager, actor, pending);
      return { result, events };
    });
    // Committed: only now may anyone hear about it.
    for (const event of events) {
      this.metrics.eventsAppended.inc({ type: event.type });
    }
    await this.publisher.publish(events).catch((err: unknown) => {
      // Clients resync from GET /api/events, so a failed emit loses nothing.
      this.logger.error({ err }, 'publishing committed events failed');
    });
    // After-commit hooks (enqueueing timer jobs …) do not hold up the answer: what they act on is
    // already durable in Postgres, and the worker's re-arm sweep repairs any hook that failed.
    if (hooks.length) {
      void (async () => {
        for (const hook of hooks) {
          await Promise.resolve()
            .then(hook)
            .catch((err: unknown) => this.logger.error({ err }, 'after-commit hook failed'));
        }
      })();
    }
    return { result, events };
  }

  private async append(manager: EntityManager, actor: Actor, pending: PendingEvent[]): Promise<EventEnvelope[]> {
    if (pending.length === 0) return [];
    const rows = pending.map((e) => {
      const by = e.actor ?? actor;
      return {
        type: e.type, aggregate_type: e.aggregate.type, aggregate_id: e.aggregate.id, jurisdiction_id: e.jurisdictionId,
        actor_type: by.type, actor_id: by.id, actor_name: by.name, payload: e.payload,
      };
    });
    const inserted = await preparedQuery<{ seq: string; at: Date }>(manager, 'beacon_event_append', APPEND_SQL, [EVENT_APPEND_LOCK, JSON.stringify(rows)]);
    // Only seq and at come back: the rest is what was just sent (seq follows the events' order).
    const stamps = inserted.map((r) => ({ seq: Number(r.seq), at: new Date(r.at).toISOString() })).sort((a, b) => a.seq - b.seq);
    return pending.map((e, i) => ({
      seq: stamps[i]!.seq,
      type: e.type,
      at: stamps[i]!.at,
      aggregate: { type: e.aggregate.type, id: e.aggregate.id },
      jurisdictionId: e.jurisdictionId,
      actor: { ...(e.actor ?? actor) },
      payload: e.payload,
    }));
  }
}

/**
 * One statement, one fixed text (prepared once per connection): the lock is joined in, so it is held
 * before any row (and its seq) is produced, and ORDER BY keeps the transaction's own event order.
 */
const APPEND_SQL = `INSERT INTO events (type, aggregate_type, aggregate_id, jurisdiction_id, actor_type, actor_id, actor_name, payload)
  SELECT v.type, v.aggregate_type, v.aggregate_id, v.jurisdiction_id, v.actor_type, v.actor_id, v.actor_name, v.payload
    FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (type text, aggregate_type text, aggregate_id text, jurisdiction_id uuid,
                                                       actor_type text, actor_id text, actor_name text, payload jsonb))
         WITH ORDINALITY AS v(type, aggregate_type, aggregate_id, jurisdiction_id, actor_type, actor_id, actor_name, payload, n)
   CROSS JOIN (SELECT pg_advisory_xact_lock($1::bigint)) AS lock
   ORDER BY v.n
  RETURNING seq, at`;
