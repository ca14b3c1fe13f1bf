import { OPEN_INCIDENT_STATUSES, linkableIncidentKinds, type CallSource, type IncidentExternalRef, type IntakeCallResponse, type LinkReason, type LinkingConfig } from '@beacon/domain';
import { METRES_PER_DEGREE, degreesForMetres } from '@beacon/geo';
import { pgArray, pgNumber } from '../../database/sql-literal.js';
import type { SqlPrepared } from '../events/event-log.types.js';
import { INCIDENT_ROW } from '../incidents/incident-row.js';
import type { IncidentEntity } from '../incidents/incident.entity.js';
import type { CallEntity } from './call.entity.js';

/**
 * An open incident a call of the batch might join, with those of its calls whose case ids a call of
 * the batch names or that name one of the batch's (all linking can match; its sources are on the row).
 */
export interface Candidate {
  incident: IncidentEntity;
  refs: IncidentExternalRef[];
}

export interface IntakeRead {
  /** Calls of the batch already stored (a retry, or a race lost to another instance), by keyOf(source, externalId). */
  stored: Map<string, IntakeCallResponse>;
  candidates: Candidate[];
}

export const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;

// Literal, so the planner matches the partial GiST index incidents_open_reach_idx.
const OPEN = OPEN_INCIDENT_STATUSES.map((s) => `'${s}'`).join(', ');

/** libs/domain's incidentKindKey of an incidents row, in SQL (incidents.sources is kept equal to its calls' sources). */
export const incidentKindKeySql = (alias: string) =>
  `(coalesce(${alias}.type, '/' || coalesce(${alias}.category, ''))
    || CASE WHEN cardinality(${alias}.sources) > 0 AND ${alias}.sources <@ '{120}'::text[] THEN '+120' ELSE '' END)`;

/**
 * What a batch needs to decide, in one prepared statement run after its advisory locks (so it sees
 * everything committed by whoever held them):
 * - which of its calls are already stored;
 * - every open incident any of its calls could be the same event as — near a call in space
 *   (accuracy-widened radius, 1% slack, through the GiST index) and time and of a nature it could
 *   join, or sharing a case id (each with its stored calls that share one) —
 *   locked FOR UPDATE in id order so two batches never deadlock on them. A superset: the domain's
 *   findLinkCandidate decides exactly, call by call.
 */
export const READ_SQL = `WITH p AS (
    SELECT * FROM unnest($1::float8[], $2::float8[], $3::float8[], $4::float8[], $5::timestamptz[], $6::timestamptz[], $7::float8[], $13::jsonb[])
      AS p(lng, lat, dlng, dlat, t_from, t_to, call_reach, kinds)
  ), near AS (
    -- One map search per call: the call's reach box against each open incident's (GiST index
    -- incidents_open_reach_idx), then the exact distance. OFFSET 0 keeps it a separate search, so the
    -- box is an index key: never one scan of every open incident, filtered against every call.
    SELECT n.id FROM p CROSS JOIN LATERAL (
      SELECT i.id FROM incidents i
       WHERE i.status IN (${OPEN}) AND i.lng IS NOT NULL AND i.lat IS NOT NULL
         AND incident_reach_box(i.lng, i.lat, i.location_accuracy_m) && box(point(p.lng - p.dlng, p.lat - p.dlat), point(p.lng + p.dlng, p.lat + p.dlat))
         AND i.last_call_at >= p.t_from AND i.first_call_at <= p.t_to
         AND sqrt(power((i.lng - p.lng) * ${METRES_PER_DEGREE} * cos(radians(p.lat)), 2) + power((i.lat - p.lat) * ${METRES_PER_DEGREE}, 2))
             <= 1.01 * (p.call_reach + least(coalesce(i.location_accuracy_m, 0), $8::float8))
         -- Only incidents of a nature the call could join (linkableIncidentKinds; key as incidentKindKey):
         -- in a crowded district the others would be locked, read and parsed for nothing.
         AND p.kinds ? ${incidentKindKeySql('i')}
      OFFSET 0) AS n
  ), referenced AS MATERIALIZED (
    -- Stored calls whose case id a call of the batch names, or that name one of the batch's: the only
    -- refs linking can match (the candidates' sources come with their rows). Every call of each
    -- candidate would grow with the incident, and a surge's incidents gather hundreds.
    SELECT c.incident_id AS id, c.source, c.external_id, c.related_external_ids FROM calls c
     WHERE c.external_id = ANY($9::text[]) OR c.related_external_ids && $10::text[]
  ), candidates AS MATERIALIZED (
    -- Primary-key lookups of the few ids found, locked in id order. No status condition here, so no
    -- plan can scan every open incident instead; an incident closed meanwhile is dropped below.
    SELECT i.* FROM incidents i
     WHERE i.id = ANY (ARRAY(SELECT id FROM near UNION SELECT id FROM referenced))
     ORDER BY i.id
       FOR UPDATE OF i
  ), stored AS (
    -- One unique-key lookup per call (OFFSET 0, as above).
    SELECT s.* FROM unnest($11::text[], $12::text[]) AS k(source, external_id) CROSS JOIN LATERAL (
      SELECT c.id, c.source, c.external_id, c.incident_id, c.link_reason FROM calls c
       WHERE c.source = k.source AND c.external_id = k.external_id
      OFFSET 0) AS s
  )
  SELECT 'candidate' AS kind, to_jsonb(c.*) AS row,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('source', x.source, 'externalId', x.external_id, 'related', x.related_external_ids)), '[]')
            FROM referenced x WHERE x.id = c.id) AS refs
    FROM candidates c
   WHERE c.status IN (${OPEN})
  UNION ALL
  SELECT 'stored', to_jsonb(s.*), NULL FROM stored s`;

/** A stored call as the read and STORED_CALL_SQL return it. */
interface StoredCallRow {
  id: string;
  source: string;
  external_id: string;
  incident_id: string;
  link_reason: LinkReason | null;
}

type ReadRow =
  | { kind: 'candidate'; row: Record<string, unknown>; refs: Array<{ source: CallSource; externalId: string; related: string[] }> }
  | { kind: 'stored'; row: StoredCallRow; refs: null };

/** One stored call by its (source, externalId), outside any batch: the answer to a repeat the batch never sees. */
export const STORED_CALL_SQL = `SELECT id, source, external_id, incident_id, link_reason FROM calls WHERE source = $1 AND external_id = $2`;

/** What a call is answered, new or repeated: its id, its incident, and why it linked (if it did). */
export function callAnswer(callId: string, incidentId: string, linkReason: LinkReason | null): IntakeCallResponse {
  return linkReason ? { callId, incidentId, linked: true, linkReason } : { callId, incidentId, linked: false };
}

/** What a repeat of a stored call is answered: the same call and incident, and why it linked. */
export function storedAnswer(s: StoredCallRow): IntakeCallResponse {
  return callAnswer(s.id, s.incident_id, s.link_reason);
}

/** The read as a SQL-level prepared statement: EXECUTEd inside the batch's opening message (EventLog `prepare`). */
export const READ_PREPARED: SqlPrepared = { name: 'beacon_intake_read_sql', sql: READ_SQL };

/**
 * The read for a batch's calls, as the EXECUTE its opening sends after the locks: START TRANSACTION,
 * locks and read go to Postgres in one message. Its arguments are literals (a simple-protocol message
 * has no bind parameters), each escaped and cast as READ_SQL's parameters are.
 */
export function executeReadSql(calls: CallEntity[], linking: LinkingConfig): string {
  const { baseRadiusM, maxAccuracyM, windowMinutes } = linking;
  const windowMs = windowMinutes * 60_000;
  const located = calls.filter((c) => c.lng !== null && c.lat !== null);
  const column = <T>(f: (c: CallEntity) => T): T[] => located.map(f);
  const reachOf = (c: CallEntity) => baseRadiusM + Math.min(c.accuracyM ?? 0, maxAccuracyM);
  // The call's half of the box overlap: with the incident's own accuracy as its half, the two cover
  // the exact test's 1.01 × (call reach + capped incident accuracy), plus a metre for rounding (and
  // the index's boxes, sized with 111,320 m a degree in its migration, a few metres narrower).
  const halfM = (c: CallEntity) => 1.01 * reachOf(c) + 0.01 * maxAccuracyM + 1;
  const half = column((c) => degreesForMetres(halfM(c), c.lat!));
  const args = [
    pgArray(column((c) => c.lng!)),
    pgArray(column((c) => c.lat!)),
    pgArray(half.map((h) => h.dLng)),
    pgArray(half.map((h) => h.dLat)),
    pgArray(column((c) => new Date(c.receivedAt.getTime() - windowMs).toISOString())),
    pgArray(column((c) => new Date(c.receivedAt.getTime() + windowMs).toISOString())),
    pgArray(column(reachOf)),
    pgNumber(maxAccuracyM),
    pgArray([...new Set(calls.flatMap((c) => [c.externalId, ...c.relatedExternalIds]))]),
    pgArray([...new Set(calls.map((c) => c.externalId))]),
    pgArray(calls.map((c) => c.source)),
    pgArray(calls.map((c) => c.externalId)),
    pgArray(column((c) => JSON.stringify(linkableIncidentKinds({ type: c.type, category: c.category, sources: [c.source] })))),
  ];
  return `EXECUTE ${READ_PREPARED.name}(${args.join(', ')})`;
}

/** What the read's rows say: stored calls by key, and the locked candidate incidents. */
export function parseRead(rows: unknown[]): IntakeRead {
  const stored = new Map<string, IntakeCallResponse>();
  const candidates: Candidate[] = [];
  for (const r of rows as ReadRow[]) {
    if (r.kind === 'stored') {
      stored.set(keyOf(r.row.source, r.row.external_id), storedAnswer(r.row));
    } else {
      candidates.push({
        incident: INCIDENT_ROW.fromRow(r.row),
        refs: r.refs.map((x) => ({ source: x.source, externalId: x.externalId, relatedExternalIds: x.related })),
      });
    }
  }
  return { stored, candidates };
}
