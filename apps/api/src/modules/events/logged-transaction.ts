import type { EventEnvelope } from '@beacon/domain';
import { escapeLiteral } from '../../database/sql-literal.js';
import { appendEventsSql, envelopesOf, eventRowsParam, type EventStamp } from './event-append.js';
import type { Actor, Closing, LoggedContext, PendingEvent, SqlPrepared, WriteOptions } from './event-log.types.js';

/** What the log needs of a connection: node-postgres's Client (TypeORM's driver connection is one). */
export interface PgClient {
  query<R>(text: string): Promise<{ rows: R[] } | Array<{ rows: R[] }>>;
}

/** SQL-level prepared statements, per connection (a new connection is a new client object). */
export class PreparedStatements {
  private readonly done = new WeakMap<PgClient, Set<string>>();

  /** PREPARE what the opening will EXECUTE, once per connection: a round trip only the first time. */
  async ensure(client: PgClient, statements: ReadonlyArray<SqlPrepared>): Promise<void> {
    let done = this.done.get(client);
    for (const { name, sql } of statements) {
      if (done?.has(name)) continue;
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`prepared statement name ${name} is not a plain identifier`);
      await client.query(`PREPARE ${name} AS ${sql}`);
      if (!done) this.done.set(client, (done = new Set()));
      done.add(name);
    }
  }
}

/**
 * One logged transaction on a connection: START TRANSACTION (with `opening`), the work, then its
 * closing statement (by default the recorded events' INSERT) with COMMIT in one message. Returns the
 * committed events; publishing them is the caller's. EventLog runs it on TypeORM's connection, the
 * intake worker thread on its own.
 */
export async function runLoggedTransaction<R>(
  client: PgClient,
  prepared: PreparedStatements,
  actor: Actor,
  { opening, prepare = [] }: WriteOptions,
  work: (ctx: LoggedContext) => Promise<R>,
): Promise<{ result: R; events: EventEnvelope[] }> {
  await prepared.ensure(client, prepare);
  const started = await client.query<unknown>(opening === undefined ? 'START TRANSACTION' : `START TRANSACTION; ${opening}`).catch(async (err: unknown) => {
    // The transaction opened and the opening failed: close it before the connection goes back.
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  });
  const opened = Array.isArray(started) ? started[started.length - 1]!.rows : [];
  const pending: PendingEvent[] = [];
  let closing: Closing<unknown> | undefined;
  try {
    const result = await work({
      actor,
      opened,
      record: (event) => pending.push(event),
      closeWith: <C>(c: Closing<C>) => {
        if (closing) throw new Error('a transaction has one closing statement');
        closing = c as Closing<unknown>;
      },
    });
    return { result, events: await commit(client, actor, pending, closing) };
  } catch (err) {
    // Also after a failed COMMIT, which has ended the transaction already (ROLLBACK then only warns).
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** The last message: the closing statement (by default the events' INSERT) with COMMIT. */
async function commit(client: PgClient, actor: Actor, pending: PendingEvent[], closing: Closing<unknown> = APPEND_EVENTS): Promise<EventEnvelope[]> {
  if (closing === APPEND_EVENTS && pending.length === 0) {
    await client.query('COMMIT');
    return [];
  }
  const results = await client.query<unknown>(`${closing.sql(escapeLiteral(eventRowsParam(actor, pending)))}; COMMIT`);
  // Two statements in one message: node-postgres answers with one result each.
  const rows = (Array.isArray(results) ? results[0] : results)!.rows;
  return envelopesOf(actor, pending, closing.committed(rows));
}

/** The closing statement of a transaction whose work names none: its events' INSERT alone. */
const APPEND_EVENTS: Closing<EventStamp> = { sql: appendEventsSql, committed: (stamps) => stamps };
