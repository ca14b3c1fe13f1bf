import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DEFAULT_LINKING_CONFIG, DomainError, intakeCallProblems, type LinkingConfig } from '@beacon/domain';
import type { BBox } from '@beacon/geo';
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
export class IntakeService implements OnApplicationShutdown {
  private readonly logger = new Logger(IntakeService.name);
  readonly linking: LinkingConfig;
  private readonly areaMarginM: number;
  private readonly laneCount: number;
  /** The lanes' batches in this event loop, or … */
  private readonly lanes: Array<GroupCommit<IntakeRequest, IntakeOutcome>> = [];
  /** … in the intake worker thread. */
  private readonly worker: IntakeWorkerClient | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly log: EventLog,
    incidents: IncidentWriter,
    private readonly timers: TimersService,
    private readonly metrics: BeaconMetrics,
    private readonly jurisdictions: JurisdictionsService,
  ) {
    this.linking = { ...DEFAULT_LINKING_CONFIG, baseRadiusM: config.LINK_RADIUS_M, windowMinutes: config.LINK_WINDOW_MIN };
    this.areaMarginM = config.INTAKE_AREA_MARGIN_M;
    const settings: LaneSettings = { lanes: config.INTAKE_LANES, batchMax: config.INTAKE_BATCH_MAX, batchConcurrency: config.INTAKE_BATCH_CONCURRENCY };
    this.laneCount = settings.lanes;
    if (config.intakeWorkerFile && config.BEACON_ROLE !== 'worker') {
      this.worker = new IntakeWorkerClient(
        config.intakeWorkerFile,
        { databaseUrl: config.DATABASE_URL, linking: this.linking, ackPolicy: incidents.ackPolicy, lanes: settings, jurisdictions: jurisdictions.tree.all },
        (batch) => this.committed(batch),
        (err) => this.logger.error({ err }, 'the intake worker thread failed; starting another'),
      );
      jurisdictions.onReload((tree) => this.worker!.jurisdictionsChanged(tree.all));
      return;
    }
    const batch = new IntakeBatch(this.linking, incidents.rules, (actor, options, work) => log.transact(actor, options, work));
    this.lanes = intakeLanes<IntakeRequest, IntakeOutcome>(settings, async (requests) => {
      const { outcomes, ...committed } = await batch.run(requests);
      await this.committed({ ...committed, size: requests.length });
      return outcomes;
    });
  }

  /** Stores the call and links or opens its incident; returns only after both and their events commit. */
  async receive(principal: Principal, dto: IntakeCall): Promise<IntakeOutcome> {
    const area = this.jurisdictions.tree.bounds(principal.jurisdictionId);
    this.assertCoherent(dto, area);
    const stopTimer = this.metrics.intakeDuration.startTimer({ source: dto.source });
    const lane = laneOf(dto.location?.lng, area, this.laneCount);
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
  private async committed({ events, timers, phases, size }: Omit<CommittedBatch, 'outcomes'> & { size: number }): Promise<void> {
    const committedAt = performance.now();
    this.metrics.intakeBatchSize.observe(size);
    await this.log.published(events);
    this.timers.armCommitted(timers).catch((err: unknown) => this.logger.error({ err }, 'queueing new timers\' wake-ups failed'));
    if (!phases) return;
    const phase = this.metrics.intakeBatchPhase;
    phase.observe({ phase: 'open' }, phases.open);
    phase.observe({ phase: 'decide' }, phases.decide);
    phase.observe({ phase: 'close' }, phases.close);
    phase.observe({ phase: 'publish' }, (performance.now() - committedAt) / 1000);
  }

  private assertCoherent(dto: IntakeCall, area: BBox | null): void {
    const problems = intakeCallProblems(dto, { area, marginM: this.areaMarginM });
    if (problems) {
      const [field, problem] = Object.entries(problems)[0]!;
      throw DomainError.of('VALIDATION_FAILED', `invalid call: ${field} — ${problem}`, problems);
    }
  }
}
