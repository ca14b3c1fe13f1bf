import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@beacon/domain';
import { RealtimePublisher } from '../../realtime/realtime.publisher.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
import { EVENT_COLUMNS, envelopeOf, type EventRow } from './event-row.js';
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
    const values: unknown[] = [EVENT_APPEND_LOCK];
    const tuples = pending.map((e, i) => {
      const o = 1 + i * 8;
      const by = e.actor ?? actor;
      values.push(e.type, e.aggregate.type, e.aggregate.id, e.jurisdictionId, by.type, by.id, by.name, JSON.stringify(e.payload));
      return `($${o + 1}::text, $${o + 2}::text, $${o + 3}::text, $${o + 4}::uuid, $${o + 5}::text, $${o + 6}::text, $${o + 7}::text, $${o + 8}::jsonb)`;
    });
    const rows: EventRow[] = await manager.query(
      // The lock is joined in, so it is held before any row (and its seq) is produced: one round trip.
      `INSERT INTO events (type, aggregate_type, aggregate_id, jurisdiction_id, actor_type, actor_id, actor_name, payload)
       SELECT v.* FROM (VALUES ${tuples.join(', ')}) AS v CROSS JOIN (SELECT pg_advisory_xact_lock($1::bigint)) AS lock
       RETURNING ${EVENT_COLUMNS}`,
      values,
    );
    return rows.map(envelopeOf).sort((a, b) => a.seq - b.seq);
  }
}
