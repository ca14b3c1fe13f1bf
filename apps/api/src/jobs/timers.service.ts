import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import type { WriteContext } from '../modules/events/event-log.types.js';
import { TIMERS_QUEUE, type TimerJobData, type TimerJobs, type TimerKind } from './queues.js';
import { TimerEntity } from './timer.entity.js';

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

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly ds: DataSource,
  ) {
    this.queue = new Queue<TimerJobData>(TIMERS_QUEUE, { connection: bullConnection(config), prefix: `${config.REDIS_PREFIX}:bull` });
    this.queue.on('error', (err) => this.logger.warn(`timer queue: ${err.message}`));
  }

  async schedule<K extends TimerKind>(ctx: WriteContext, kind: K, key: string, dueAt: Date, payload: TimerJobs[K]): Promise<void> {
    await this.scheduleMany(ctx, [{ kind, key, dueAt, payload }]);
  }

  /** Several timers in one INSERT (a group-committed intake batch opens many incidents at once). */
  async scheduleMany(ctx: WriteContext, timers: Array<TimerToSchedule<TimerKind>>): Promise<void> {
    if (timers.length === 0) return;
    const rows: Array<{ id: string; due_at: Date | string }> = await ctx.manager.query(insertTimersSql('$1'), [timersParam(timers)]);
    this.enqueueAfterCommit(ctx, rows);
  }

  /** Timer rows just inserted get their BullMQ jobs once the transaction commits. */
  enqueueAfterCommit(ctx: WriteContext, rows: Array<{ id: string; due_at: Date | string }>): void {
    if (rows.length) ctx.afterCommit(() => this.enqueueMany(rows.map((r) => ({ timerId: r.id, dueAt: new Date(r.due_at) }))));
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

  async enqueue(timerId: string, dueAt: Date): Promise<void> {
    await this.enqueueMany([{ timerId, dueAt }]);
  }

  /** One Redis round trip for many jobs; the row id as job id makes a repeat a no-op. */
  async enqueueMany(timers: Array<{ timerId: string; dueAt: Date }>): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(
      timers.map(({ timerId, dueAt }) => ({
        name: 'timer',
        data: { timerId },
        opts: {
          jobId: timerId,
          delay: Math.max(0, dueAt.getTime() - now),
          removeOnComplete: true,
          removeOnFail: 1000,
          attempts: 5,
          backoff: { type: 'exponential', delay: 500 },
        },
      })),
    );
  }

  /**
   * After a restart or a lost Redis: pending rows get their job back (same job id, so no doubles).
   * `horizonS` limits the periodic sweep to timers due soon; boot re-arms them all.
   */
  async rearm(horizonS?: number): Promise<number> {
    const qb = this.ds.getRepository(TimerEntity).createQueryBuilder('t').where('t.fired_at IS NULL AND t.cancelled_at IS NULL');
    if (horizonS !== undefined) qb.andWhere(`t.due_at < now() + make_interval(secs => :h)`, { h: horizonS });
    const pending = await qb.getMany();
    for (let i = 0; i < pending.length; i += 500) {
      await this.enqueueMany(pending.slice(i, i + 500).map((t) => ({ timerId: t.id, dueAt: t.dueAt })));
    }
    if (pending.length && horizonS === undefined) this.logger.log(`re-armed ${pending.length} timers from Postgres`);
    return pending.length;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
