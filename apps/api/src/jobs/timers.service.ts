import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import type { WriteContext } from '../modules/events/event-log.types.js';
import { REDIS } from '../redis/redis.module.js';
import { TIMERS_QUEUE, type TimerJobData, type TimerJobs, type TimerKind } from './queues.js';

export interface TimerToSchedule<K extends TimerKind> {
  kind: K;
  /** Unique per timer: scheduling the same key twice keeps the first. */
  key: string;
  dueAt: Date;
  payload: TimerJobs[K];
}

/** INSERT of timers from a jsonb array parameter (see timersParam); a key already there is kept. RETURNING id, due_at. */
export function insertTimersSql(param: string): string {
  return `INSERT INTO timers (kind, key, due_at, payload)
    SELECT t.kind, t.key, t.due_at, t.payload FROM jsonb_to_recordset(${param}::jsonb) AS t(kind text, key text, due_at timestamptz, payload jsonb)
    ON CONFLICT (key) DO NOTHING RETURNING id, due_at`;
}

export function timersParam(timers: Array<TimerToSchedule<TimerKind>>): string {
  return JSON.stringify(timers.map((t) => ({ kind: t.kind, key: t.key, due_at: t.dueAt.toISOString(), payload: t.payload })));
}

/**
 * Marks due timers fired, each once: a timer fired by another transaction or cancelled meanwhile is
 * skipped (after waiting for that transaction, READ COMMITTED re-checks the row). RETURNING id.
 */
export const CLAIM_TIMERS_SQL = `UPDATE timers SET fired_at = now()
   WHERE id = ANY($1::uuid[]) AND fired_at IS NULL AND cancelled_at IS NULL RETURNING id`;

/** Pending timers among a batch of job ids, with what the handlers need. */
export const PENDING_TIMERS_SQL = `SELECT id, kind, payload, due_at FROM timers
   WHERE id = ANY($1::uuid[]) AND fired_at IS NULL AND cancelled_at IS NULL`;

const RETRY_UNQUEUED_MS = 2000;

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
 * leaves no timer) and the BullMQ delayed job is added after commit, with the row id as job id.
 */
@Injectable()
export class TimersService implements OnApplicationShutdown {
  private readonly logger = new Logger(TimersService.name);
  readonly queue: Queue<TimerJobData>;
  /** Jobs whose after-commit enqueue failed, waiting for the next try. */
  private readonly unqueued: Array<{ timerId: string; dueAt: Date }> = [];
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
   * Timer rows just inserted get their BullMQ jobs once the transaction commits. Jobs Redis refused
   * (a blip) are tried again every few seconds; the worker's overdue sweep is the last resort.
   */
  enqueueAfterCommit(ctx: WriteContext, rows: Array<{ id: string; due_at: Date | string }>): void {
    if (!rows.length) return;
    const jobs = rows.map((r) => ({ timerId: r.id, dueAt: new Date(r.due_at) }));
    ctx.afterCommit(() =>
      this.enqueueMany(jobs).catch((err: unknown) => {
        this.unqueued.push(...jobs);
        this.retryUnqueued();
        throw err;
      }),
    );
  }

  private retryUnqueued(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      const jobs = this.unqueued.splice(0);
      this.enqueueMany(jobs).then(
        () => this.logger.log(`enqueued ${jobs.length} timer jobs Redis had refused`),
        () => {
          this.unqueued.unshift(...jobs);
          this.retryUnqueued();
        },
      );
    }, RETRY_UNQUEUED_MS);
    this.retryTimer.unref();
  }

  /** Cancels every pending timer whose key starts with `keyPrefix`. */
  async cancel(ctx: WriteContext, keyPrefix: string): Promise<void> {
    const rows: Array<{ id: string }> = await ctx.manager.query(
      `UPDATE timers SET cancelled_at = now() WHERE key LIKE $1 AND fired_at IS NULL AND cancelled_at IS NULL RETURNING id`,
      [`${keyPrefix.replace(/[%_]/g, '\\$&')}%`],
    );
    ctx.afterCommit(async () => {
      for (const { id } of rows) await this.queue.remove(id).catch(() => 0);
    });
  }

  /** One Redis round trip for many jobs; the row id as job id makes a repeat a no-op. */
  async enqueueMany(timers: Array<{ timerId: string; dueAt: Date }>): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(
      timers.map(({ timerId, dueAt }) => ({
        name: 'timer',
        data: { timerId },
        opts: { ...TIMER_JOB_OPTIONS, jobId: timerId, delay: Math.max(0, dueAt.getTime() - now) },
      })),
    );
  }

  /**
   * After a restart or a lost Redis: pending rows get their job back (same job id, so no doubles).
   * Without options every pending timer (boot, or Redis lost its queue); with `overdueByS`, only
   * timers that should have fired that long ago — the ones whose job went missing — at most `limit`.
   */
  async rearm(options: { overdueByS?: number; limit?: number } = {}): Promise<number> {
    const { overdueByS, limit } = options;
    const pending: Array<{ id: string; due_at: Date }> = await this.ds.query(
      `SELECT id, due_at FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL
          AND ($1::float8 IS NULL OR due_at < now() - make_interval(secs => $1::float8))
        ORDER BY due_at LIMIT $2`,
      [overdueByS ?? null, limit ?? null],
    );
    for (let i = 0; i < pending.length; i += 500) {
      await this.enqueueMany(pending.slice(i, i + 500).map((t) => ({ timerId: t.id, dueAt: t.due_at })));
    }
    if (pending.length) this.logger.log(`re-armed ${pending.length} ${overdueByS === undefined ? 'pending' : 'overdue'} timers from Postgres`);
    return pending.length;
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
