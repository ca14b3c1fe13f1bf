import { RowShape } from '../../database/row-shape.js';
import { IncidentEntity } from './incident.entity.js';

/**
 * The incidents table for the set-based statements of a group-committed intake batch (TypeORM
 * would spend a statement per row).
 */
export const INCIDENT_ROW = new RowShape(
  `id uuid, code text, title text, status text, category text, type text, grade text, grade_basis jsonb,
  lng double precision, lat double precision, location_accuracy_m double precision, address text, jurisdiction_id uuid,
  figures jsonb, sources text[], call_count int, created_at timestamptz, first_call_at timestamptz, last_call_at timestamptz,
  acknowledged_at timestamptz, acknowledged_by uuid, ack_deadline_at timestamptz, ack_overdue_level int, merged_into uuid,
  status_before_merge text, version int, updated_at timestamptz`,
  () => new IncidentEntity(),
);

/**
 * Incident number: at least four digits, never cut (`lpad` would truncate 10000 to '1000' and the
 * 10,000th incident would collide with the 1,000th); nineteen digits hold any bigint.
 */
export const INCIDENT_NUMBER_SQL = `to_char(nextval('incident_code_seq'), 'FM999999999999999990000')`;

/** INSERT of new incidents from a jsonb array parameter, each numbered from the sequence; RETURNING id, code. */
export function insertIncidentsSql(param: string): string {
  const columns = INCIDENT_ROW.columns.filter((c) => c !== 'code');
  return `INSERT INTO incidents (code, ${columns.join(', ')})
    SELECT 'INC-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || ${INCIDENT_NUMBER_SQL},
           ${columns.map((c) => `v.${c}`).join(', ')}
      FROM jsonb_to_recordset(${param}::jsonb) AS v(${INCIDENT_ROW.definition})
    RETURNING id, code`;
}

/**
 * UPDATE of whole incident rows from a jsonb array parameter (rows locked by the caller). The ids
 * are also a key condition of their own, so the rows are found by primary key whatever the planner
 * estimates (a cached plan made on a near-empty table would otherwise read the whole index).
 */
export function updateIncidentsSql(param: string): string {
  const columns = INCIDENT_ROW.columns.filter((c) => c !== 'id');
  return `UPDATE incidents AS i SET ${columns.map((c) => `${c} = v.${c}`).join(', ')}
      FROM jsonb_to_recordset(${param}::jsonb) AS v(${INCIDENT_ROW.definition})
     WHERE i.id = v.id
       AND i.id = ANY (ARRAY(SELECT (e ->> 'id')::uuid FROM jsonb_array_elements(${param}::jsonb) AS e))
    RETURNING i.id`;
}
