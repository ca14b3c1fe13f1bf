import { Injectable } from '@nestjs/common';
import type { WriteContext } from '../modules/events/event-log.types.js';
import { TIMER_KINDS, type TimerJobs, type TimerKind } from './queues.js';

export type TimerHandler<K extends TimerKind> = (payload: TimerJobs[K], ctx: WriteContext) => Promise<void>;

/** Modules register what happens when their timers fire; the worker checks completeness at boot. */
@Injectable()
export class TimerHandlerRegistry {
  private readonly handlers = new Map<TimerKind, TimerHandler<TimerKind>[]>();

  register<K extends TimerKind>(kind: K, handler: TimerHandler<K>): void {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler as TimerHandler<TimerKind>]);
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
