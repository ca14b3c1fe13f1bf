import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError, INCIDENT_STATUSES, OPEN_INCIDENT_STATUSES, assertCorrectable, assertOfficerGradeChange, assertTransition, assertUnmerge, correctClassification, gradeIncident,
  OFFICER_POSITION_ACCURACY_M, isOpen, maxFigures, officerGradeBasis, reasonWithCause, serviceAreaProblem, type IncidentDetailDto, type IncidentDto, type IncidentFigures,
} from '@beacon/domain';
import { degreesForMetres, haversineMeters, parseBBox } from '@beacon/geo';
import { DataSource, In, IsNull } from 'typeorm';
import { ApiError } from '../../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { TimersService } from '../../jobs/timers.service.js';
import { actorOf, type UserPrincipal } from '../auth/principal.js';
import { EventLog } from '../events/event-log.service.js';
import type { WriteContext } from '../events/event-log.types.js';
import { EventReader } from '../events/event-reader.service.js';
import { JurisdictionsService } from '../jurisdictions/jurisdictions.service.js';
import { CallEntity } from '../intake/call.entity.js';
import type { IncidentQueryDto, UpdateIncidentDto } from './incident.dto.js';
import { IncidentEntity } from './incident.entity.js';
import { ackTimerKeys } from './incident-intake-rules.js';
import { IncidentMergeEntity } from './incident-merge.entity.js';
import { callDto, incidentDto } from './incident-mappers.js';
import { IncidentWriter } from './incident-writer.js';
import { matchSearch } from './incident-search.js';

@Injectable()
export class IncidentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly log: EventLog,
    private readonly writer: IncidentWriter,
    private readonly timers: TimersService,
    private readonly reader: EventReader,
    private readonly jurisdictions: JurisdictionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: UserPrincipal, q: IncidentQueryDto): Promise<IncidentDto[]> {
    const qb = this.ds.getRepository(IncidentEntity).createQueryBuilder('i')
      .where('i.jurisdiction_id IN (:...visible)', { visible: this.visible(user) })
      // A search looks everywhere (a merged incident is reached by its number); the queue lists the open ones.
      .andWhere('i.status IN (:...status)', { status: q.status?.length ? q.status : q.q ? INCIDENT_STATUSES : OPEN_INCIDENT_STATUSES });
    if (q.q) matchSearch(qb, q.q, q.types);
    if (q.category) qb.andWhere('i.category = :category', { category: q.category });
    if (q.grade === 'none') qb.andWhere('i.grade IS NULL');
    else if (q.grade) qb.andWhere('i.grade = :grade', { grade: q.grade });
    if (q.bbox) {
      let box: readonly [number, number, number, number];
      try {
        box = parseBBox(q.bbox);
      } catch (err) {
        throw new ApiError(400, 'VALIDATION_FAILED', `bad bbox: ${(err as Error).message}`, { bbox: 'must be minLng,minLat,maxLng,maxLat' });
      }
      qb.andWhere('i.lng BETWEEN :w AND :e AND i.lat BETWEEN :s AND :n', { w: box[0], s: box[1], e: box[2], n: box[3] });
    }
    const rows = await qb.addOrderBy('i.created_at', 'DESC').limit(q.limit).getMany();
    return rows.map(incidentDto);
  }

  async detail(user: UserPrincipal, id: string): Promise<IncidentDetailDto> {
    const incident = await this.visibleIncident(user, id);
    const calls = await this.ds.getRepository(CallEntity).find({ where: { incidentId: id }, order: { receivedAt: 'ASC' } });
    const history = (await this.reader.forAggregate('incident', id)).map((e) => ({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, payload: e.payload }));
    return { ...incidentDto(incident), calls: calls.map(callDto), history };
  }

  async nearby(user: UserPrincipal, lng: number, lat: number, radiusM: number): Promise<Array<IncidentDto & { distanceM: number }>> {
    const { dLng, dLat } = degreesForMetres(radiusM, lat);
    const rows = await this.ds.getRepository(IncidentEntity).createQueryBuilder('i')
      .where('i.jurisdiction_id IN (:...visible)', { visible: this.visible(user) })
      .andWhere('i.status IN (:...open)', { open: OPEN_INCIDENT_STATUSES })
      .andWhere('i.lng BETWEEN :w AND :e AND i.lat BETWEEN :s AND :n', { w: lng - dLng, e: lng + dLng, s: lat - dLat, n: lat + dLat })
      .getMany();
    return rows
      .map((i) => ({ ...incidentDto(i), distanceM: Math.round(haversineMeters({ lng, lat }, { lng: i.lng!, lat: i.lat! })) }))
      .filter((i) => i.distanceM <= radiusM)
      .sort((a, b) => a.distanceM - b.distanceM);
  }

  acknowledge(user: UserPrincipal, id: string): Promise<IncidentDto> {
    return this.mutate(user, id, async (ctx, incident) => {
      if (incident.status !== 'reported') throw DomainError.of('ALREADY_ACKNOWLEDGED', `incident ${incident.code} is already ${incident.status}`);
      assertTransition(incident.status, 'acknowledged');
      incident.status = 'acknowledged';
      incident.acknowledgedAt = new Date();
      incident.acknowledgedBy = user.id;
      incident.ackDeadlineAt = null;
      await this.timers.cancel(ctx, ackTimerKeys(incident.id));
      await this.writer.save(ctx, incident);
      this.record(ctx, 'incident.acknowledged', incident, { by: user.displayName, overdueLevel: incident.ackOverdueLevel });
    });
  }

  transition(user: UserPrincipal, id: string, to: IncidentDto['status'], reason: string): Promise<IncidentDto> {
    return this.mutate(user, id, async (ctx, incident) => {
      if (to === 'acknowledged' && incident.status === 'reported') {
        throw new ApiError(400, 'USE_ACKNOWLEDGE', 'acknowledge with POST /api/incidents/:id/acknowledge', { to: 'use the acknowledge action' });
      }
      if (to === 'merged') throw new ApiError(400, 'USE_MERGE', 'merge with POST /api/incidents/:id/merge', { to: 'use the merge action' });
      const from = incident.status;
      assertTransition(from, to);
      incident.status = to;
      await this.writer.save(ctx, incident);
      this.record(ctx, 'incident.status_changed', incident, { from, to, reason });
    });
  }

  update(user: UserPrincipal, id: string, dto: UpdateIncidentDto): Promise<IncidentDto> {
    return this.mutate(user, id, async (ctx, incident) => {
      assertCorrectable(incident.status, incident.code);
      const changed: string[] = [];
      // What each corrected field was, for the history (the event's incident is what it became).
      const before = {
        category: incident.category, type: incident.type, address: incident.address, title: incident.title,
        location: incident.lng !== null && incident.lat !== null ? { lng: incident.lng, lat: incident.lat } : null,
        figures: { ...incident.figures },
      };
      const autoTitled = this.writer.hasAutoTitle(incident);
      const classification = correctClassification(incident, { category: dto.category, type: dto.type });
      incident.category = classification.category;
      incident.type = classification.type;
      changed.push(...classification.changed);
      if (dto.location) {
        // The same rule as for a call: a position far outside the officer's area is a slip of the hand.
        const outside = serviceAreaProblem(dto.location, this.jurisdictions.tree.bounds(user.jurisdictionId), this.config.INTAKE_AREA_MARGIN_M);
        if (outside) throw DomainError.of('VALIDATION_FAILED', `invalid location: ${outside}`, { location: outside });
        incident.lng = dto.location.lng;
        incident.lat = dto.location.lat;
        incident.locationAccuracyM = OFFICER_POSITION_ACCURACY_M; // never moved by a call's fix (positionWithCall)
        const j = this.jurisdictions.tree.locate(dto.location, user.jurisdictionId);
        if (j) incident.jurisdictionId = j.id;
        changed.push('location');
      }
      if (dto.address !== undefined) {
        incident.address = dto.address;
        changed.push('address');
      }
      if (dto.title) {
        incident.title = dto.title;
        changed.push('title');
      } else if (autoTitled) {
        incident.title = this.writer.titleOf(incident);
      }
      if (changed.length === 0 && !dto.figures) throw new ApiError(400, 'VALIDATION_FAILED', 'nothing to change', { body: 'give at least one field' });
      // Officers may correct a figure downwards; the grade still never drops silently (decideGradeChange).
      const figures: IncidentFigures = dto.figures ? { ...incident.figures, ...stripUndefined(dto.figures) } : incident.figures;
      if (dto.figures) changed.push('figures');
      await this.writer.applyFigures(ctx, incident, figures);
      const was: Record<string, unknown> = {};
      for (const field of changed) if (field !== 'figures' && field in before) was[field] = before[field as keyof typeof before];
      // Only the figures the correction changed (an integration may send the whole set, most as they were).
      const figureKeys = Object.keys(stripUndefined(dto.figures ?? {})) as Array<keyof IncidentFigures>;
      const movedFigures = figureKeys.filter((k) => (before.figures[k] ?? null) !== (figures[k] ?? null));
      if (movedFigures.length) was.figures = Object.fromEntries(movedFigures.map((k) => [k, before.figures[k] ?? null]));
      this.record(ctx, 'incident.updated', incident, { changed, reason: dto.reason ?? null, figures: dto.figures ?? null, before: was });
    });
  }

  setGrade(user: UserPrincipal, id: string, grade: IncidentDto['grade'], reason: string): Promise<IncidentDto> {
    return this.mutate(user, id, async (ctx, incident) => {
      assertCorrectable(incident.status, incident.code);
      const direction = assertOfficerGradeChange(incident.grade, grade, reason);
      const from = incident.grade;
      const computed = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures }, this.config.gradeTables);
      incident.grade = grade;
      incident.gradeBasis = grade === null ? null : officerGradeBasis(reason, user.displayName);
      await this.writer.save(ctx, incident);
      this.record(ctx, 'incident.grade_changed', incident, { from, to: grade, direction, reason, computed: computed?.grade ?? null });
    });
  }

  /** Folds `id` into the target: its calls move, it becomes `merged`; undo with unmerge. */
  merge(user: UserPrincipal, id: string, targetId: string, reason: string): Promise<IncidentDto> {
    if (id === targetId) throw new ApiError(400, 'VALIDATION_FAILED', 'an incident cannot be merged into itself', { targetIncidentId: 'must differ from the incident' });
    return this.mutate(user, id, async (ctx, source) => {
      const target = await this.writer.lock(ctx, targetId);
      if (!target || !this.visible(user).includes(target.jurisdictionId)) throw DomainError.of('INCIDENT_NOT_FOUND', `incident ${targetId} not found`, { targetIncidentId: 'not found' });
      if (!isOpen(target.status)) throw DomainError.of('ILLEGAL_TRANSITION', `target ${target.code} is ${target.status}`, { targetIncidentId: `is ${target.status}` });
      assertTransition(source.status, 'merged');
      const calls = await ctx.manager.getRepository(CallEntity).find({ where: { incidentId: source.id } });
      await ctx.manager.update(CallEntity, { incidentId: source.id }, { incidentId: target.id });
      const targetAck = { ackOverdueLevel: target.ackOverdueLevel, ackDeadlineAt: target.ackDeadlineAt?.toISOString() ?? null };
      const ackTaken = await this.writer.takeAckFrom(ctx, target, source);
      const merge = await ctx.manager.getRepository(IncidentMergeEntity).save({
        sourceIncidentId: source.id, targetIncidentId: target.id, movedCallIds: calls.map((c) => c.id), reason, mergedBy: user.id, mergedAt: new Date(), undoneAt: null, undoneBy: null,
        targetFiguresBefore: { ...target.figures },
        // Its own clock, given back by an undo (the source's callers leave with the source).
        targetAckBefore: ackTaken ? targetAck : null,
      });
      source.statusBeforeMerge = source.status;
      source.status = 'merged';
      source.mergedInto = target.id;
      await this.timers.cancel(ctx, ackTimerKeys(source.id));
      await this.writer.save(ctx, source);
      await this.writer.recomputeFromCalls(ctx, target, maxFigures(target.figures, source.figures));
      this.record(ctx, 'incident.merged', source, { mergeId: merge.id, into: target.id, intoCode: target.code, movedCallIds: merge.movedCallIds, reason });
      this.record(ctx, 'incident.merged', target, { mergeId: merge.id, from: source.id, fromCode: source.code, movedCallIds: merge.movedCallIds, reason, ackTakenFromSource: ackTaken });
    });
  }

  /** Undoes the latest merge of `id`: its calls go back and it resumes the status it had. */
  unmerge(user: UserPrincipal, id: string, reason: string): Promise<IncidentDto> {
    return this.mutate(user, id, async (ctx, source) => {
      const merge = await ctx.manager.getRepository(IncidentMergeEntity).findOne({
        where: { sourceIncidentId: source.id, undoneAt: IsNull() },
        order: { mergedAt: 'DESC' },
      });
      if (source.status !== 'merged' || !merge || merge.undoneAt) throw DomainError.of('NOT_MERGED', `incident ${source.code} is not merged`);
      source.status = assertUnmerge(source.status, source.statusBeforeMerge ?? 'acknowledged');
      source.mergedInto = null;
      source.statusBeforeMerge = null;
      // Back in the queue unacknowledged: its escalation resumes (whoever was alerted stays alerted).
      if (source.status === 'reported') await this.writer.resumeAck(ctx, source);
      const target = (await this.writer.lock(ctx, merge.targetIncidentId))!;
      // A target that took the source's acknowledgement clock gets its own back (saved with the target below).
      if (merge.targetAckBefore) await this.writer.giveAckBack(ctx, target, merge.targetAckBefore);
      const targetCallsBefore = await this.writer.callFigures(ctx, target.id);
      // Calls split out of the target since the merge stay where the officer put them.
      if (merge.movedCallIds.length) {
        await ctx.manager.update(CallEntity, { id: In(merge.movedCallIds), incidentId: target.id }, { incidentId: source.id });
      }
      await ctx.manager.update(IncidentMergeEntity, { id: merge.id }, { undoneAt: new Date(), undoneBy: user.id });
      // The source's figures stood still while it was merged (its officers' corrections with them).
      await this.writer.recomputeFromCalls(ctx, source, source.figures);
      // The target gives back what the merge brought: the source's figures and the grade they raised.
      await this.writer.rederiveAfterUnmerge(ctx, target, merge, source.figures, targetCallsBefore, reasonWithCause('unmerge', reason));
      this.record(ctx, 'incident.unmerged', source, { mergeId: merge.id, from: target.id, fromCode: target.code, reason });
      this.record(ctx, 'incident.unmerged', target, { mergeId: merge.id, restored: source.id, restoredCode: source.code, reason });
    });
  }

  /** A call that is not this event gets its own new incident; the old one keeps the provenance in its history. */
  async splitCall(user: UserPrincipal, callId: string, reason: string): Promise<IncidentDto> {
    const { result } = await this.log.write(actorOf(user), async (ctx) => {
      const call = await ctx.manager.getRepository(CallEntity).findOne({ where: { id: callId }, lock: { mode: 'pessimistic_write' } });
      if (!call) throw DomainError.of('CALL_NOT_FOUND', `call ${callId} not found`);
      const from = await this.writer.lock(ctx, call.incidentId);
      if (!from || !this.visible(user).includes(from.jurisdictionId)) throw DomainError.of('CALL_NOT_FOUND', `call ${callId} not found`);
      if (from.callCount <= 1) throw DomainError.of('SPLIT_LAST_CALL', 'the only call of an incident cannot be split out', { callId: 'is the only call' });
      const created = await this.writer.createFromCall(ctx, call, from.jurisdictionId);
      const callsBefore = await this.writer.callFigures(ctx, from.id);
      // The call opened its own incident: no link to explain; why it left is the split's reason, in both histories.
      await ctx.manager.update(CallEntity, { id: call.id }, { incidentId: created.id, linkReason: null });
      await this.writer.rederiveAfterCallsLeft(ctx, from, callsBefore, reasonWithCause('splitCall', reason));
      call.incidentId = created.id;
      call.linkReason = null;
      ctx.record({
        type: 'incident.created',
        aggregate: { type: 'incident', id: created.id },
        jurisdictionId: created.jurisdictionId,
        payload: { incident: incidentDto(created), call: callDto(call), splitFrom: from.id, splitFromCode: from.code, reason },
      });
      this.record(ctx, 'call.split', from, { callId, to: created.id, toCode: created.code, reason });
      return incidentDto(created);
    });
    return result;
  }

  private async mutate(user: UserPrincipal, id: string, work: (ctx: WriteContext, incident: IncidentEntity) => Promise<void>): Promise<IncidentDto> {
    const { result } = await this.log.write(actorOf(user), async (ctx) => {
      const incident = await this.writer.lock(ctx, id);
      if (!incident || !this.visible(user).includes(incident.jurisdictionId)) throw DomainError.of('INCIDENT_NOT_FOUND', `incident ${id} not found`);
      await work(ctx, incident);
      return incidentDto(incident);
    });
    return result;
  }

  private record(ctx: WriteContext, type: 'incident.acknowledged' | 'incident.status_changed' | 'incident.updated' | 'incident.grade_changed' | 'incident.merged' | 'incident.unmerged' | 'call.split', incident: IncidentEntity, extra: Record<string, unknown>): void {
    ctx.record({ type, aggregate: { type: 'incident', id: incident.id }, jurisdictionId: incident.jurisdictionId, payload: { ...extra, incident: incidentDto(incident) } });
  }

  private async visibleIncident(user: UserPrincipal, id: string): Promise<IncidentEntity> {
    const incident = await this.ds.getRepository(IncidentEntity).findOne({ where: { id } });
    if (!incident || !this.visible(user).includes(incident.jurisdictionId)) throw DomainError.of('INCIDENT_NOT_FOUND', `incident ${id} not found`);
    return incident;
  }

  private visible(user: UserPrincipal): string[] {
    return this.jurisdictions.idsInScope(user.jurisdictionId);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
