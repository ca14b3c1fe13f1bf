import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventType } from '@beacon/domain';

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

/** What a unit of work gets: the transaction, a place to record events, and post-commit hooks. */
export interface WriteContext {
  readonly manager: EntityManager;
  readonly actor: Actor;
  /** Rows of the last statement of the write's `opening` (none without one). */
  readonly opened: unknown[];
  record(event: PendingEvent): void;
  /** Runs only if the transaction commits (enqueue a timer job, invalidate a cache …). */
  afterCommit(hook: () => Promise<void> | void): void;
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
