import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_LINKING_CONFIG, OPEN_INCIDENT_STATUSES, categoryOfType, findLinkCandidate, isTypeOfCategory,
  type IncidentForLinking, type IntakeCallResponse, type LinkingConfig,
} from '@beacon/domain';
import { In } from 'typeorm';
import { ApiError } from '../../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { EventLog } from '../events/event-log.service.js';
import type { WriteContext } from '../events/event-log.types.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
import { IncidentEntity } from '../incidents/incident.entity.js';
import { IncidentWriter } from '../incidents/incident-writer.js';
import { CallEntity } from './call.entity.js';
import type { IntakeCallDto } from './intake-call.dto.js';
import { intakeLockKeys } from './intake-locks.js';

export interface IntakeOutcome {
  created: boolean;
  response: IntakeCallResponse;
}

@Injectable()
export class IntakeService {
  readonly linking: LinkingConfig;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly log: EventLog,
    private readonly incidents: IncidentWriter,
    private readonly metrics: BeaconMetrics,
  ) {
    this.linking = { ...DEFAULT_LINKING_CONFIG, baseRadiusM: config.LINK_RADIUS_M, windowMinutes: config.LINK_WINDOW_MIN };
  }

  /** Stores the call and links or opens its incident; returns only after both and their events commit. */
  async receive(principal: Principal, dto: IntakeCallDto): Promise<IntakeOutcome> {
    this.assertCoherent(dto);
    const { result } = await this.log.write(actorOf(principal), async (ctx) => {
      await ctx.manager.query(
        'SELECT pg_advisory_xact_lock(k::bigint) FROM (SELECT unnest($1::text[]) AS k ORDER BY 1) AS keys',
        [intakeLockKeys(dto, this.linking)],
      );
      const existing = await ctx.manager.getRepository(CallEntity).findOne({ where: { source: dto.source, externalId: dto.externalId } });
      if (existing) return { created: false, response: responseOf(existing) };
      return { created: true, response: await this.store(ctx, principal, dto) };
    });
    this.metrics.intakeCalls.inc({ source: dto.source, outcome: result.created ? (result.response.linked ? 'linked' : 'new') : 'duplicate' });
    return result;
  }

  private async store(ctx: WriteContext, principal: Principal, dto: IntakeCallDto): Promise<IntakeCallResponse> {
    const calls = ctx.manager.getRepository(CallEntity);
    const call = calls.create({
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
      intakeKeyId: principal.kind === 'integration' ? principal.keyId : null,
      enteredBy: principal.kind === 'user' ? principal.id : null,
      linkReason: null,
    });

    const match = findLinkCandidate(
      {
        source: call.source,
        externalId: call.externalId,
        receivedAt: call.receivedAt,
        location: dto.location ? { lng: dto.location.lng, lat: dto.location.lat, accuracyM: dto.location.accuracyM } : undefined,
        category: call.category ?? undefined,
        type: call.type ?? undefined,
        relatedExternalIds: call.relatedExternalIds,
      },
      await this.candidates(ctx, call),
      this.linking,
    );

    let incident: IncidentEntity;
    if (match) {
      incident = (await this.incidents.lock(ctx, match.incidentId))!;
      call.incidentId = incident.id;
      call.originalIncidentId = incident.id;
      call.linkReason = match.reason;
      await calls.insert(call);
      await this.incidents.absorbCall(ctx, incident, call);
    } else {
      incident = await this.incidents.createFromCall(ctx, call, principal.jurisdictionId);
      call.incidentId = incident.id;
      call.originalIncidentId = incident.id;
      await calls.insert(call);
      ctx.record({
        type: 'incident.created',
        aggregate: { type: 'incident', id: incident.id },
        jurisdictionId: incident.jurisdictionId,
        payload: this.incidents.callPayload(call, incident),
      });
    }
    ctx.record({
      type: 'call.received',
      aggregate: { type: 'incident', id: incident.id },
      jurisdictionId: incident.jurisdictionId,
      payload: this.incidents.callPayload(call, incident),
    });
    return responseOf(call);
  }

  /** Open incidents that could be the same event: near in space and time, or sharing a case id. */
  private async candidates(ctx: WriteContext, call: CallEntity): Promise<IncidentForLinking[]> {
    const repo = ctx.manager.getRepository(IncidentEntity);
    const windowMs = this.linking.windowMinutes * 60_000;
    const found = new Map<string, IncidentEntity>();
    if (call.lng !== null && call.lat !== null) {
      const reach = this.linking.baseRadiusM + 2 * this.linking.maxAccuracyM;
      const dLat = reach / 111_320;
      const dLng = reach / (111_320 * Math.cos((call.lat * Math.PI) / 180));
      const near = await repo
        .createQueryBuilder('i')
        .where('i.status IN (:...open)', { open: OPEN_INCIDENT_STATUSES })
        .andWhere('i.lng BETWEEN :w AND :e AND i.lat BETWEEN :s AND :n', { w: call.lng - dLng, e: call.lng + dLng, s: call.lat - dLat, n: call.lat + dLat })
        .andWhere('i.last_call_at >= :from AND i.first_call_at <= :to', {
          from: new Date(call.receivedAt.getTime() - windowMs),
          to: new Date(call.receivedAt.getTime() + windowMs),
        })
        .getMany();
      for (const i of near) found.set(i.id, i);
    }
    const refs = [call.externalId, ...call.relatedExternalIds];
    const referenced: Array<{ incident_id: string }> = await ctx.manager.query(
      `SELECT DISTINCT c.incident_id FROM calls c
        WHERE (c.external_id = ANY($1) OR c.related_external_ids && ARRAY[$2]::text[]) AND c.source <> $3`,
      [refs, call.externalId, call.source],
    );
    const missing = referenced.map((r) => r.incident_id).filter((id) => !found.has(id));
    if (missing.length) {
      for (const i of await repo.find({ where: { id: In(missing), status: In([...OPEN_INCIDENT_STATUSES]) } })) found.set(i.id, i);
    }
    if (found.size === 0) return [];
    const refRows: Array<{ incident_id: string; source: string; external_id: string; related: string[] }> = await ctx.manager.query(
      `SELECT incident_id, source, external_id, related_external_ids AS related FROM calls WHERE incident_id = ANY($1::uuid[])`,
      [[...found.keys()]],
    );
    return [...found.values()].map((i) => ({
      id: i.id,
      status: i.status,
      location: i.lng === null || i.lat === null ? null : { lng: i.lng, lat: i.lat },
      locationAccuracyM: i.locationAccuracyM ?? undefined,
      category: i.category,
      type: i.type,
      firstCallAt: i.firstCallAt,
      lastCallAt: i.lastCallAt,
      externalRefs: refRows
        .filter((r) => r.incident_id === i.id)
        .flatMap((r) => [{ source: r.source as CallEntity['source'], externalId: r.external_id }, ...r.related.map((x) => ({ source: r.source as CallEntity['source'], externalId: x }))]),
    }));
  }

  private assertCoherent(dto: IntakeCallDto): void {
    if (!dto.location && !dto.address) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'a call needs a location or an address', {
        location: 'location or address is required',
        address: 'location or address is required',
      });
    }
    if (dto.category && dto.type && !isTypeOfCategory(dto.type, dto.category)) {
      throw new ApiError(400, 'VALIDATION_FAILED', `type ${dto.type} is not a sub-type of ${dto.category}`, {
        type: `not a sub-type of ${dto.category}`,
      });
    }
  }
}

function responseOf(call: CallEntity): IntakeCallResponse {
  const linked = call.linkReason !== null;
  return linked ? { callId: call.id, incidentId: call.incidentId, linked, linkReason: call.linkReason! } : { callId: call.id, incidentId: call.incidentId, linked };
}
