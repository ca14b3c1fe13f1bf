import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  absorbCall, ackDeadlines, emptyFigures, figuresFromIntake, hasDerivedTitle, incidentFromCall, incidentTitle, maxFigures,
  regrade, sortSources, type AbsorbedCall, type GradeRaise, type IncidentFigures,
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
    await this.insertNew(ctx, incident);
    return incident;
  }

  /** A new incident for a call, in memory (its facts from libs/domain's incidentFromCall), with its ack deadline; numbered when inserted. */
  buildFromCall(call: CallEntity, fallbackJurisdictionId: string, now = new Date()): IncidentEntity {
    const location = call.lng !== null && call.lat !== null ? { lng: call.lng, lat: call.lat } : null;
    const jurisdictionId = (location && this.jurisdictions.tree.locate(location, fallbackJurisdictionId)?.id) || fallbackJurisdictionId;
    return Object.assign(new IncidentEntity(), {
      ...incidentFromCall(this.facts(call), this.jurisdictions.tree.get(jurisdictionId)?.name),
      id: randomUUID(),
      code: '', // numbered by the INSERT
      status: 'reported' as const,
      jurisdictionId,
      createdAt: now,
      acknowledgedAt: null,
      acknowledgedBy: null,
      ackDeadlineAt: ackDeadlines(now, this.ackPolicy).level1At,
      ackOverdueLevel: 0,
      mergedInto: null,
      statusBeforeMerge: null,
      version: 1,
      updatedAt: now,
    });
  }

  /** Inserts a new incident (numbered from the sequence), fills in its code and arms its acknowledgement timer. */
  private async insertNew(ctx: WriteContext, incident: IncidentEntity): Promise<void> {
    const [row] = (await ctx.manager.query(insertIncidentsSql('$1'), [JSON.stringify([INCIDENT_ROW.toRow(incident)])])) as Array<{ id: string; code: string }>;
    incident.code = row!.code;
    await this.timers.scheduleMany(ctx, [this.firstAckTimer(incident)]);
  }

  /** The level-1 acknowledgement timer every new incident gets. */
  firstAckTimer(incident: IncidentEntity): TimerToSchedule<'incident.ack_timeout'> {
    return { kind: 'incident.ack_timeout', key: `ack:${incident.id}:1`, dueAt: incident.ackDeadlineAt!, payload: { incidentId: incident.id, level: 1 } };
  }

  /**
   * A linked call, in memory (the rules are libs/domain's absorbCall); the version moves on. Returns
   * the grade raise to announce, if any; the caller saves.
   */
  absorb(incident: IncidentEntity, call: CallEntity): GradeRaise | null {
    const { incident: next, raise } = absorbCall(incident, this.facts(call), this.placeNameOf(incident));
    Object.assign(incident, next);
    this.touch(incident);
    return raise;
  }

  /** New figures (from an officer or a merge): store, re-grade (raise only), save, emit. */
  async applyFigures(ctx: WriteContext, incident: IncidentEntity, figures: IncidentFigures): Promise<void> {
    const raised = this.regradeInPlace(incident, figures);
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
  private regradeInPlace(incident: IncidentEntity, figures: IncidentFigures): GradeRaise | null {
    const { raise, ...graded } = regrade(incident, figures);
    Object.assign(incident, graded);
    return raise;
  }

  /**
   * Call-derived fields (count, sources, first/last call) re-read from the calls the incident holds
   * now — after a merge, split or undone merge — then one save. Figures default to the highest the
   * calls report; a merge passes both incidents' figures so officers' corrections survive.
   */
  async recomputeFromCalls(ctx: WriteContext, incident: IncidentEntity, figures?: IncidentFigures): Promise<void> {
    const calls = await ctx.manager.getRepository(CallEntity).find({ where: { incidentId: incident.id }, order: { receivedAt: 'ASC' } });
    incident.callCount = calls.length;
    incident.sources = sortSources(calls.map((c) => c.source));
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
    return hasDerivedTitle(i.title, i, this.placeNameOf(i));
  }

  titleOf(i: IncidentEntity): string {
    return incidentTitle(i, this.placeNameOf(i));
  }

  /** What a call brings to the incident rules. */
  private facts(call: CallEntity): AbsorbedCall {
    return { ...call, figures: figuresOfCall(call) };
  }

  private placeNameOf(i: IncidentEntity): string | null {
    return this.jurisdictions.tree.get(i.jurisdictionId)?.name ?? null;
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
