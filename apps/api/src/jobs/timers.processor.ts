import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { isSystemicPgError } from '../common/pg-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import { preparedQuery } from '../database/prepared-query.js';
import { SYSTEM_ACTOR } from '../modules/auth/principal.js';
import { EventLog } from '../modules/events/event-log.service.js';
import { BeaconMetrics } from '../modules/health/beacon-metrics.js';
import { TIMERS_QUEUE, type TimerJobData, type TimerKind } from './queues.js';
import { TimerHandlerRegistry } from './timer-handler.registry.js';
import { SerialDrain } from './serial-drain.js';
import { CLAIM_TIMERS_SQL, PENDING_TIMERS_SQL, TimersService, bullConnection } from './timers.service.js';

/** Every SWEEP_EVERY_MS: a full re-arm if Redis lost the queue, else a wake-up for timers late by OVERDUE_S (their job went missing). */
const SWEEP_EVERY_MS = 10_000;
const OVERDUE_S = 10;
const SWEEP_LIMIT = 2000;
/** A timer this late has failed more than a lost wake-up explains. */
const STUCK_AFTER_S = 60;
/** Wake-ups the worker holds at once; they wait for one drain (SerialDrain). */
const WORKER_CONCURRENCY = 16;
/** Due timers fired in one transaction. */
const FIRE_BATCH_MAX = 128;

interface PendingTimerRow {
  id: string;
  kind: TimerKind;
  payload: never;
  due_at: Date;
}

/**
 * The worker role: fires due timers exactly once (claimed by `fired_at` in the firing transaction),
 * re-arming from Postgres at boot and whenever Redis lost the queue. A wake-up job drains every timer
 * due by its slot, oldest first, up to FIRE_BATCH_MAX a transaction: a surge of unacknowledged
 * incidents makes a surge of due timers, and those due together fire together, so the escalations
 * do not crowd out intake. One drain runs at a time per process; wake-ups arriving meanwhile join the next.
 */
@Injectable()
export class TimersProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimersProcessor.name);
  private worker?: Worker<TimerJobData>;
  private sweep?: NodeJS.Timeout;
  private readonly drains = new SerialDrain((dueBy) => this.drain(dueBy));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: TimerHandlerRegistry,
    private readonly timers: TimersService,
    private readonly log: EventLog,
    private readonly metrics: BeaconMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.registry.assertComplete();
    this.worker = new Worker<TimerJobData>(TIMERS_QUEUE, (job) => this.fire(job), {
      connection: bullConnection(this.config),
      prefix: `${this.config.REDIS_PREFIX}:bull`,
      concurrency: WORKER_CONCURRENCY,
    });
    this.worker.on('error', (err) => this.logger.warn(`timer worker: ${err.message}`));
    this.worker.on('failed', (job, err) => {
      // A final failure drops the job (TIMER_JOB_OPTIONS): the overdue sweep arms the timer again.
      // BullMQ sets finishedOn only when it will not try again (attempts used up, or a job that stalled too often).
      const final = job?.finishedOn !== undefined;
      if (final) this.metrics.timerJobsFailed.inc();
      this.logger.error({ err, jobId: job?.id, attemptsMade: job?.attemptsMade }, final ? 'timer job failed every attempt; the overdue sweep will arm its timer again' : 'timer job failed');
    });
    await this.worker.waitUntilReady();
    // Failed jobs kept by an earlier version (removeOnFail: 1000) would block re-arming their timers.
    await this.timers.queue.clean(0, 0, 'failed');
    await this.timers.rearmAll();
    await this.timers.markArmed();
    this.sweep = setInterval(() => {
      this.repair().catch((err: unknown) => this.logger.warn(`re-arm sweep: ${String(err)}`));
    }, SWEEP_EVERY_MS);
    this.sweep.unref();
  }

  /** One wake-up: every timer due by its slot fires, with whatever else is due by then. */
  fire(job: Job<TimerJobData>): Promise<void> {
    // A job from before wake-ups (one per timer, `{timerId}`) was due when it runs: it wakes the drain for now.
    const dueBy = typeof job.data.dueBy === 'number' ? job.data.dueBy : Date.now();
    return this.drains.request(dueBy);
  }

  /**
   * Fires every pending timer due by `dueBy` (or now), FIRE_BATCH_MAX a transaction. A batch that fails
   * for anything but the store itself is fired again timer by timer, so one bad timer holds up no other;
   * the timers that still fail stay pending and fail the wake-up (retried, then re-armed by the sweep).
   */
  private async drain(dueBy: number): Promise<void> {
    const failed = new Map<string, unknown>();
    for (;;) {
      const ids = await this.timers.dueIds(dueBy, [...failed.keys()], FIRE_BATCH_MAX);
      if (!ids.length) break;
      await this.fireBatch(ids).catch((err: unknown) => {
        if (isSystemicPgError(err)) throw err;
        return this.fireOneByOne(ids, failed);
      });
      if (ids.length < FIRE_BATCH_MAX) break;
    }
    if (failed.size) {
      const [first] = failed.values();
      throw new Error(`${failed.size} due timer(s) failed to fire (${[...failed.keys()].join(', ')}): ${first instanceof Error ? first.message : String(first)}`, { cause: first });
    }
  }

  /**
   * The periodic repair. Redis lost the queue → every pending timer gets its job back. Then timers
   * overdue by OVERDUE_S get a wake-up for now: a job that went missing (an enqueue that failed after its
   * commit, a crash between the two). Re-adding a job that exists is a no-op (one job id per wake slot).
   */
  async repair(): Promise<void> {
    if (await this.timers.queueLost()) {
      this.logger.warn('the timer queue is gone from Redis: re-arming every pending timer');
      await this.timers.rearmAll();
      await this.timers.markArmed();
    }
    // After a re-arm too: the gauges must not keep a value from before Redis lost the queue.
    const overdue = await this.timers.wakeForOverdue(OVERDUE_S, SWEEP_LIMIT);
    this.metrics.timersOverdue.set(overdue.count);
    this.metrics.timerOldestOverdue.set(overdue.oldestLateS);
    if (overdue.count === 0) return;
    const late = `woke the worker for ${overdue.count} overdue timers from Postgres, the oldest ${Math.round(overdue.oldestLateS)} s late`;
    // Past a minute it is no lost wake-up but a timer that keeps failing: an escalation not happening.
    if (overdue.oldestLateS > STUCK_AFTER_S) this.logger.error(late);
    else this.logger.log(late);
  }

  /** After a batch failed: each timer in its own transaction; those that fail again go into `failed`. */
  private async fireOneByOne(ids: string[], failed: Map<string, unknown>): Promise<void> {
    for (const id of ids) {
      await this.fireBatch([id]).catch((err: unknown) => {
        if (isSystemicPgError(err)) throw err;
        failed.set(id, err);
      });
    }
  }

  /** One transaction: the timers among `ids` still pending fire, each kind's handler taking all of its own. */
  private async fireBatch(ids: string[]): Promise<void> {
    await this.log.write(SYSTEM_ACTOR, async (ctx) => {
      const pending = await preparedQuery<PendingTimerRow>(ctx.manager, 'beacon_timers_pending', PENDING_TIMERS_SQL, [ids]);
      const byKind = new Map<TimerKind, PendingTimerRow[]>();
      for (const t of pending) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t]);
      for (const [kind, timers] of byKind) {
        const asked = new Set<string>();
        let fired = 0;
        await this.registry.get(kind)(
          {
            timers: timers.map((t) => ({ id: t.id, payload: t.payload })),
            claim: async (ids) => {
              for (const id of ids) asked.add(id);
              const won = await preparedQuery<{ id: string }>(ctx.manager, 'beacon_timers_claim', CLAIM_TIMERS_SQL, [ids]);
              fired += won.length;
              return new Set(won.map((r) => r.id));
            },
          },
          ctx,
        );
        // A timer left unclaimed would stay pending and be re-armed for ever.
        const unclaimed = timers.filter((t) => !asked.has(t.id));
        if (unclaimed.length) throw new Error(`the ${kind} handler did not claim timers ${unclaimed.map((t) => t.id).join(', ')}`);
        ctx.afterCommit(() => this.metrics.timersFired.inc({ kind }, fired));
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    await this.worker?.close().catch(() => undefined);
  }
}
