import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { GroupCommit } from '../common/group-commit.js';
import { isSystemicPgError, isTransientPgError } from '../common/pg-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import { preparedQuery } from '../database/prepared-query.js';
import { SYSTEM_ACTOR } from '../modules/auth/principal.js';
import { EventLog } from '../modules/events/event-log.service.js';
import { BeaconMetrics } from '../modules/health/beacon-metrics.js';
import { TIMERS_QUEUE, type TimerJobData, type TimerKind } from './queues.js';
import { TimerHandlerRegistry } from './timer-handler.registry.js';
import { CLAIM_TIMERS_SQL, PENDING_TIMERS_SQL, TimersService, bullConnection } from './timers.service.js';

/** Every SWEEP_EVERY_MS: a full re-arm if Redis lost the queue, else timers late by OVERDUE_S (their job went missing). */
const SWEEP_EVERY_MS = 10_000;
const OVERDUE_S = 10;
const SWEEP_LIMIT = 2000;
/** Jobs the worker takes at once: due timers arriving together fire in one transaction. */
const WORKER_CONCURRENCY = 64;
const FIRE_BATCH_MAX = 64;

interface PendingTimerRow {
  id: string;
  kind: TimerKind;
  payload: never;
  due_at: Date;
}

/**
 * The worker role: fires due timers exactly once (claimed by `fired_at` in the firing transaction),
 * re-arming from Postgres at boot and whenever Redis lost the queue. A surge of unacknowledged
 * incidents makes a surge of due timers; those due together fire together, one transaction per
 * batch, so the escalations do not crowd out intake.
 */
@Injectable()
export class TimersProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimersProcessor.name);
  private worker?: Worker<TimerJobData>;
  private sweep?: NodeJS.Timeout;
  private readonly firing: GroupCommit<string, void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: TimerHandlerRegistry,
    private readonly timers: TimersService,
    private readonly log: EventLog,
    private readonly metrics: BeaconMetrics,
  ) {
    this.firing = new GroupCommit((ids) => this.fireBatch(ids), {
      maxBatch: FIRE_BATCH_MAX,
      maxConcurrent: 2,
      retryable: isTransientPgError,
      systemic: isSystemicPgError,
    });
  }

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
    await this.timers.rearm();
    await this.timers.markArmed();
    this.sweep = setInterval(() => {
      this.repair().catch((err: unknown) => this.logger.warn(`re-arm sweep: ${String(err)}`));
    }, SWEEP_EVERY_MS);
    this.sweep.unref();
  }

  /** One job: its timer fires with whatever other timers are due at the same moment. */
  fire(job: Job<TimerJobData>): Promise<void> {
    return this.firing.submit(job.data.timerId);
  }

  /**
   * The periodic repair. Redis lost the queue → every pending timer gets its job back. Otherwise only
   * timers overdue by OVERDUE_S: a job that went missing (an enqueue that failed after its commit, a
   * crash between the two). Re-adding a job that exists is a no-op (the row id is the job id).
   */
  async repair(): Promise<void> {
    if (await this.timers.queueLost()) {
      this.logger.warn('the timer queue is gone from Redis: re-arming every pending timer');
      await this.timers.rearm();
      await this.timers.markArmed();
      return;
    }
    await this.timers.rearm({ overdueByS: OVERDUE_S, limit: SWEEP_LIMIT });
  }

  private async fireBatch(jobIds: string[]): Promise<void[]> {
    await this.log.write(SYSTEM_ACTOR, async (ctx) => {
      const pending = await preparedQuery<PendingTimerRow>(ctx.manager, 'beacon_timers_pending', PENDING_TIMERS_SQL, [[...new Set(jobIds)]]);
      // Enqueued early (clock skew or a re-arm race): run again at the right time.
      const now = Date.now();
      const early: PendingTimerRow[] = [];
      const byKind = new Map<TimerKind, PendingTimerRow[]>();
      for (const t of pending) {
        if (t.due_at.getTime() > now + 50) early.push(t);
        else byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t]);
      }
      if (early.length) ctx.afterCommit(() => this.timers.enqueueMany(early.map((t) => ({ timerId: t.id, dueAt: t.due_at }))));
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
    return jobIds.map(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    await this.worker?.close().catch(() => undefined);
  }
}
