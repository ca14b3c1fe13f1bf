import { randomUUID } from 'node:crypto';
import {
  acceptedReceivedAt, categoryOfType, findLinkCandidate,
  type CallForLinking, type EventEnvelope, type GradeRaise, type IncidentForLinking, type IntakeCallResponse, type LinkingConfig,
} from '@beacon/domain';
import { timersParam } from '../../jobs/timer-rows.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { Actor, LoggedContext, PendingEvent, WriteOptions } from '../events/event-log.types.js';
import type { IncidentIntakeRules } from '../incidents/incident-intake-rules.js';
import { INCIDENT_ROW } from '../incidents/incident-row.js';
import { IncidentEntity } from '../incidents/incident.entity.js';
import { CallEntity } from './call.entity.js';
import { CALL_ROW } from './call-row.js';
import type { IntakeCall } from './intake-call.schema.js';
import { READ_PREPARED, callAnswer, executeReadSql, keyOf, parseRead, type Candidate } from './intake-read.js';
import { intakeLockKeys } from './intake-locks.js';
import { openBatchSql } from './intake-plan.js';
import { WRITE_PREPARED, executeWriteSql, type WriteResult } from './intake-write.js';

export interface IntakeOutcome {
  created: boolean;
  response: IntakeCallResponse;
}

export interface IntakeRequest {
  principal: Principal;
  dto: IntakeCall;
}

/** A batch's time in each phase, in seconds (beacon_intake_batch_phase_seconds; publishing is timed by whoever publishes). */
export interface BatchPhases {
  open: number;
  decide: number;
  close: number;
}

/** A committed batch: one outcome per request (in order), its events to publish and its new timers to arm. */
export interface CommittedBatch {
  outcomes: IntakeOutcome[];
  events: EventEnvelope[];
  timers: Array<{ due_at: string | Date }>;
  phases: BatchPhases | null;
  /** When COMMIT answered, in ms since the epoch (comparable across threads), for the publish phase. */
  committedAt: number;
}

/** A logged transaction on some connection (EventLog's in the API process, the worker thread's own there). */
export type Transact = <R>(actor: Actor, options: WriteOptions, work: (ctx: LoggedContext) => Promise<R>) => Promise<{ result: R; events: EventEnvelope[] }>;

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
 * One intake batch, start to commit, with no framework: calls arriving together share a transaction
 * (group commit, see IntakeService), so a surge costs one fsync per batch, not per call. It runs in
 * the API process or in the intake worker thread (intake-worker.ts), whose event loop takes each
 * answer from Postgres up at once instead of behind the HTTP requests; publishing the committed
 * events and arming the new timers is the API's (IntakeService), either way.
 */
export class IntakeBatch {
  constructor(
    private readonly linking: LinkingConfig,
    private readonly incidents: IncidentIntakeRules,
    private readonly transact: Transact,
  ) {}

  async run(requests: IntakeRequest[]): Promise<CommittedBatch> {
    const now = new Date();
    const unique = new Map<string, UniqueCall>();
    for (const { principal, dto } of requests) {
      const key = keyOf(dto.source, dto.externalId);
      if (!unique.has(key)) unique.set(key, { actor: actorOf(principal), principal, call: callOf(principal, dto, now, this.linking) });
    }
    // One message opens the batch: START TRANSACTION, the locks in one sorted statement (racing
    // batches on any instance serialise per map cell and case id), then the read, which so sees
    // everything committed by whoever held those locks before.
    const lockKeys = [...new Set(requests.flatMap((r) => intakeLockKeys(r.dto, this.linking)))].sort();
    const opening = `${openBatchSql(lockKeys)}; ${executeReadSql([...unique.values()].map((u) => u.call), this.linking)}`;
    const marks: BatchMarks = { start: performance.now() };
    const timers: CommittedBatch['timers'] = [];
    const { result, events } = await this.transact(actorOf(requests[0]!.principal), { opening, prepare: [READ_PREPARED, WRITE_PREPARED] }, (ctx) =>
      this.storeBatch(ctx, requests, unique, now, marks, timers),
    );
    return { outcomes: result, events, timers, phases: phasesOf(marks), committedAt: performance.timeOrigin + (marks.committed ?? performance.now()) };
  }

  private async storeBatch(ctx: LoggedContext, requests: IntakeRequest[], unique: Map<string, UniqueCall>, now: Date, marks: BatchMarks, timers: CommittedBatch['timers']): Promise<IntakeOutcome[]> {
    marks.opened = performance.now();
    const { stored, candidates } = parseRead(ctx.opened);

    const outcomes = new Map<string, IntakeOutcome>(); // by (source, externalId)
    for (const [key, response] of stored) outcomes.set(key, { created: false, response });
    const tracked = new Map<string, Tracked>(candidates.map((c) => [c.incident.id, { ...c, isNew: false, changed: false, view: linkingCandidate(c) }]));
    const steps = [...unique]
      .filter(([key]) => !stored.has(key))
      .map(([, { actor, principal, call }]) => this.place(call, actor, principal.jurisdictionId, tracked, now));

    this.write(ctx, [...tracked.values()], steps, marks, timers);
    for (const step of steps) outcomes.set(keyOf(step.call.source, step.call.externalId), { created: true, response: callAnswer(step.call.id, step.call.incidentId, step.call.linkReason) });

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
  private write(ctx: LoggedContext, tracked: Tracked[], steps: Step[], marks: BatchMarks, timers: CommittedBatch['timers']): void {
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
        timers.push(...row!.timers);
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
}

function phasesOf({ start, opened, sent, committed }: BatchMarks): BatchPhases | null {
  if (opened === undefined || sent === undefined || committed === undefined) return null;
  return { open: (opened - start) / 1000, decide: (sent - opened) / 1000, close: (committed - sent) / 1000 };
}

function callOf(principal: Principal, dto: IntakeCall, now: Date, linking: LinkingConfig): CallEntity {
  return Object.assign(new CallEntity(), {
    id: randomUUID(),
    source: dto.source,
    externalId: dto.externalId,
    ...acceptedReceivedAt(new Date(dto.receivedAt), now, linking.clockToleranceS),
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
