import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@beacon/domain';
import { RealtimePublisher } from '../../realtime/realtime.publisher.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
import type { Actor, LoggedContext, WriteContext, WriteOptions, WriteResult } from './event-log.types.js';
import { PreparedStatements, runLoggedTransaction, type PgClient } from './logged-transaction.js';

/** The one way state changes: change + events in one transaction, then publish after commit. */
@Injectable()
export class EventLog {
  private readonly logger = new Logger(EventLog.name);
  private readonly prepared = new PreparedStatements();

  constructor(
    private readonly ds: DataSource,
    private readonly publisher: RealtimePublisher,
    private readonly metrics: BeaconMetrics,
  ) {}

  /**
   * `opening`: SQL (no bind parameters) to run in the same message as START TRANSACTION, so work that
   * must start by taking locks and reading pays one round trip for all of it (under load each round
   * trip waits its turn on the event loop, and other batches wait on those locks); the work gets the
   * rows of its last statement as `ctx.opened`. `prepare`: SQL-level prepared statements the opening
   * EXECUTEs, prepared once per connection. The recorded events' INSERT (appendEventsSql) goes out with
   * COMMIT, in one message, so the append lock that orders every transaction's events is held for the
   * INSERT and the WAL flush only — or, where the work closes the transaction with its own statement
   * (ctx.closeWith), that statement appends them and goes out with COMMIT.
   */
  async write<T>(actor: Actor, work: (ctx: WriteContext) => Promise<T>, options: WriteOptions = {}): Promise<WriteResult<T>> {
    const hooks: Array<() => Promise<void> | void> = [];
    const { result, events } = await this.transact(actor, options, (logged, manager) =>
      work({ ...logged, manager, afterCommit: (hook) => hooks.push(hook) }),
    );
    await this.published(events);
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

  /**
   * Committed events, counted and handed to realtime: only now may anyone hear about them. Also for
   * events committed elsewhere (the intake worker thread).
   */
  async published(events: EventEnvelope[]): Promise<void> {
    for (const event of events) {
      this.metrics.eventsAppended.inc({ type: event.type });
    }
    await this.publisher.publish(events).catch((err: unknown) => {
      // Clients resync from GET /api/events, so a failed emit loses nothing.
      this.logger.error({ err }, 'publishing committed events failed');
    });
  }

  /** Events committed elsewhere may never have been published (the intake worker thread died holding some): consoles page the log. */
  committedUnpublished(why: string): void {
    this.publisher.eventsMayBeLost(why);
  }

  /**
   * runLoggedTransaction on a connection of TypeORM's pool, the work's saves joining the transaction;
   * the committed events are returned, not published: write() publishes, or whoever calls this must
   * (published()).
   */
  async transact<R>(actor: Actor, options: WriteOptions, work: (ctx: LoggedContext, manager: EntityManager) => Promise<R>): Promise<{ result: R; events: EventEnvelope[] }> {
    const runner = this.ds.createQueryRunner();
    try {
      // TypeORM types the driver connection as any; it is node-postgres's Client.
      const client = (await runner.connect()) as PgClient;
      return await runLoggedTransaction(client, this.prepared, actor, options, async (ctx) => {
        // Tell TypeORM what startTransaction would have: a transaction is open at depth 1, so the work's
        // saves join it (nested transactions become savepoints) and nothing else opens one.
        Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
        try {
          return await work(ctx, runner.manager);
        } finally {
          Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
        }
      });
    } finally {
      await runner.release();
    }
  }
}
