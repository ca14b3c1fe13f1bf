import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import { SYSTEM_ACTOR } from '../modules/auth/principal.js';
import { EventLog } from '../modules/events/event-log.service.js';
import { BeaconMetrics } from '../modules/health/beacon-metrics.js';
import { TIMERS_QUEUE, type TimerJobData } from './queues.js';
import { TimerHandlerRegistry } from './timer-handler.registry.js';
import { TimerEntity } from './timer.entity.js';
import { TimersService, bullConnection } from './timers.service.js';

const SWEEP_EVERY_MS = 30_000;
const SWEEP_HORIZON_S = 60;

/** The worker role: fires due timers exactly once (row lock + fired_at), re-arming from Postgres at boot. */
@Injectable()
export class TimersProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimersProcessor.name);
  private worker?: Worker<TimerJobData>;
  private sweep?: NodeJS.Timeout;

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
      concurrency: 8,
    });
    this.worker.on('error', (err) => this.logger.warn(`timer worker: ${err.message}`));
    this.worker.on('failed', (job, err) => this.logger.error({ err, jobId: job?.id }, 'timer job failed'));
    await this.worker.waitUntilReady();
    await this.timers.rearm();
    // Repairs a job whose after-commit enqueue failed (Redis blip): anything due within a minute.
    this.sweep = setInterval(() => {
      this.timers.rearm(SWEEP_HORIZON_S).catch((err: unknown) => this.logger.warn(`re-arm sweep: ${String(err)}`));
    }, SWEEP_EVERY_MS);
    this.sweep.unref();
  }

  async fire(job: Job<TimerJobData>): Promise<void> {
    await this.log.write(SYSTEM_ACTOR, async (ctx) => {
      const timer = await ctx.manager.getRepository(TimerEntity).findOne({
        where: { id: job.data.timerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!timer || timer.firedAt || timer.cancelledAt) return; // fired elsewhere, cancelled, or gone
      if (timer.dueAt.getTime() > Date.now() + 50) {
        // Enqueued early (clock skew or a re-arm race): run again at the right time.
        ctx.afterCommit(() => this.timers.enqueue(timer.id, timer.dueAt));
        return;
      }
      await ctx.manager.update(TimerEntity, { id: timer.id }, { firedAt: new Date() });
      await this.registry.get(timer.kind)(timer.payload as never, ctx);
      this.metrics.timersFired.inc({ kind: timer.kind });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    await this.worker?.close().catch(() => undefined);
  }
}
