import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  INCIDENT_CATEGORY_LABELS, INCIDENT_TYPE_LABELS, ackDeadlines, categoryOfType, decideGradeChange, emptyFigures, figuresFromIntake,
  gradeIncident, maxFigures, type CallSource, type IncidentFigures,
} from '@beacon/domain';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { TimerHandlerRegistry } from '../../jobs/timer-handler.registry.js';
import { TimersService } from '../../jobs/timers.service.js';
import type { WriteContext } from '../events/event-log.types.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { CallEntity } from '../intake/call.entity.js';
import { IncidentEntity } from './incident.entity.js';
import { callDto, incidentDto } from './incident-mappers.js';

const SOURCE_ORDER: CallSource[] = ['110', '119', '120', 'manual'];

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
    const now = new Date();
    const location = call.lng !== null && call.lat !== null ? { lng: call.lng, lat: call.lat } : null;
    const jurisdiction = location ? this.jurisdictions.tree.locate(location, fallbackJurisdictionId) : null;
    const incident = ctx.manager.getRepository(IncidentEntity).create({
      code: '', // numbered by the INSERT below
      title: '',
      status: 'reported',
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
    // One round trip: the code's number comes from the sequence inside the INSERT.
    const { code: _pending, ...columns } = incident;
    const inserted = await ctx.manager
      .createQueryBuilder()
      .insert()
      .into(IncidentEntity)
      .values({ ...columns, code: () => `'INC-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('incident_code_seq')::text, 4, '0')` })
      .returning(['id', 'code'])
      .execute();
    const row = inserted.raw[0] as { id: string; code: string };
    incident.id = row.id;
    incident.code = row.code;
    await this.timers.schedule(ctx, 'incident.ack_timeout', `ack:${incident.id}:1`, incident.ackDeadlineAt!, { incidentId: incident.id, level: 1 });
    return incident;
  }

  /** A linked call raises figures to the highest reported so far and may raise the grade. */
  async absorbCall(ctx: WriteContext, incident: IncidentEntity, call: CallEntity): Promise<void> {
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
    await this.applyFigures(ctx, incident, maxFigures(incident.figures, figuresOfCall(call)));
  }

  /** New figures (from a call, an officer or a merge): store, re-grade (raise only), save, emit. */
  async applyFigures(ctx: WriteContext, incident: IncidentEntity, figures: IncidentFigures): Promise<void> {
    const previousComputed = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures })?.grade ?? null;
    incident.figures = figures;
    const computed = gradeIncident({ category: incident.category, type: incident.type, figures });
    const decision = decideGradeChange({ grade: incident.grade, basis: incident.gradeBasis }, computed, { previousComputed });
    const raised = decision.kind === 'raise' ? decision : null;
    if (raised) {
      incident.grade = raised.to;
      incident.gradeBasis = raised.basis;
    }
    await this.save(ctx, incident);
    if (raised) {
      ctx.record({
        type: 'incident.grade_raised',
        aggregate: { type: 'incident', id: incident.id },
        jurisdictionId: incident.jurisdictionId,
        payload: { incident: incidentDto(incident), from: raised.from, to: raised.to, basis: raised.basis },
      });
    }
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
    incident.version += 1;
    incident.updatedAt = new Date();
    const { id, ...columns } = incident;
    await ctx.manager.update(IncidentEntity, { id }, columns);
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
