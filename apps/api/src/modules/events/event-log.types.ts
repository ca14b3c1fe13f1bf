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
  record(event: PendingEvent): void;
  /** Runs only if the transaction commits (enqueue a timer job, invalidate a cache …). */
  afterCommit(hook: () => Promise<void> | void): void;
}

export interface WriteResult<T> {
  result: T;
  events: EventEnvelope[];
}
