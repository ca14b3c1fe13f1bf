import { existsSync } from 'node:fs';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DomainError, intakeCallProblems, type LinkingConfig } from '@beacon/domain';
import type { BBox } from '@beacon/geo';
import { DataSource } from 'typeorm';
import type { GroupCommit } from '../../common/group-commit.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { TimersService } from '../../jobs/timers.service.js';
import type { Principal } from '../auth/principal.js';
import { EventLog } from '../events/event-log.service.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
import { IncidentWriter } from '../incidents/incident-writer.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import type { IntakeCall } from './intake-call.schema.js';
import { IntakeBatch, type CommittedBatch, type IntakeOutcome, type IntakeRequest } from './intake-batch.js';
import { intakeLanes, laneOf, type LaneSettings } from './intake-lanes.js';
import { STORED_CALL_SQL, storedAnswer } from './intake-read.js';
import { IntakeWorkerClient } from './intake-worker-client.js';

export type { IntakeOutcome } from './intake-batch.js';

/**
 * Unified intake: stores each call exactly once, links it to the open incident it reports or opens
 * a new one, and answers only after the call and its events have committed. Calls arriving together
 * share a transaction (group commit, IntakeBatch), so a surge costs one fsync per batch, not per call;
 * each band of the receiving jurisdiction's area has its own batches (lanes), so a scattered surge's
 * batches seldom wait on each other's map-cell locks. The batches run in the intake worker thread
 * when the build provides it (intake-worker.ts), else here; publishing what committed is done here.
 */
@Injectable()
export class IntakeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IntakeService.name);
  readonly linking: LinkingConfig;
  private readonly areaMarginM: number;
  /** The lanes' batches in this event loop, or … */
  private readonly lanes: Array<GroupCommit<IntakeRequest, IntakeOutcome>> = [];
  /** … in the intake worker thread (started once the jurisdictions are loaded). */
  private worker: IntakeWorkerClient | null = null;
  private readonly settings: LaneSettings;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly log: EventLog,
    private readonly incidents: IncidentWriter,
    private readonly timers: TimersService,
    private readonly metrics: BeaconMetrics,
    private readonly jurisdictions: JurisdictionsService,
    private readonly ds: DataSource,
  ) {
    this.linking = config.linking;
    this.areaMarginM = config.INTAKE_AREA_MARGIN_M;
    this.settings = { lanes: config.INTAKE_LANES, batchMax: config.INTAKE_BATCH_MAX, batchConcurrency: config.INTAKE_BATCH_CONCURRENCY };
    if (this.usesWorker) return;
    const batch = new IntakeBatch(this.linking, incidents.rules, (actor, options, work) => log.transact(actor, options, work));
    this.lanes = intakeLanes<IntakeRequest, IntakeOutcome>(
      this.settings,
      async (requests) => {
        const { outcomes, ...committed } = await batch.run(requests);
        await this.committed(committed);
        return outcomes;
      },
      (size) => this.metrics.intakeBatchSize.observe(size),
    );
  }

  private get usesWorker(): boolean {
    return Boolean(this.config.intakeWorkerFile) && this.config.BEACON_ROLE !== 'worker';
  }

  /** The worker thread starts with the jurisdictions as loaded at boot, and hears of every reload. */
  onApplicationBootstrap(): void {
    const file = this.config.intakeWorkerFile;
    if (!file || !this.usesWorker) return;
    if (!existsSync(file)) throw new Error(`the intake worker thread's file ${file} is missing: build the API (npm run build), or set INTAKE_WORKER=false`);
    const data = { databaseUrl: this.config.DATABASE_URL, linking: this.linking, ackPolicy: this.incidents.rules.ackPolicy, lanes: this.settings, jurisdictions: this.jurisdictions.tree.all, gradeTables: this.incidents.rules.gradeTables };
    const worker = new IntakeWorkerClient(file, data, {
      committed: async (batch) => {
        for (const size of batch.attempts) this.metrics.intakeBatchSize.observe(size);
        await this.committed(batch);
      },
      died: (err, waiting) => {
        this.logger.error(`${err.message}: ${waiting} calls waiting on it answered 503; starting another`);
        // Batches it committed but had not reported yet were never published: consoles page the log.
        this.log.committedUnpublished('the intake worker thread died');
      },
      log: (level, message, err) => this.logger[level]({ err }, message),
    });
    this.worker = worker;
    this.jurisdictions.onReload((tree) => worker.jurisdictionsChanged(tree.all));
  }

  /** Stores the call and links or opens its incident; returns only after both and their events commit. */
  async receive(principal: Principal, dto: IntakeCall): Promise<IntakeOutcome> {
    const area = this.jurisdictions.tree.bounds(principal.jurisdictionId);
    const refused = this.problemWith(dto, area);
    if (refused) {
      // A call already stored is answered as the repeat it is, whatever this copy says (the body of a
      // repeat is not compared): one stored before a rule it breaks existed, or a sender's retry that
      // mangled a field, must not turn an accepted call into an error.
      const repeat = await this.storedRepeat(dto);
      if (!repeat) throw refused;
      this.metrics.intakeCalls.inc({ source: dto.source, outcome: 'duplicate' });
      return repeat;
    }
    const stopTimer = this.metrics.intakeDuration.startTimer({ source: dto.source });
    const lane = laneOf(dto.location?.lng, area, this.settings.lanes);
    const request = { principal, dto };
    const result = await (this.worker ? this.worker.submit(lane, request) : this.lanes[lane]!.submit(request));
    stopTimer();
    this.metrics.intakeCalls.inc({ source: dto.source, outcome: result.created ? (result.response.linked ? 'linked' : 'new') : 'duplicate' });
    return result;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /**
   * A batch has committed (here or in the worker thread): its events go out before any of its calls is
   * answered; its timers' wake-up jobs are queued without holding the answer up (the rows are durable,
   * and the timers worker's sweep re-arms any wake-up Redis refused).
   */
  private async committed({ events, timers, phases, committedAt }: Omit<CommittedBatch, 'outcomes'>): Promise<void> {
    await this.log.published(events);
    this.timers.armCommitted(timers).catch((err: unknown) => this.logger.error({ err }, 'queueing new timers\' wake-ups failed'));
    if (!phases) return;
    const phase = this.metrics.intakeBatchPhase;
    phase.observe({ phase: 'open' }, phases.open);
    phase.observe({ phase: 'decide' }, phases.decide);
    phase.observe({ phase: 'close' }, phases.close);
    // From COMMIT's answer (in whichever thread) to published: the hand-over between threads included.
    phase.observe({ phase: 'publish' }, Math.max(0, performance.timeOrigin + performance.now() - committedAt) / 1000);
  }

  /** The domain's refusal of the call (its rules past the schema), if any. */
  private problemWith(dto: IntakeCall, area: BBox | null): DomainError | null {
    const problems = intakeCallProblems(dto, { area, marginM: this.areaMarginM });
    if (!problems) return null;
    const [field, problem] = Object.entries(problems)[0]!;
    return DomainError.of('VALIDATION_FAILED', `invalid call: ${field} — ${problem}`, problems);
  }

  private async storedRepeat({ source, externalId }: IntakeCall): Promise<IntakeOutcome | null> {
    const [row] = (await this.ds.query(STORED_CALL_SQL, [source, externalId])) as Parameters<typeof storedAnswer>;
    return row ? { created: false, response: storedAnswer(row) } : null;
  }
}
