import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@beacon/domain';
import { RealtimePublisher } from '../../realtime/realtime.publisher.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
import { escapeLiteral } from '../../database/sql-literal.js';
import { appendEventsSql, envelopesOf, eventRowsParam, type EventStamp } from './event-append.js';
import type { Actor, Closing, PendingEvent, SqlPrepared, WriteContext, WriteOptions, WriteResult } from './event-log.types.js';

interface PgClient {
  query<R>(text: string): Promise<{ rows: R[] } | Array<{ rows: R[] }>>;
}

/** The one way state changes: change + events in one transaction, then publish after commit. */
@Injectable()
export class EventLog {
  private readonly logger = new Logger(EventLog.name);
  /** SQL-level prepared statements per connection (a new connection is a new client object). */
  private readonly prepared = new WeakMap<PgClient, Set<string>>();

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
    const { result, events } = await this.transaction(options, async (manager, opened) => {
      const pending: PendingEvent[] = [];
      let closing: Closing<unknown> | undefined;
      const ctx: WriteContext = {
        manager,
        actor,
        opened,
        record: (event) => pending.push(event),
        afterCommit: (hook) => hooks.push(hook),
        closeWith: <R>(c: Closing<R>) => {
          if (closing) throw new Error('a transaction has one closing statement');
          closing = c as Closing<unknown>;
        },
      };
      const result = await work(ctx);
      return { result, pending, closing };
    }, actor);
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

  /**
   * START TRANSACTION (with `opening`), the work on TypeORM's query runner, then the events' INSERT and
   * COMMIT in one message. TypeORM's own transaction() would send COMMIT alone.
   */
  private async transaction<R>(
    { opening, prepare = [] }: WriteOptions,
    fn: (manager: EntityManager, opened: unknown[]) => Promise<{ result: R; pending: PendingEvent[]; closing?: Closing<unknown> }>,
    actor: Actor,
  ): Promise<{ result: R; events: EventEnvelope[] }> {
    const runner = this.ds.createQueryRunner();
    try {
      // TypeORM types the driver connection as any; it is node-postgres's Client.
      const client = (await runner.connect()) as PgClient;
      await this.ensurePrepared(client, prepare);
      const started = await client.query<unknown>(opening === undefined ? 'START TRANSACTION' : `START TRANSACTION; ${opening}`).catch(async (err: unknown) => {
        // The transaction opened and the opening failed: close it before the connection goes back.
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      });
      const opened = Array.isArray(started) ? started[started.length - 1]!.rows : [];
      // Tell TypeORM what startTransaction would have: a transaction is open at depth 1, so the work's
      // saves join it (nested transactions become savepoints) and nothing else opens one.
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      try {
        const { result, pending, closing } = await fn(runner.manager, opened);
        const events = await this.commit(client, actor, pending, closing);
        return { result, events };
      } catch (err) {
        // Also after a failed COMMIT, which has ended the transaction already (ROLLBACK then only warns).
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
      }
    } finally {
      await runner.release();
    }
  }

  /** PREPARE (SQL level) what the opening will EXECUTE, once per connection: a round trip only the first time. */
  private async ensurePrepared(client: PgClient, statements: ReadonlyArray<SqlPrepared>): Promise<void> {
    let done = this.prepared.get(client);
    for (const { name, sql } of statements) {
      if (done?.has(name)) continue;
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`prepared statement name ${name} is not a plain identifier`);
      await client.query(`PREPARE ${name} AS ${sql}`);
      if (!done) this.prepared.set(client, (done = new Set()));
      done.add(name);
    }
  }

  /** The last message: the closing statement (by default the events' INSERT) with COMMIT. */
  private async commit(client: PgClient, actor: Actor, pending: PendingEvent[], closing: Closing<unknown> = APPEND_EVENTS): Promise<EventEnvelope[]> {
    if (closing === APPEND_EVENTS && pending.length === 0) {
      await client.query('COMMIT');
      return [];
    }
    const results = await client.query<unknown>(`${closing.sql(escapeLiteral(eventRowsParam(actor, pending)))}; COMMIT`);
    // Two statements in one message: node-postgres answers with one result each.
    const rows = (Array.isArray(results) ? results[0] : results)!.rows;
    return envelopesOf(actor, pending, closing.committed(rows));
  }
}

/** The closing statement of a transaction whose work names none: its events' INSERT alone. */
const APPEND_EVENTS: Closing<EventStamp> = { sql: appendEventsSql, committed: (stamps) => stamps };
