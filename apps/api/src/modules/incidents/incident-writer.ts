import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  INCIDENT_CATEGORY_LABELS, INCIDENT_TYPE_LABELS, ackDeadlines, categoryOfType, decideGradeChange, emptyFigures, figuresFromIntake,
  gradeIncident, maxFigures, type CallSource, type Grade, type GradeBasis, type IncidentFigures,
} from '@beacon/domain';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { TimerHandlerRegistry } from '../../jobs/timer-handler.registry.js';
import { TimersService, type TimerToSchedule } from '../../jobs/timers.service.js';
import type { PendingEvent, WriteContext } from '../events/event-log.types.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { CallEntity } from '../intake/call.entity.js';
import { IncidentEntity } from './incident.entity.js';
import { callDto, incidentDto } from './incident-mappers.js';
import { INCIDENT_ROW, insertIncidentsSql } from './incident-row.js';

const SOURCE_ORDER: CallSource[] = ['110', '119', '120', 'manual'];

/** A grade raised by new figures: what `incident.grade_raised` announces. */
export interface GradeRaise {
  from: Grade | null;
  to: Grade;
  basis: GradeBasis;
}

/**
 * The incident aggregate's write side, shared by intake and the officers' actions: creating an
 * incident from a call, absorbing calls, re-deriving figures and grade, and the ack SLA timers.
 */
@Injectable()
export class IncidentWriter implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly timers: TimersService,
    private readonly registry: TimerHandlerRegistry,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  onModuleInit(): void {
    this.registry.register('incident.ack_timeout', (payload, ctx) => this.ackTimeout(payload.incidentId, payload.level, ctx));
  }

  get ackPolicy() {
    return { firstTimeoutS: this.config.ACK_TIMEOUT_S, secondTimeoutS: this.config.ACK_SECOND_TIMEOUT_S };
  }

  async createFromCall(ctx: WriteContext, call: CallEntity, fallbackJurisdictionId: string): Promise<IncidentEntity> {
    const incident = this.buildFromCall(call, fallbackJurisdictionId);
    await this.insertNew(ctx, [incident]);
    return incident;
  }

  /** A new incident for a call, in memory: graded, titled, with its ack deadline; numbered by insertNew. */
  buildFromCall(call: CallEntity, fallbackJurisdictionId: string, now = new Date()): IncidentEntity {
    const location = call.lng !== null && call.lat !== null ? { lng: call.lng, lat: call.lat } : null;
    const jurisdiction = location ? this.jurisdictions.tree.locate(location, fallbackJurisdictionId) : null;
    const incident: IncidentEntity = Object.assign(new IncidentEntity(), {
      id: randomUUID(),
      code: '', // numbered by the INSERT
      title: '',
      status: 'reported' as const,
      category: call.category ?? (call.type ? categoryOfType(call.type) : null),
      type: call.type,
      grade: null,
      gradeBasis: null,
      lng: call.lng,
      lat: call.lat,
      locationAccuracyM: call.accuracyM,
      address: call.address,
      jurisdictionId: jurisdiction?.id ?? fallbackJurisdictionId,
      figures: maxFigures(emptyFigures(), figuresOfCall(call)),
      sources: [call.source],
      callCount: 1,
      createdAt: now,
      firstCallAt: call.receivedAt,
      lastCallAt: call.receivedAt,
      acknowledgedAt: null,
      acknowledgedBy: null,
      ackDeadlineAt: ackDeadlines(now, this.ackPolicy).level1At,
      ackOverdueLevel: 0,
      mergedInto: null,
      statusBeforeMerge: null,
      version: 1,
      updatedAt: now,
    });
    incident.title = this.titleOf(incident);
    const graded = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures });
    if (graded) {
      incident.grade = graded.grade;
      incident.gradeBasis = graded.basis;
    }
    return incident;
  }

  /**
   * Inserts new incidents in one statement (each numbered from the sequence inside it) and arms
   * their acknowledgement timers; fills in each entity's code.
   */
  async insertNew(ctx: WriteContext, incidents: IncidentEntity[]): Promise<void> {
    if (incidents.length === 0) return;
    const rows: Array<{ id: string; code: string }> = await ctx.manager.query(insertIncidentsSql('$1'), [JSON.stringify(incidents.map((i) => INCIDENT_ROW.toRow(i)))]);
    const codes = new Map(rows.map((r) => [r.id, r.code]));
    for (const incident of incidents) incident.code = codes.get(incident.id)!;
    await this.timers.scheduleMany(ctx, incidents.map((i) => this.firstAckTimer(i)));
  }

  /** The level-1 acknowledgement timer every new incident gets. */
  firstAckTimer(incident: IncidentEntity): TimerToSchedule<'incident.ack_timeout'> {
    return { kind: 'incident.ack_timeout', key: `ack:${incident.id}:1`, dueAt: incident.ackDeadlineAt!, payload: { incidentId: incident.id, level: 1 } };
  }

  /**
   * A linked call, in memory: count, sources, call period, missing location/type filled in, figures
   * raised to the highest reported so far, maybe a higher grade; the version moves on. Returns the
   * grade raise to announce, if any; the caller saves.
   */
  absorb(incident: IncidentEntity, call: CallEntity): GradeRaise | null {
    const autoTitled = this.hasAutoTitle(incident);
    incident.callCount += 1;
    incident.sources = sortSources([...new Set([...incident.sources, call.source])]);
    if (call.receivedAt > incident.lastCallAt) incident.lastCallAt = call.receivedAt;
    if (call.receivedAt < incident.firstCallAt) incident.firstCallAt = call.receivedAt;
    if (incident.lng === null && call.lng !== null) {
      incident.lng = call.lng;
      incident.lat = call.lat;
      incident.locationAccuracyM = call.accuracyM;
    }
    incident.address ??= call.address;
    if (!incident.type && call.type) {
      incident.type = call.type;
      incident.category ??= categoryOfType(call.type);
    }
    incident.category ??= call.category;
    if (autoTitled) incident.title = this.titleOf(incident);
    const raised = this.regrade(incident, maxFigures(incident.figures, figuresOfCall(call)));
    this.touch(incident);
    return raised;
  }

  /** New figures (from an officer or a merge): store, re-grade (raise only), save, emit. */
  async applyFigures(ctx: WriteContext, incident: IncidentEntity, figures: IncidentFigures): Promise<void> {
    const raised = this.regrade(incident, figures);
    await this.save(ctx, incident);
    if (raised) ctx.record(this.gradeRaisedEvent(incident, raised));
  }

  gradeRaisedEvent(incident: IncidentEntity, raise: GradeRaise): PendingEvent {
    return {
      type: 'incident.grade_raised',
      aggregate: { type: 'incident', id: incident.id },
      jurisdictionId: incident.jurisdictionId,
      payload: { incident: incidentDto(incident), ...raise },
    };
  }

  /** In memory: the new figures and, if they raise it, the new grade (never lowers). */
  private regrade(incident: IncidentEntity, figures: IncidentFigures): GradeRaise | null {
    const previousComputed = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures })?.grade ?? null;
    incident.figures = figures;
    const computed = gradeIncident({ category: incident.category, type: incident.type, figures });
    const decision = decideGradeChange({ grade: incident.grade, basis: incident.gradeBasis }, computed, { previousComputed });
    if (decision.kind !== 'raise') return null;
    incident.grade = decision.to;
    incident.gradeBasis = decision.basis;
    return { from: decision.from, to: decision.to, basis: decision.basis };
  }

  /**
   * Call-derived fields (count, sources, first/last call) re-read from the calls the incident holds
   * now — after a merge, split or undone merge — then one save. Figures default to the highest the
   * calls report; a merge passes both incidents' figures so officers' corrections survive.
   */
  async recomputeFromCalls(ctx: WriteContext, incident: IncidentEntity, figures?: IncidentFigures): Promise<void> {
    const calls = await ctx.manager.getRepository(CallEntity).find({ where: { incidentId: incident.id }, order: { receivedAt: 'ASC' } });
    incident.callCount = calls.length;
    incident.sources = sortSources([...new Set(calls.map((c) => c.source))]);
    if (calls.length) {
      incident.firstCallAt = calls[0]!.receivedAt;
      incident.lastCallAt = calls[calls.length - 1]!.receivedAt;
    }
    await this.applyFigures(ctx, incident, figures ?? calls.reduce((f, c) => maxFigures(f, figuresOfCall(c)), emptyFigures()));
  }

  /** A plain UPDATE of the locked row (repository.save would SELECT it again to diff). */
  async save(ctx: WriteContext, incident: IncidentEntity): Promise<void> {
    this.touch(incident);
    const { id, ...columns } = incident;
    await ctx.manager.update(IncidentEntity, { id }, columns);
  }

  private touch(incident: IncidentEntity): void {
    incident.version += 1;
    incident.updatedAt = new Date();
  }

  async lock(ctx: WriteContext, id: string): Promise<IncidentEntity | null> {
    return ctx.manager.getRepository(IncidentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** True while the title is the one Beacon derived (an officer's own title is never overwritten). */
  hasAutoTitle(i: IncidentEntity): boolean {
    return i.title === '' || i.title === this.titleOf(i);
  }

  titleOf(i: IncidentEntity): string {
    const what = i.type ? INCIDENT_TYPE_LABELS[i.type]['zh-CN'] : i.category ? INCIDENT_CATEGORY_LABELS[i.category]['zh-CN'] : '警情';
    const where = i.address ?? this.jurisdictions.tree.get(i.jurisdictionId)?.name ?? '';
    return where ? `${where} ${what}` : what;
  }

  /** Fired by the worker: nobody acknowledged in time → shift leader; still nobody → leader. */
  private async ackTimeout(incidentId: string, level: 1 | 2, ctx: WriteContext): Promise<void> {
    const incident = await this.lock(ctx, incidentId);
    if (!incident || incident.status !== 'reported' || incident.ackOverdueLevel >= level) return;
    incident.ackOverdueLevel = level;
    const target = level === 1 ? 'shift_leader' : 'leader';
    if (level === 1) {
      const due = ackDeadlines(incident.createdAt, this.ackPolicy).level2At;
      incident.ackDeadlineAt = due;
      await this.timers.schedule(ctx, 'incident.ack_timeout', `ack:${incident.id}:2`, due, { incidentId: incident.id, level: 2 });
    }
    await this.save(ctx, incident);
    ctx.record({
      type: 'incident.ack_overdue',
      aggregate: { type: 'incident', id: incident.id },
      jurisdictionId: incident.jurisdictionId,
      payload: { incident: incidentDto(incident), level, target },
    });
  }

  callPayload(call: CallEntity, incident: IncidentEntity) {
    return { call: callDto(call), incident: incidentDto(incident) };
  }
}

export function figuresOfCall(call: CallEntity): Partial<IncidentFigures> {
  return figuresFromIntake({
    casualties: call.casualties ?? undefined,
    economicLossCny: call.economicLossCny ?? undefined,
    burnedAreaHa: call.burnedAreaHa ?? undefined,
    magnitude: call.magnitude ?? undefined,
  });
}

function sortSources(sources: CallSource[]): CallSource[] {
  return sources.sort((a, b) => SOURCE_ORDER.indexOf(a) - SOURCE_ORDER.indexOf(b));
}
