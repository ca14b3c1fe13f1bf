import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import type { WriteContext } from '../modules/events/event-log.types.js';
import { REDIS } from '../redis/redis.module.js';
import { TIMERS_QUEUE, type TimerJobData, type TimerKind } from './queues.js';
import { insertTimersSql, timersParam, type TimerToSchedule } from './timer-rows.js';

/**
 * Marks due timers fired, each once: a timer fired by another transaction or cancelled meanwhile is
 * skipped (after waiting for that transaction, READ COMMITTED re-checks the row). RETURNING id.
 */
export const CLAIM_TIMERS_SQL = `UPDATE timers SET fired_at = now()
   WHERE id = ANY($1::uuid[]) AND fired_at IS NULL AND cancelled_at IS NULL RETURNING id`;

/** Pending timers among the ids a drain chose, with what the handlers need. */
export const PENDING_TIMERS_SQL = `SELECT id, kind, payload, due_at FROM timers
   WHERE id = ANY($1::uuid[]) AND fired_at IS NULL AND cancelled_at IS NULL`;

/** The next pending timers due by $1 (epoch ms, or now if later), oldest first, leaving out the ids in $2; at most $3. */
export const DUE_TIMERS_SQL = `SELECT id FROM timers
   WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= greatest(now(), to_timestamp($1::float8 / 1000))
     AND NOT (id = ANY($2::uuid[]))
   ORDER BY due_at LIMIT $3`;

/**
 * Timers wake the worker in slots of this length: one BullMQ job per slot, however many timers fall due
 * in it (a surge opens hundreds of incidents a second, each with an ack timer). A timer fires at most
 * this late, never early.
 */
export const WAKE_SLOT_MS = 250;
export const wakeSlot = (dueMs: number): number => Math.ceil(dueMs / WAKE_SLOT_MS) * WAKE_SLOT_MS;
export const wakeJobId = (slot: number): string => `due-${slot}`;
/**
 * How long this process takes a slot it armed as still armed. Short: should Redis lose its jobs, a
 * slot wrongly taken as armed delays a timer until the overdue sweep.
 */
const REMEMBER_ARMED_MS = 1000;

const RETRY_UNQUEUED_MS = 2000;

/** Pending timers past their due time by more than the sweep's threshold. */
export interface OverdueTimers {
  count: number;
  /** How late the oldest of them is, in seconds (0 when none). */
  oldestLateS: number;
}

/**
 * Options of every timer job. A job that failed every attempt is dropped from Redis, not kept: adding
 * a job whose id exists is a no-op even when that job has failed, so a kept failure would block the
 * sweep's re-add and strand its timer (a Postgres outage longer than the retries would silently lose
 * every escalation that fell due during it). Dropped, the timer gets a new job from the overdue sweep.
 */
export const TIMER_JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
} as const;

export function bullConnection(config: AppConfig) {
  return { url: config.REDIS_URL, maxRetriesPerRequest: null };
}

/**
 * Schedules durable timers: the row is written in the caller's transaction (so a rolled-back change
 * leaves no timer), and after commit a BullMQ delayed job wakes the worker at the row's slot
 * (`due-<slot>`: one job per slot, so a repeat is a no-op).
 */
@Injectable()
export class TimersService implements OnApplicationShutdown {
  private readonly logger = new Logger(TimersService.name);
  readonly queue: Queue<TimerJobData>;
  /** Due times whose after-commit wake-up Redis refused, waiting for the next try. */
  private readonly unqueued: Date[] = [];
  /** Slots this process armed lately (slot → when): calls of a surge share a slot and its one job. */
  private readonly armed = new Map<number, number>();
  private retryTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.queue = new Queue<TimerJobData>(TIMERS_QUEUE, { connection: bullConnection(config), prefix: `${config.REDIS_PREFIX}:bull` });
    this.queue.on('error', (err) => this.logger.warn(`timer queue: ${err.message}`));
  }

  /** Several timers in one INSERT (a group-committed intake batch opens many incidents at once). */
  async scheduleMany(ctx: WriteContext, timers: Array<TimerToSchedule<TimerKind>>): Promise<void> {
    if (timers.length === 0) return;
    const rows: Array<{ id: string; due_at: Date | string }> = await ctx.manager.query(insertTimersSql('$1'), [timersParam(timers)]);
    this.enqueueAfterCommit(ctx, rows);
  }

  /**
   * Timer rows just inserted get their wake-up jobs once the transaction commits. Wake-ups Redis refused
   * (a blip) are tried again every few seconds; the worker's overdue sweep is the last resort.
   */
  enqueueAfterCommit(ctx: WriteContext, rows: Array<{ due_at: Date | string }>): void {
    if (rows.length) ctx.afterCommit(() => this.armCommitted(rows));
  }

  /** Wake-up jobs for timer rows already committed (by a transaction that had no WriteContext: the intake worker thread's). */
  armCommitted(rows: Array<{ due_at: Date | string }>): Promise<void> {
    if (!rows.length) return Promise.resolve();
    const dueTimes = rows.map((r) => new Date(r.due_at));
    return this.arm(dueTimes).catch((err: unknown) => {
      this.unqueued.push(...dueTimes);
      this.retryUnqueued();
      throw err;
    });
  }

  private retryUnqueued(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      const dueTimes = this.unqueued.splice(0);
      this.arm(dueTimes).then(
        () => this.logger.log(`armed ${dueTimes.length} timers Redis had refused`),
        () => {
          this.unqueued.unshift(...dueTimes);
          this.retryUnqueued();
        },
      );
    }, RETRY_UNQUEUED_MS);
    this.retryTimer.unref();
  }

  /**
   * Cancels every pending timer whose key starts with `keyPrefix`. Its slot's wake-up stays: it may
   * serve other timers, and finding nothing due costs the worker one read.
   */
  async cancel(ctx: WriteContext, keyPrefix: string): Promise<void> {
    await ctx.manager.query(`UPDATE timers SET cancelled_at = now() WHERE key LIKE $1 AND fired_at IS NULL AND cancelled_at IS NULL`, [
      `${keyPrefix.replace(/[%_]/g, '\\$&')}%`,
    ]);
  }

  /**
   * Wake-up jobs for timers due at these times: one per slot, in one Redis round trip. A slot this
   * process armed within the last second costs nothing; one due now or soon is always sent (its job
   * may have run already).
   */
  async arm(dueTimes: Date[]): Promise<void> {
    const now = Date.now();
    const slots = new Set<number>();
    for (const dueAt of dueTimes) {
      const slot = wakeSlot(dueAt.getTime());
      const armedAt = this.armed.get(slot);
      if (armedAt === undefined || armedAt < now - REMEMBER_ARMED_MS || slot <= now + WAKE_SLOT_MS) slots.add(slot);
    }
    if (!slots.size) return;
    for (const [slot, armedAt] of this.armed) if (armedAt < now - REMEMBER_ARMED_MS) this.armed.delete(slot);
    await this.queue.addBulk(
      [...slots].map((slot) => ({
        name: 'wake',
        data: { dueBy: slot },
        opts: { ...TIMER_JOB_OPTIONS, jobId: wakeJobId(slot), delay: Math.max(0, slot - now) },
      })),
    );
    for (const slot of slots) this.armed.set(slot, now);
  }

  /** The next pending timers due by `dueBy` (or now), oldest first, except `skip`: at most `limit`. */
  async dueIds(dueBy: number, skip: string[], limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(DUE_TIMERS_SQL, [dueBy, skip, limit]);
    return rows.map((r) => r.id);
  }

  /**
   * After a restart or a lost Redis: every slot that holds a pending timer gets its wake-up back (same
   * job id, so no doubles). Returns how many pending timers that covers.
   */
  async rearmAll(): Promise<number> {
    const slots: Array<{ slot: string; n: number }> = await this.ds.query(
      `SELECT ceil(extract(epoch FROM due_at) * 1000 / $1)::bigint * $1 AS slot, count(*)::int AS n FROM timers
        WHERE fired_at IS NULL AND cancelled_at IS NULL GROUP BY 1 ORDER BY 1`,
      [WAKE_SLOT_MS],
    );
    // Redis may have lost what this process remembers as armed.
    this.armed.clear();
    for (let i = 0; i < slots.length; i += 500) await this.arm(slots.slice(i, i + 500).map((s) => new Date(Number(s.slot))));
    const pending = slots.reduce((sum, s) => sum + s.n, 0);
    if (pending) this.logger.log(`re-armed ${pending} pending timers in ${slots.length} wake-ups from Postgres`);
    return pending;
  }

  /**
   * Timers that should have fired `overdueByS` ago (their wake-up went missing, or failed every attempt)
   * get one wake-up for now. Returns how many there are (counting at most `limit`) and how late the
   * oldest is: escalations that cannot fire are shown on /metrics, not only in the logs.
   */
  async wakeForOverdue(overdueByS: number, limit: number): Promise<OverdueTimers> {
    const [{ n, oldest_s }]: Array<{ n: number; oldest_s: number | null }> = await this.ds.query(
      `SELECT count(*)::int AS n, extract(epoch FROM now() - min(due_at))::float8 AS oldest_s
         FROM (SELECT due_at FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL
                  AND due_at < now() - make_interval(secs => $1::float8) ORDER BY due_at LIMIT $2) overdue`,
      [overdueByS, limit],
    );
    if (n) await this.arm([new Date()]);
    return { count: n, oldestLateS: oldest_s ?? 0 };
  }

  /**
   * A key that lives with the queue's jobs: when it is gone, Redis lost the queue (restart without
   * persistence, flush) and every pending timer needs its job back.
   */
  private get armedKey(): string {
    return `${this.queue.opts.prefix ?? 'bull'}:${TIMERS_QUEUE}:beacon-armed`;
  }

  async markArmed(): Promise<void> {
    await this.redis.set(this.armedKey, new Date().toISOString());
  }

  async queueLost(): Promise<boolean> {
    return (await this.redis.exists(this.armedKey)) === 0;
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.retryTimer);
    await this.queue.close().catch(() => undefined);
  }
}
