import { Injectable } from '@nestjs/common';
import type { WriteContext } from '../modules/events/event-log.types.js';
import { TIMER_KINDS, type TimerJobs, type TimerKind } from './queues.js';

/**
 * Timers of one kind that fell due together and fire in one transaction. A handler locks what it
 * will change first and claims the timers after, so it takes locks in the order every command that
 * cancels timers does (aggregate, then timer) and the two never deadlock.
 */
export interface DueTimers<K extends TimerKind> {
  timers: Array<{ id: string; payload: TimerJobs[K] }>;
  /**
   * Marks these timers fired; returns the ids this transaction won. A timer fired elsewhere or
   * cancelled meanwhile is not won and must have no effect. Claim every timer handed over, even
   * one that turns out moot, or it stays pending and is re-armed again and again.
   */
  claim(ids: string[]): Promise<Set<string>>;
}

export type TimerHandler<K extends TimerKind> = (due: DueTimers<K>, ctx: WriteContext) => Promise<void>;

/** Modules register what happens when their timers fire; the worker checks completeness at boot. */
@Injectable()
export class TimerHandlerRegistry {
  private readonly handlers = new Map<TimerKind, TimerHandler<TimerKind>[]>();

  register<K extends TimerKind>(kind: K, handler: TimerHandler<K>): void {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler as unknown as TimerHandler<TimerKind>]);
  }

  get(kind: string): TimerHandler<TimerKind> {
    const list = this.handlers.get(kind as TimerKind);
    if (!list || list.length !== 1) throw new Error(`timer kind ${kind} has ${list?.length ?? 0} handlers`);
    return list[0]!;
  }

  /** Throws naming every kind with zero or several handlers. */
  assertComplete(): void {
    const wrong = TIMER_KINDS.filter((k) => (this.handlers.get(k)?.length ?? 0) !== 1).map(
      (k) => `${k} (${this.handlers.get(k)?.length ?? 0} handlers)`,
    );
    if (wrong.length) throw new Error(`Beacon refuses to start: timer jobs without exactly one handler: ${wrong.join(', ')}`);
  }
}
