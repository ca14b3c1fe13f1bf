import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ackAfterMerge, ackAfterUnmerge, ackAfterUnmergeOfTarget, ackEscalation, emptyFigures, figuresAfterCallsLeave, figuresAfterUnmerge, hasDerivedTitle, incidentTitle, maxFigures, positionAfterCallsLeave,
  regrade, rederiveGrade, sortSources, type AckEscalation, type AckResumed, type GradeRaise, type IncidentFigures,
} from '@beacon/domain';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { TimerHandlerRegistry, type DueTimers } from '../../jobs/timer-handler.registry.js';
import { preparedQuery } from '../../database/prepared-query.js';
import type { TimerToSchedule } from '../../jobs/timer-rows.js';
import { TimersService } from '../../jobs/timers.service.js';
import type { WriteContext } from '../events/event-log.types.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { CallEntity } from '../intake/call.entity.js';
import { IncidentEntity } from './incident.entity.js';
import { IncidentIntakeRules, ackTimer, ackTimerKeys, figuresOfCall, touch } from './incident-intake-rules.js';
import { incidentDto } from './incident-mappers.js';
import { INCIDENT_ROW, insertIncidentsSql, updateIncidentsSql } from './incident-row.js';

const LOCK_INCIDENTS_SQL = `SELECT to_jsonb(i.*) AS row FROM incidents i WHERE i.id = ANY($1::uuid[]) ORDER BY i.id FOR UPDATE`;
const UPDATE_INCIDENTS_SQL = updateIncidentsSql('$1');

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
  ) {
    this.rules = new IncidentIntakeRules(
      { firstTimeoutS: config.ACK_TIMEOUT_S, secondTimeoutS: config.ACK_SECOND_TIMEOUT_S },
      () => jurisdictions.tree,
      config.gradeTables,
    );
  }

  /** Intake's in-memory rules (shared with the intake worker thread). */
  readonly rules: IncidentIntakeRules;

  onModuleInit(): void {
    this.registry.register('incident.ack_timeout', (due, ctx) => this.ackTimeouts(due, ctx));
  }

  async createFromCall(ctx: WriteContext, call: CallEntity, fallbackJurisdictionId: string): Promise<IncidentEntity> {
    const incident = this.rules.buildFromCall(call, fallbackJurisdictionId);
    await this.insertNew(ctx, incident);
    return incident;
  }

  /** Inserts a new incident (numbered from the sequence), fills in its code and arms its acknowledgement timer. */
  private async insertNew(ctx: WriteContext, incident: IncidentEntity): Promise<void> {
    const [row] = (await ctx.manager.query(insertIncidentsSql('$1'), [JSON.stringify([INCIDENT_ROW.toRow(incident)])])) as Array<{ id: string; code: string }>;
    incident.code = row!.code;
    await this.timers.scheduleMany(ctx, [this.rules.firstAckTimer(incident)]);
  }

  /** New figures (from an officer or a merge): store, re-grade (raise only), save, emit. */
  async applyFigures(ctx: WriteContext, incident: IncidentEntity, figures: IncidentFigures): Promise<void> {
    const raised = this.regradeInPlace(incident, figures);
    await this.save(ctx, incident);
    if (raised) ctx.record(this.rules.gradeRaisedEvent(incident, raised));
  }

  /** In memory: the new figures and, if they raise it, the new grade (never lowers). */
  private regradeInPlace(incident: IncidentEntity, figures: IncidentFigures): GradeRaise | null {
    const { raise, ...graded } = regrade(incident, figures, this.config.gradeTables);
    Object.assign(incident, graded);
    return raise;
  }

  /**
   * Call-derived fields (count, sources, first/last call) re-read from the calls the incident holds
   * now — after a merge, split or undone merge — then one save. Figures default to the highest the
   * calls report; a merge passes both incidents' figures so officers' corrections survive.
   */
  async recomputeFromCalls(ctx: WriteContext, incident: IncidentEntity, figures?: IncidentFigures): Promise<void> {
    const calls = await this.refreshCallFields(ctx, incident);
    await this.applyFigures(ctx, incident, figures ?? highestFigures(calls));
  }

  /** The highest figures the incident's calls report now: take it before calls leave, for rederiveAfterCallsLeft. */
  async callFigures(ctx: WriteContext, incidentId: string): Promise<IncidentFigures> {
    return highestFigures(await ctx.manager.getRepository(CallEntity).find({ where: { incidentId } }));
  }

  /**
   * After an officer took calls away (split one out, undid a merge): call-derived fields re-read (the
   * position too, if a departed call gave it: positionAfterCallsLeave); each
   * figure that came from the calls (`callsBefore`) follows those that remain, an officer's correction
   * stays (figuresAfterCallsLeave); the grade is derived again, down as well as up (rederiveGrade), and
   * a change is recorded as incident.grade_changed with the officer's reason.
   */
  async rederiveAfterCallsLeft(ctx: WriteContext, incident: IncidentEntity, callsBefore: IncidentFigures, reason: string): Promise<void> {
    await this.rederive(ctx, incident, reason, (calls) => figuresAfterCallsLeave(incident.figures, callsBefore, highestFigures(calls)));
  }

  /**
   * The target of an undone merge: each figure the merge set goes back to the target's own from before
   * it, raised by calls that joined since (figuresAfterUnmerge); the grade follows as after calls left.
   * A merge recorded without the target's figures falls back to rederiveAfterCallsLeft's rule.
   */
  async rederiveAfterUnmerge(ctx: WriteContext, target: IncidentEntity, merge: { targetFiguresBefore: IncidentFigures | null; mergedAt: Date }, source: IncidentFigures, callsBefore: IncidentFigures, reason: string): Promise<void> {
    const before = merge.targetFiguresBefore;
    if (!before) return this.rederiveAfterCallsLeft(ctx, target, callsBefore, reason);
    await this.rederive(ctx, target, reason, (calls) =>
      figuresAfterUnmerge(target.figures, { ...emptyFigures(), ...before }, source, highestFigures(calls.filter((c) => c.createdAt > merge.mergedAt))),
    );
  }

  /** Call fields re-read, figures from `figuresOf(the calls it holds now)`, the grade derived again and a change recorded. */
  private async rederive(ctx: WriteContext, incident: IncidentEntity, reason: string, figuresOf: (calls: CallEntity[]) => IncidentFigures): Promise<void> {
    const calls = await this.refreshCallFields(ctx, incident);
    // A position a departed call gave follows the calls that remain (calls are read in received order).
    Object.assign(incident, positionAfterCallsLeave(incident, calls));
    const { change, ...rederived } = rederiveGrade(incident, figuresOf(calls), this.config.gradeTables);
    Object.assign(incident, rederived);
    await this.save(ctx, incident);
    if (!change) return;
    ctx.record({
      type: 'incident.grade_changed',
      aggregate: { type: 'incident', id: incident.id },
      jurisdictionId: incident.jurisdictionId,
      payload: { incident: incidentDto(incident), from: change.from, to: change.to, direction: change.direction, reason, computed: change.to },
    });
  }

  /**
   * The target of a merge takes the source's acknowledgement clock when it is further along (ackAfterMerge):
   * its timers re-armed to match. Call before the source is marked merged. Says whether it did.
   */
  async takeAckFrom(ctx: WriteContext, target: IncidentEntity, source: IncidentEntity): Promise<boolean> {
    const taken = ackAfterMerge(target, source);
    if (!taken) return false;
    await this.setAckClock(ctx, target, taken);
    return true;
  }

  /** The target of an undone merge that took the source's clock: its own clock back (ackAfterUnmergeOfTarget), timers re-armed; saved by the caller. */
  async giveAckBack(ctx: WriteContext, target: IncidentEntity, own: { ackOverdueLevel: number; ackDeadlineAt: string | null }, now = new Date()): Promise<void> {
    const resumed = ackAfterUnmergeOfTarget(target, { ackOverdueLevel: own.ackOverdueLevel, ackDeadlineAt: own.ackDeadlineAt ? new Date(own.ackDeadlineAt) : null }, now, this.rules.ackPolicy);
    if (resumed) await this.setAckClock(ctx, target, resumed);
  }

  /** An incident back in the queue unacknowledged (an undone merge): its escalation resumes where it stood. */
  async resumeAck(ctx: WriteContext, incident: IncidentEntity, now = new Date()): Promise<void> {
    await this.setAckClock(ctx, incident, ackAfterUnmerge(incident, now, this.rules.ackPolicy));
  }

  /**
   * An incident's acknowledgement clock set to `clock` (the domain's ackAfter…): its timers replaced by
   * the next escalation's. Cancelled first: a pending timer with the same key would keep its old time
   * (timer rows are upserts of finished ones only).
   */
  private async setAckClock(ctx: WriteContext, incident: IncidentEntity, clock: AckResumed): Promise<void> {
    incident.ackOverdueLevel = clock.ackOverdueLevel;
    incident.ackDeadlineAt = clock.ackDeadlineAt;
    await this.timers.cancel(ctx, ackTimerKeys(incident.id));
    if (clock.next) await this.timers.scheduleMany(ctx, [ackTimer(incident.id, clock.next.level, clock.next.dueAt)]);
  }

  /** Count, sources and first/last call re-read from the calls the incident holds now; returns them. */
  private async refreshCallFields(ctx: WriteContext, incident: IncidentEntity): Promise<CallEntity[]> {
    const calls = await ctx.manager.getRepository(CallEntity).find({ where: { incidentId: incident.id }, order: { receivedAt: 'ASC' } });
    incident.callCount = calls.length;
    incident.sources = sortSources(calls.map((c) => c.source));
    if (calls.length) {
      incident.firstCallAt = calls[0]!.receivedAt;
      incident.lastCallAt = calls[calls.length - 1]!.receivedAt;
    }
    return calls;
  }

  /** A plain UPDATE of the locked row (repository.save would SELECT it again to diff). */
  async save(ctx: WriteContext, incident: IncidentEntity): Promise<void> {
    touch(incident);
    const { id, ...columns } = incident;
    await ctx.manager.update(IncidentEntity, { id }, columns);
  }

  async lock(ctx: WriteContext, id: string): Promise<IncidentEntity | null> {
    return ctx.manager.getRepository(IncidentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** True while the title is the one Beacon derived (an officer's own title is never overwritten). */
  hasAutoTitle(i: IncidentEntity): boolean {
    return hasDerivedTitle(i.title, i, this.rules.placeNameOf(i));
  }

  titleOf(i: IncidentEntity): string {
    return incidentTitle(i, this.rules.placeNameOf(i));
  }

  /**
   * Fired by the worker, for every ack timer due together: nobody acknowledged in time → shift
   * leader; still nobody → leader. One statement each to lock the incidents, claim the timers, arm
   * the level-2 timers and save the incidents, however many fell due at once.
   */
  private async ackTimeouts(due: DueTimers<'incident.ack_timeout'>, ctx: WriteContext): Promise<void> {
    const incidents = await this.lockMany(ctx, due.timers.map((t) => t.payload.incidentId));
    const won = await due.claim(due.timers.map((t) => t.id));
    const overdue: Array<{ incident: IncidentEntity; escalation: AckEscalation }> = [];
    const next: Array<TimerToSchedule<'incident.ack_timeout'>> = [];
    // Lower level first, should both of one incident be due at once.
    for (const { id, payload } of [...due.timers].sort((a, b) => a.payload.level - b.payload.level)) {
      const incident = incidents.get(payload.incidentId);
      const escalation = won.has(id) && incident ? ackEscalation(incident, payload.level, this.rules.ackPolicy) : null;
      if (!incident || !escalation) continue;
      incident.ackOverdueLevel = escalation.level;
      if (escalation.nextDeadlineAt) {
        incident.ackDeadlineAt = escalation.nextDeadlineAt;
        next.push(ackTimer(incident.id, 2, escalation.nextDeadlineAt));
      }
      overdue.push({ incident, escalation });
    }
    await this.timers.scheduleMany(ctx, next);
    await this.saveMany(ctx, [...new Set(overdue.map((o) => o.incident))]);
    for (const { incident, escalation } of overdue) {
      ctx.record({
        type: 'incident.ack_overdue',
        aggregate: { type: 'incident', id: incident.id },
        jurisdictionId: incident.jurisdictionId,
        payload: { incident: incidentDto(incident), level: escalation.level, target: escalation.target },
      });
    }
  }

  /** Locks incidents in id order (so two batches never deadlock on them), by id. */
  private async lockMany(ctx: WriteContext, ids: string[]): Promise<Map<string, IncidentEntity>> {
    const rows = await preparedQuery<{ row: Record<string, unknown> }>(ctx.manager, 'beacon_incidents_lock', LOCK_INCIDENTS_SQL, [[...new Set(ids)]]);
    return new Map(rows.map(({ row }) => {
      const incident = INCIDENT_ROW.fromRow(row);
      return [incident.id, incident];
    }));
  }

  /** One UPDATE for several locked incidents; each version moves on. */
  private async saveMany(ctx: WriteContext, incidents: IncidentEntity[]): Promise<void> {
    if (!incidents.length) return;
    for (const incident of incidents) touch(incident);
    await preparedQuery(ctx.manager, 'beacon_incidents_update', UPDATE_INCIDENTS_SQL, [JSON.stringify(incidents.map((i) => INCIDENT_ROW.toRow(i)))]);
  }
}

function highestFigures(calls: CallEntity[]): IncidentFigures {
  return calls.reduce((f, c) => maxFigures(f, figuresOfCall(c)), emptyFigures());
}
