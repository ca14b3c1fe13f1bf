import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_LINKING_CONFIG, DomainError, OPEN_INCIDENT_STATUSES, categoryOfType, findLinkCandidate, intakeCallProblems,
  type CallSource, type IncidentCategory, type IncidentForLinking, type IncidentStatus, type IncidentType, type IntakeCallResponse,
  type LinkingConfig,
} from '@beacon/domain';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { EventLog } from '../events/event-log.service.js';
import type { WriteContext } from '../events/event-log.types.js';
import { BeaconMetrics } from '../health/beacon-metrics.js';
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

    let incident: Awaited<ReturnType<IncidentWriter['createFromCall']>>;
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

  /**
   * Open incidents that could be the same event, in one query: near enough in space (an
   * equirectangular prefilter with the real accuracy-widened radius, 1% slack; the domain decides
   * exactly) and time, or sharing a case id with the call. Only the columns linking needs.
   */
  private async candidates(ctx: WriteContext, call: CallEntity): Promise<IncidentForLinking[]> {
    const { baseRadiusM, maxAccuracyM, windowMinutes } = this.linking;
    const windowMs = windowMinutes * 60_000;
    const callReach = baseRadiusM + Math.min(call.accuracyM ?? 0, maxAccuracyM);
    const reach = callReach + maxAccuracyM;
    const hasLocation = call.lng !== null && call.lat !== null;
    const lat = call.lat ?? 0;
    const dLat = reach / 111_320;
    const dLng = reach / (111_320 * Math.cos((lat * Math.PI) / 180));
    const rows: CandidateRow[] = await ctx.manager.query(
      `WITH p AS (
         SELECT $3::float8 AS lng, $4::float8 AS lat, $5::float8 AS dlng, $6::float8 AS dlat,
                $7::timestamptz AS t_from, $8::timestamptz AS t_to, $9::float8 AS call_reach, $10::float8 AS max_acc
       ), near AS (
         SELECT i.id FROM incidents i, p
          WHERE $1::boolean AND i.status = ANY($2::text[])
            AND i.lng BETWEEN p.lng - p.dlng AND p.lng + p.dlng AND i.lat BETWEEN p.lat - p.dlat AND p.lat + p.dlat
            AND i.last_call_at >= p.t_from AND i.first_call_at <= p.t_to
            AND sqrt(power((i.lng - p.lng) * 111320 * cos(radians(p.lat)), 2) + power((i.lat - p.lat) * 111320, 2))
                <= 1.01 * (p.call_reach + least(coalesce(i.location_accuracy_m, 0), p.max_acc))
       ), referenced AS (
         SELECT DISTINCT c.incident_id AS id FROM calls c
          WHERE (c.external_id = ANY($11::text[]) OR c.related_external_ids && ARRAY[$12::text]) AND c.source <> $13::text
       )
       SELECT i.id, i.status, i.lng, i.lat, i.location_accuracy_m, i.category, i.type, i.first_call_at, i.last_call_at,
              (SELECT coalesce(json_agg(json_build_object('source', c.source, 'externalId', c.external_id, 'related', c.related_external_ids)), '[]')
                 FROM calls c WHERE c.incident_id = i.id) AS refs
         FROM incidents i
        WHERE i.status = ANY($2::text[]) AND i.id IN (SELECT id FROM near UNION SELECT id FROM referenced)`,
      [
        hasLocation, [...OPEN_INCIDENT_STATUSES], call.lng ?? 0, lat, dLng, dLat,
        new Date(call.receivedAt.getTime() - windowMs), new Date(call.receivedAt.getTime() + windowMs),
        callReach, maxAccuracyM, [call.externalId, ...call.relatedExternalIds], call.externalId, call.source,
      ],
    );
    return rows.map((i) => ({
      id: i.id,
      status: i.status,
      location: i.lng === null || i.lat === null ? null : { lng: i.lng, lat: i.lat },
      locationAccuracyM: i.location_accuracy_m ?? undefined,
      category: i.category,
      type: i.type,
      firstCallAt: new Date(i.first_call_at),
      lastCallAt: new Date(i.last_call_at),
      externalRefs: i.refs.flatMap((r) => [
        { source: r.source, externalId: r.externalId },
        ...r.related.map((x) => ({ source: r.source, externalId: x })),
      ]),
    }));
  }

  private assertCoherent(dto: IntakeCallDto): void {
    const problems = intakeCallProblems(dto);
    if (problems) {
      const [field, problem] = Object.entries(problems)[0]!;
      throw DomainError.of('VALIDATION_FAILED', `invalid call: ${field} — ${problem}`, problems);
    }
  }
}

interface CandidateRow {
  id: string;
  status: IncidentStatus;
  lng: number | null;
  lat: number | null;
  location_accuracy_m: number | null;
  category: IncidentCategory | null;
  type: IncidentType | null;
  first_call_at: Date;
  last_call_at: Date;
  refs: Array<{ source: CallSource; externalId: string; related: string[] }>;
}

function responseOf(call: CallEntity): IntakeCallResponse {
  const linked = call.linkReason !== null;
  return linked ? { callId: call.id, incidentId: call.incidentId, linked, linkReason: call.linkReason! } : { callId: call.id, incidentId: call.incidentId, linked };
}
