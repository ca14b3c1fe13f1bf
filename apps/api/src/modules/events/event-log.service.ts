import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@beacon/domain';
import { RealtimePublisher } from '../../realtime/realtime.publisher.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
import { preparedQuery } from '../../database/prepared-query.js';
import { EVENT_APPEND_LOCK, appendEventsSql, envelopesOf, eventRowsParam, type EventStamp } from './event-append.js';
import type { Actor, InlineAppend, PendingEvent, WriteContext, WriteResult } from './event-log.types.js';

/** The one way state changes: change + events in one transaction, then publish after commit. */
@Injectable()
export class EventLog {
  private readonly logger = new Logger(EventLog.name);

  constructor(
    private readonly ds: DataSource,
    private readonly publisher: RealtimePublisher,
    private readonly metrics: BeaconMetrics,
  ) {}

  /**
   * `opening`: SQL (no parameters) to run in the same message as START TRANSACTION, so work that must
   * start by taking locks pays one round trip for both (under load each one waits its turn on the
   * event loop, and other batches wait on those locks).
   */
  async write<T>(actor: Actor, work: (ctx: WriteContext) => Promise<T>, options: { opening?: string } = {}): Promise<WriteResult<T>> {
    const hooks: Array<() => Promise<void> | void> = [];
    const { result, events } = await this.transaction(options.opening, async (manager) => {
      const pending: PendingEvent[] = [];
      // Events a statement of the work appended itself (appendInline), one list per statement.
      const inline: EventEnvelope[][] = [];
      let inlineIssued = 0;
      const ctx: WriteContext = {
        manager,
        actor,
        record: (event) => pending.push(event),
        afterCommit: (hook) => hooks.push(hook),
        appendInline: (events) => {
          inlineIssued++;
          return this.inlineAppend(actor, events, inline);
        },
      };
      const result = await work(ctx);
      if (inline.length !== inlineIssued) throw new Error('event append: an inline append was never stamped');
      const events = [...inline.flat(), ...(await this.append(manager, actor, pending))];
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

  /** TypeORM's DataSource.transaction, except that `opening` goes out with START TRANSACTION. */
  private async transaction<R>(opening: string | undefined, fn: (manager: EntityManager) => Promise<R>): Promise<R> {
    if (opening === undefined) return this.ds.transaction(fn);
    const runner = this.ds.createQueryRunner();
    try {
      const client = (await runner.connect()) as { query(text: string): Promise<unknown> };
      await client.query(`START TRANSACTION; ${opening}`).catch(async (err: unknown) => {
        // The transaction opened and the opening failed: close it before the connection goes back.
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      });
      // Tell TypeORM what startTransaction would have: a transaction is open at depth 1, so the work's
      // saves join it and commit/rollback below end it (both fields are TypeORM's own bookkeeping).
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      try {
        const result = await fn(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (err) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  private async append(manager: EntityManager, actor: Actor, pending: PendingEvent[]): Promise<EventEnvelope[]> {
    if (pending.length === 0) return [];
    const stamps = await preparedQuery<EventStamp>(manager, 'beacon_event_append', APPEND_SQL, [EVENT_APPEND_LOCK, eventRowsParam(actor, pending)]);
    return envelopesOf(actor, pending, stamps);
  }

  private inlineAppend(actor: Actor, events: PendingEvent[], into: EventEnvelope[][]): InlineAppend {
    return {
      lock: EVENT_APPEND_LOCK,
      rows: eventRowsParam(actor, events),
      stamped: (stamps) => {
        into.push(envelopesOf(actor, events, stamps));
      },
    };
  }
}

/** One statement, one fixed text (prepared once per connection). */
const APPEND_SQL = appendEventsSql('$1', '$2');
