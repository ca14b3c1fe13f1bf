import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventType } from '@beacon/domain';
import type { EventStamp } from './event-append.js';

export interface Actor {
  type: 'user' | 'integration' | 'system';
  id: string | null;
  name: string | null;
}

export interface PendingEvent {
  type: EventType;
  aggregate: { type: string; id: string };
  jurisdictionId: string | null;
  payload: unknown;
  /** Who caused this event when it differs from the transaction's actor (a group-committed batch). */
  actor?: Actor;
}

/** What work inside a logged transaction gets, on any connection: its opening's rows, a place to record events, its closing. */
export interface LoggedContext {
  readonly actor: Actor;
  /** Rows of the last statement of the write's `opening` (none without one). */
  readonly opened: unknown[];
  record(event: PendingEvent): void;
  /**
   * Ends the transaction with the work's own statement instead of EventLog's events INSERT: it goes
   * out with COMMIT in one message, so work whose last write needs no answer before the commit saves a
   * round trip. At most once per transaction.
   */
  closeWith<R>(closing: Closing<R>): void;
}

/** What a unit of work in the API gets: also TypeORM's transaction and post-commit hooks. */
export interface WriteContext extends LoggedContext {
  readonly manager: EntityManager;
  /** Runs only if the transaction commits (enqueue a timer job, invalidate a cache …). */
  afterCommit(hook: () => Promise<void> | void): void;
}

/** A transaction's last statement, written by its work (WriteContext.closeWith). */
export interface Closing<R> {
  /**
   * The statement (simple protocol: literals, no bind parameters) given the recorded events as an
   * escaped jsonb literal. It must append them itself, with appendEventsSql (which takes the append
   * lock).
   */
  sql(events: string): string;
  /** Given its rows once COMMIT has succeeded: the appended events' stamps. */
  committed(rows: R[]): EventStamp[];
}

/** A statement PREPAREd at the SQL level (an opening may EXECUTE it inside its simple-protocol message). */
export interface SqlPrepared {
  name: string;
  sql: string;
}

export interface WriteOptions {
  opening?: string;
  prepare?: ReadonlyArray<SqlPrepared>;
}

export interface WriteResult<T> {
  result: T;
  events: EventEnvelope[];
}
