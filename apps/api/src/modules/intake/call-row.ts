import { RowShape } from '../../database/row-shape.js';
import { CallEntity } from './call.entity.js';

/** The calls table for jsonb_to_recordset: a whole intake batch's calls in one INSERT. */
export const CALL_ROW = new RowShape(
  `id uuid, source text, external_id text, received_at timestamptz, reported_received_at timestamptz, caller jsonb, lng double precision,
  lat double precision, accuracy_m double precision, address text, category text, type text, description text, casualties jsonb,
  economic_loss_cny numeric, burned_area_ha double precision, magnitude double precision, related_external_ids text[],
  incident_id uuid, original_incident_id uuid, link_reason jsonb, intake_key_id uuid, entered_by uuid, created_at timestamptz`,
  () => new CallEntity(),
);

/** INSERT of calls from a jsonb array parameter of CALL_ROW rows. */
export function insertCallsSql(param: string): string {
  return `INSERT INTO calls (${CALL_ROW.columns.join(', ')})
    SELECT ${CALL_ROW.columns.map((c) => `v.${c}`).join(', ')} FROM jsonb_to_recordset(${param}::jsonb) AS v(${CALL_ROW.definition})
    RETURNING id`;
}
