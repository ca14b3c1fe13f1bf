import { OPEN_INCIDENT_STATUSES, type CallSource, type IncidentExternalRef, type LinkingConfig } from '@beacon/domain';
import type { WriteContext } from '../events/event-log.types.js';
import { incidentFromRow, type IncidentRow } from '../incidents/incident-row.js';
import type { IncidentEntity } from '../incidents/incident.entity.js';
import type { CallEntity } from './call.entity.js';

/** An open incident a call of the batch might join, with the case ids of the calls it holds. */
export interface Candidate {
  incident: IncidentEntity;
  refs: IncidentExternalRef[];
}

// Literal, so the planner matches the partial GiST index incidents_open_point_idx.
const OPEN = OPEN_INCIDENT_STATUSES.map((s) => `'${s}'`).join(', ');
const M_PER_DEG = 111_320;

/**
 * Every open incident any of `calls` could be the same event as, in one query, locked FOR UPDATE in
 * id order (so two batches never deadlock on them): near a call in space (accuracy-widened radius,
 * 1% slack, through the GiST index) and time, or sharing a case id with one. A superset: the domain's
 * findLinkCandidate decides exactly, call by call.
 */
export async function findCandidates(ctx: WriteContext, calls: CallEntity[], linking: LinkingConfig): Promise<Candidate[]> {
  if (calls.length === 0) return [];
  const { baseRadiusM, maxAccuracyM, windowMinutes } = linking;
  const windowMs = windowMinutes * 60_000;
  const located = calls.filter((c) => c.lng !== null && c.lat !== null);
  const column = <T>(f: (c: CallEntity) => T): T[] => located.map(f);
  const reachOf = (c: CallEntity) => baseRadiusM + Math.min(c.accuracyM ?? 0, maxAccuracyM);
  const rows: Array<IncidentRow & { refs: Array<{ source: CallSource; externalId: string; related: string[] }> }> = await ctx.manager.query(
    `WITH p AS (
       SELECT * FROM unnest($1::float8[], $2::float8[], $3::float8[], $4::float8[], $5::timestamptz[], $6::timestamptz[], $7::float8[])
         AS p(lng, lat, dlng, dlat, t_from, t_to, call_reach)
     ), near AS (
       SELECT i.id FROM p JOIN incidents i
           ON i.status IN (${OPEN}) AND i.lng IS NOT NULL AND i.lat IS NOT NULL
          AND point(i.lng, i.lat) <@ box(point(p.lng - p.dlng, p.lat - p.dlat), point(p.lng + p.dlng, p.lat + p.dlat))
          AND i.last_call_at >= p.t_from AND i.first_call_at <= p.t_to
          AND sqrt(power((i.lng - p.lng) * ${M_PER_DEG} * cos(radians(p.lat)), 2) + power((i.lat - p.lat) * ${M_PER_DEG}, 2))
              <= 1.01 * (p.call_reach + least(coalesce(i.location_accuracy_m, 0), $8::float8))
     ), referenced AS (
       SELECT c.incident_id AS id FROM calls c WHERE c.external_id = ANY($9::text[]) OR c.related_external_ids && $10::text[]
     )
     SELECT i.*,
            (SELECT coalesce(json_agg(json_build_object('source', c.source, 'externalId', c.external_id, 'related', c.related_external_ids)), '[]')
               FROM calls c WHERE c.incident_id = i.id) AS refs
       FROM incidents i
      WHERE i.status IN (${OPEN}) AND i.id IN (SELECT id FROM near UNION SELECT id FROM referenced)
      ORDER BY i.id
        FOR UPDATE OF i`,
    [
      column((c) => c.lng),
      column((c) => c.lat),
      column((c) => (reachOf(c) + maxAccuracyM) / (M_PER_DEG * Math.cos((c.lat! * Math.PI) / 180))),
      column((c) => (reachOf(c) + maxAccuracyM) / M_PER_DEG),
      column((c) => new Date(c.receivedAt.getTime() - windowMs).toISOString()),
      column((c) => new Date(c.receivedAt.getTime() + windowMs).toISOString()),
      column(reachOf),
      maxAccuracyM,
      [...new Set(calls.flatMap((c) => [c.externalId, ...c.relatedExternalIds]))],
      [...new Set(calls.map((c) => c.externalId))],
    ],
  );
  return rows.map(({ refs, ...row }) => ({
    incident: incidentFromRow(row),
    refs: refs.map((r) => ({ source: r.source, externalId: r.externalId, relatedExternalIds: r.related })),
  }));
}
