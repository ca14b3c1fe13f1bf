import type { CallSource, Grade, GradeBasis, IncidentCategory, IncidentFigures, IncidentStatus, IncidentType } from '@beacon/domain';
import { IncidentEntity } from './incident.entity.js';

/**
 * The incidents table as raw SQL sees it, for the set-based statements of a group-committed intake
 * batch (TypeORM would spend a statement per row). Column names and types in one place.
 */
export const INCIDENT_ROW_TYPES = `id uuid, code text, title text, status text, category text, type text, grade text, grade_basis jsonb,
  lng double precision, lat double precision, location_accuracy_m double precision, address text, jurisdiction_id uuid,
  figures jsonb, sources text[], call_count int, created_at timestamptz, first_call_at timestamptz, last_call_at timestamptz,
  acknowledged_at timestamptz, acknowledged_by uuid, ack_deadline_at timestamptz, ack_overdue_level int, merged_into uuid,
  status_before_merge text, version int, updated_at timestamptz`;

export const INCIDENT_COLUMN_NAMES = INCIDENT_ROW_TYPES.split(',').map((c) => c.trim().split(/\s+/)[0]!);

/** INSERT of new incidents from a jsonb array parameter, each numbered from the sequence; RETURNING id, code. */
export function insertIncidentsSql(param: string): string {
  const columns = INCIDENT_COLUMN_NAMES.filter((c) => c !== 'code');
  return `INSERT INTO incidents (code, ${columns.join(', ')})
    SELECT 'INC-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('incident_code_seq')::text, 4, '0'),
           ${columns.map((c) => `v.${c}`).join(', ')}
      FROM jsonb_to_recordset(${param}::jsonb) AS v(${INCIDENT_ROW_TYPES})
    RETURNING id, code`;
}

/** UPDATE of whole incident rows from a jsonb array parameter (rows locked by the caller). */
export function updateIncidentsSql(param: string): string {
  const columns = INCIDENT_COLUMN_NAMES.filter((c) => c !== 'id');
  return `UPDATE incidents AS i SET ${columns.map((c) => `${c} = v.${c}`).join(', ')}
      FROM jsonb_to_recordset(${param}::jsonb) AS v(${INCIDENT_ROW_TYPES})
     WHERE i.id = v.id
    RETURNING i.id`;
}

export interface IncidentRow {
  id: string;
  code: string;
  title: string;
  status: IncidentStatus;
  category: IncidentCategory | null;
  type: IncidentType | null;
  grade: Grade | null;
  grade_basis: GradeBasis | null;
  lng: number | null;
  lat: number | null;
  location_accuracy_m: number | null;
  address: string | null;
  jurisdiction_id: string;
  figures: IncidentFigures;
  sources: CallSource[];
  call_count: number;
  created_at: Date | string;
  first_call_at: Date | string;
  last_call_at: Date | string;
  acknowledged_at: Date | string | null;
  acknowledged_by: string | null;
  ack_deadline_at: Date | string | null;
  ack_overdue_level: number;
  merged_into: string | null;
  status_before_merge: IncidentStatus | null;
  version: number;
  updated_at: Date | string;
}

const dateOf = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : dateOf(v));

export function incidentFromRow(r: IncidentRow): IncidentEntity {
  return Object.assign(new IncidentEntity(), {
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status,
    category: r.category,
    type: r.type,
    grade: r.grade,
    gradeBasis: r.grade_basis,
    lng: r.lng,
    lat: r.lat,
    locationAccuracyM: r.location_accuracy_m,
    address: r.address,
    jurisdictionId: r.jurisdiction_id,
    figures: r.figures,
    sources: r.sources,
    callCount: r.call_count,
    createdAt: dateOf(r.created_at),
    firstCallAt: dateOf(r.first_call_at),
    lastCallAt: dateOf(r.last_call_at),
    acknowledgedAt: dateOrNull(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    ackDeadlineAt: dateOrNull(r.ack_deadline_at),
    ackOverdueLevel: r.ack_overdue_level,
    mergedInto: r.merged_into,
    statusBeforeMerge: r.status_before_merge,
    version: r.version,
    updatedAt: dateOf(r.updated_at),
  });
}

/** The row jsonb_to_recordset reads back (dates as ISO strings). */
export function incidentToRow(i: IncidentEntity): Record<string, unknown> {
  return {
    id: i.id,
    code: i.code,
    title: i.title,
    status: i.status,
    category: i.category,
    type: i.type,
    grade: i.grade,
    grade_basis: i.gradeBasis,
    lng: i.lng,
    lat: i.lat,
    location_accuracy_m: i.locationAccuracyM,
    address: i.address,
    jurisdiction_id: i.jurisdictionId,
    figures: i.figures,
    sources: i.sources,
    call_count: i.callCount,
    created_at: i.createdAt.toISOString(),
    first_call_at: i.firstCallAt.toISOString(),
    last_call_at: i.lastCallAt.toISOString(),
    acknowledged_at: i.acknowledgedAt?.toISOString() ?? null,
    acknowledged_by: i.acknowledgedBy,
    ack_deadline_at: i.ackDeadlineAt?.toISOString() ?? null,
    ack_overdue_level: i.ackOverdueLevel,
    merged_into: i.mergedInto,
    status_before_merge: i.statusBeforeMerge,
    version: i.version,
    updated_at: i.updatedAt.toISOString(),
  };
}
