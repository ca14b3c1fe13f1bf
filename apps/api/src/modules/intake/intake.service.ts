import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_LINKING_CONFIG, DomainError, categoryOfType, findLinkCandidate, intakeCallProblems,
  type CallForLinking, type GradeRaise, type IncidentForLinking, type IntakeCallResponse, type LinkingConfig,
} from '@beacon/domain';
import type { BBox } from '@beacon/geo';
import { GroupCommit } from '../../common/group-commit.js';
import { isSystemicPgError, isTransientPgError } from '../../common/pg-errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { TimersService, timersParam } from '../../jobs/timers.service.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { EventLog } from '../events/event-log.service.js';
import type { Actor, PendingEvent, WriteContext } from '../events/event-log.types.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
import { IncidentWriter } from '../incidents/incident-writer.js';
import { INCIDENT_ROW } from '../incidents/incident-row.js';
import { IncidentEntity } from '../incidents/incident.entity.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { CallEntity } from './call.entity.js';
import { CALL_ROW } from './call-row.js';
import { WRITE_PREPARED, executeWriteSql, type WriteResult } from './intake-write.js';
import type { IntakeCall } from './intake-call.schema.js';
import { READ_PREPARED, executeReadSql, keyOf, parseRead, type Candidate } from './intake-read.js';
import { laneOf } from './intake-lanes.js';
import { intakeLockKeys } from './intake-locks.js';
import { openBatchSql } from './intake-plan.js';

export interface IntakeOutcome {
  created: boolean;
  response: IntakeCallResponse;
}

interface IntakeRequest {
  principal: Principal;
  dto: IntakeCall;
}

/** A call of the batch, once per (source, externalId). */
interface UniqueCall {
  actor: Actor;
  principal: Principal;
  call: CallEntity;
}

/** An incident the batch may touch: a locked candidate from Postgres or one the batch opened. */
interface Tracked extends Candidate {
  isNew: boolean;
  changed: boolean;
  /** What linking sees of it, refreshed whenever a call changes it. */
  view: IncidentForLinking;
}

/** When a batch reached each phase (performance.now()), for beacon_intake_batch_phase_seconds. */
interface BatchMarks {
  start: number;
  opened?: number;
  sent?: number;
  committed?: number;
}

/** What happened to one new call, in order; turned into events that the batch's write stores (numbering new incidents in them). */
type Step =
  | { kind: 'created'; actor: Actor; call: CallEntity; snapshot: IncidentEntity }
  | { kind: 'linked'; actor: Actor; call: CallEntity; snapshot: IncidentEntity; raised: GradeRaise | null };

/**
 * Unified intake: stores each call exactly once, links it to the open incident it reports or opens
 * a new one, and answers only after the call and its events have committed. Calls arriving together
 * share a transaction (group commit), so a surge costs one fsync per batch, not per call; each band
 * of the receiving jurisdiction's area has its own batches (lanes), so a scattered surge's batches
 * seldom wait on each other's map-cell locks.
 */
@Injectable()
export class IntakeService {
  readonly linking: LinkingConfig;
  private readonly areaMarginM: number;
  /** One group commit per band of the receiving jurisdiction's area (intake-lanes.ts). */
  private readonly lanes: Array<GroupCommit<IntakeRequest, IntakeOutcome>>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly log: EventLog,
    private readonly incidents: IncidentWriter,
    private readonly timers: TimersService,
    private readonly metrics: BeaconMetrics,
    private readonly jurisdictions: JurisdictionsService,
  ) {
    this.linking = { ...DEFAULT_LINKING_CONFIG, baseRadiusM: config.LINK_RADIUS_M, windowMinutes: config.LINK_WINDOW_MIN };
    this.areaMarginM = config.INTAKE_AREA_MARGIN_M;
    this.lanes = Array.from({ length: config.INTAKE_LANES }, () => {
      const lane = new GroupCommit<IntakeRequest, IntakeOutcome>((requests) => this.receiveBatch(requests), {
        maxBatch: config.INTAKE_BATCH_MAX,
        maxConcurrent: config.INTAKE_BATCH_CONCURRENCY,
        retryable: isTransientPgError,
        systemic: isSystemicPgError,
      });
      lane.onBatch = (size) => this.metrics.intakeBatchSize.observe(size);
      return lane;
    });
  }

  /** Stores the call and links or opens its incident; returns only after both and their events commit. */
  async receive(principal: Principal, dto: IntakeCall): Promise<IntakeOutcome> {
    const area = this.jurisdictions.tree.bounds(principal.jurisdictionId);
    this.assertCoherent(dto, area);
    const stopTimer = this.metrics.intakeDuration.startTimer({ source: dto.source });
    const lane = this.lanes[laneOf(dto.location?.lng, area, this.lanes.length)]!;
    const result = await lane.submit({ principal, dto });
    stopTimer();
    this.metrics.intakeCalls.inc({ source: dto.source, outcome: result.created ? (result.response.linked ? 'linked' : 'new') : 'duplicate' });
    return result;
  }

  private async receiveBatch(requests: IntakeRequest[]): Promise<IntakeOutcome[]> {
    const now = new Date();
    const unique = new Map<string, UniqueCall>();
    for (const { principal, dto } of requests) {
      const key = keyOf(dto.source, dto.externalId);
      if (!unique.has(key)) unique.set(key, { actor: actorOf(principal), principal, call: callOf(principal, dto, now) });
    }
    // One message opens the batch: START TRANSACTION, the locks in one sorted statement (racing
    // batches on any instance serialise per map cell and case id), then the read, which so sees
    // everything committed by whoever held those locks before.
    const lockKeys = [...new Set(requests.flatMap((r) => intakeLockKeys(r.dto, this.linking)))].sort();
    const opening = `${openBatchSql(lockKeys)}; ${executeReadSql([...unique.values()].map((u) => u.call), this.linking)}`;
    const marks: BatchMarks = { start: performance.now() };
    const { result } = await this.log.write(actorOf(requests[0]!.principal), (ctx) => this.storeBatch(ctx, requests, unique, now, marks), {
      opening,
      prepare: [READ_PREPARED, WRITE_PREPARED],
    });
    this.observePhases(marks, performance.now());
    return result;
  }

  private observePhases({ start, opened, sent, committed }: BatchMarks, published: number): void {
    if (opened === undefined || sent === undefined || committed === undefined) return;
    const phase = this.metrics.intakeBatchPhase;
    phase.observe({ phase: 'open' }, (opened - start) / 1000);
    phase.observe({ phase: 'decide' }, (sent - opened) / 1000);
    phase.observe({ phase: 'close' }, (committed - sent) / 1000);
    phase.observe({ phase: 'publish' }, (published - committed) / 1000);
  }

  private async storeBatch(ctx: WriteContext, requests: IntakeRequest[], unique: Map<string, UniqueCall>, now: Date, marks: BatchMarks): Promise<IntakeOutcome[]> {
    marks.opened = performance.now();
    const { stored, candidates } = parseRead(ctx.opened);

    const outcomes = new Map<string, IntakeOutcome>(); // by (source, externalId)
    for (const [key, response] of stored) outcomes.set(key, { created: false, response });
    const tracked = new Map<string, Tracked>(candidates.map((c) => [c.incident.id, { ...c, isNew: false, changed: false, view: linkingCandidate(c) }]));
    const steps = [...unique]
      .filter(([key]) => !stored.has(key))
      .map(([, { actor, principal, call }]) => this.place(call, actor, principal.jurisdictionId, tracked, now));

    this.write(ctx, [...tracked.values()], steps, marks);
    for (const step of steps) outcomes.set(keyOf(step.call.source, step.call.externalId), { created: true, response: responseOf(step.call) });

    const answered = new Set<string>();
    return requests.map(({ dto }) => {
      const key = keyOf(dto.source, dto.externalId);
      const outcome = outcomes.get(key)!;
      // A repeat inside the batch gets the first one's answer, as a repeat.
      if (answered.has(key)) return { created: false, response: outcome.response };
      answered.add(key);
      return outcome;
    });
  }

  /**
   * Records the batch's events and closes its transaction with WRITE_SQL, which writes every row and
   * appends the events; once committed, the new incidents' numbers go into the events as published.
   */
  private write(ctx: WriteContext, tracked: Tracked[], steps: Step[], marks: BatchMarks): void {
    const created = tracked.filter((t) => t.isNew).map((t) => t.incident);
    const changed = tracked.filter((t) => !t.isNew && t.changed).map((t) => t.incident);
    const events = steps.flatMap((step) => this.eventsOf(step));
    for (const event of events) ctx.record(event);
    const rows = {
      created: JSON.stringify(created.map((i) => INCIDENT_ROW.toRow(i))),
      timers: timersParam(created.map((i) => this.incidents.firstAckTimer(i))),
      calls: JSON.stringify(steps.map((s) => CALL_ROW.toRow(s.call))),
      changed: JSON.stringify(changed.map((i) => INCIDENT_ROW.toRow(i))),
    };
    ctx.closeWith<WriteResult>({
      sql: (recorded) => {
        marks.sent = performance.now();
        return executeWriteSql(rows, recorded);
      },
      committed: ([row]) => {
        marks.committed = performance.now();
        const codes = new Map(row!.incidents.map((r) => [r.id, r.code]));
        for (const incident of created) incident.code = codes.get(incident.id)!;
        // Snapshots taken before the statement numbered the new incidents get their numbers now, as stored.
        for (const event of events) {
          const code = codes.get(event.aggregate.id);
          if (code !== undefined) (event.payload as { incident: { code: string } }).incident.code = code;
        }
        this.timers.enqueueAfterCommit(ctx, row!.timers);
        return row!.events;
      },
    });
  }

  /** Links the call into the best open incident it reports (as of the calls before it) or opens one. */
  private place(call: CallEntity, actor: Actor, fallbackJurisdictionId: string, tracked: Map<string, Tracked>, now: Date): Step {
    const match = findLinkCandidate(linkingView(call), [...tracked.values()].map((t) => t.view), this.linking);
    const ref = { source: call.source, externalId: call.externalId, relatedExternalIds: call.relatedExternalIds };
    if (match) {
      const t = tracked.get(match.incidentId)!;
      call.incidentId = call.originalIncidentId = t.incident.id;
      call.linkReason = match.reason;
      const raised = this.incidents.absorb(t.incident, call);
      t.changed = true;
      t.refs.push(ref);
      t.view = linkingCandidate(t);
      return { kind: 'linked', actor, call, snapshot: snapshotOf(t.incident), raised };
    }
    const incident = this.incidents.buildFromCall(call, fallbackJurisdictionId, now);
    const refs = [ref];
    const t: Tracked = { incident, refs, isNew: true, changed: false, view: linkingCandidate({ incident, refs }) };
    tracked.set(incident.id, t);
    call.incidentId = call.originalIncidentId = incident.id;
    return { kind: 'created', actor, call, snapshot: snapshotOf(incident) };
  }

  private eventsOf(step: Step): PendingEvent[] {
    const { call, snapshot, actor } = step;
    const about = { aggregate: { type: 'incident', id: snapshot.id }, jurisdictionId: snapshot.jurisdictionId, actor };
    const payload = this.incidents.callPayload(call, snapshot);
    const events: PendingEvent[] = [];
    if (step.kind === 'created') events.push({ type: 'incident.created', ...about, payload });
    else if (step.raised) events.push({ ...this.incidents.gradeRaisedEvent(snapshot, step.raised), actor });
    events.push({ type: 'call.received', ...about, payload });
    return events;
  }

  private assertCoherent(dto: IntakeCall, area: BBox | null): void {
    const problems = intakeCallProblems(dto, { area, marginM: this.areaMarginM });
    if (problems) {
      const [field, problem] = Object.entries(problems)[0]!;
      throw DomainError.of('VALIDATION_FAILED', `invalid call: ${field} — ${problem}`, problems);
    }
  }
}

function callOf(principal: Principal, dto: IntakeCall, now: Date): CallEntity {
  return Object.assign(new CallEntity(), {
    id: randomUUID(),
    source: dto.source,
    externalId: dto.externalId,
    receivedAt: new Date(dto.receivedAt),
    caller: dto.caller ? { ...dto.caller } : null,
    lng: dto.location?.lng ?? null,
    lat: dto.location?.lat ?? null,
    accuracyM: dto.location?.accuracyM ?? null,
    address: dto.address ?? null,
    category: dto.category ?? (dto.type ? categoryOfType(dto.type) : null),
    type: dto.type ?? null,
    description: dto.description ?? null,
    casualties: dto.casualties ? { ...dto.casualties } : null,
    economicLossCny: dto.economicLossCny ?? null,
    burnedAreaHa: dto.burnedAreaHa ?? null,
    magnitude: dto.magnitude ?? null,
    relatedExternalIds: dto.relatedExternalIds ?? [],
    incidentId: '',
    originalIncidentId: '',
    linkReason: null,
    intakeKeyId: principal.kind === 'integration' ? principal.keyId : null,
    enteredBy: principal.kind === 'user' ? principal.id : null,
    createdAt: now,
  });
}

function linkingView(call: CallEntity): CallForLinking {
  return {
    source: call.source,
    externalId: call.externalId,
    receivedAt: call.receivedAt,
    location: call.lng !== null && call.lat !== null ? { lng: call.lng, lat: call.lat, accuracyM: call.accuracyM } : undefined,
    category: call.category,
    type: call.type,
    relatedExternalIds: call.relatedExternalIds,
  };
}

function linkingCandidate({ incident: i, refs }: Candidate): IncidentForLinking {
  return {
    id: i.id,
    status: i.status,
    location: i.lng === null || i.lat === null ? null : { lng: i.lng, lat: i.lat },
    locationAccuracyM: i.locationAccuracyM,
    category: i.category,
    type: i.type,
    firstCallAt: i.firstCallAt,
    lastCallAt: i.lastCallAt,
    externalRefs: refs,
    sources: i.sources,
  };
}

/** The incident as it stood right after this call (later calls of the batch change the entity). */
function snapshotOf(incident: IncidentEntity): IncidentEntity {
  return Object.assign(new IncidentEntity(), incident);
}

function responseOf(call: CallEntity): IntakeCallResponse {
  return call.linkReason !== null
    ? { callId: call.id, incidentId: call.incidentId, linked: true, linkReason: call.linkReason }
    : { callId: call.id, incidentId: call.incidentId, linked: false };
}
