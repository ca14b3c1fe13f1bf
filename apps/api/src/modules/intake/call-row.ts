import type { CallEntity } from './call.entity.js';

/** The calls table for jsonb_to_recordset: a whole intake batch's calls in one INSERT. */
export const CALL_ROW_TYPES = `id uuid, source text, external_id text, received_at timestamptz, caller jsonb, lng double precision,
  lat double precision, accuracy_m double precision, address text, category text, type text, description text, casualties jsonb,
  economic_loss_cny numeric, burned_area_ha double precision, magnitude double precision, related_external_ids text[],
  incident_id uuid, original_incident_id uuid, link_reason jsonb, intake_key_id uuid, entered_by uuid, created_at timestamptz`;

export const CALL_COLUMN_NAMES = CALL_ROW_TYPES.split(',').map((c) => c.trim().split(/\s+/)[0]!);

/** INSERT of calls from a jsonb array parameter of callToRow rows. */
export function insertCallsSql(param: string): string {
  return `INSERT INTO calls (${CALL_COLUMN_NAMES.join(', ')})
    SELECT ${CALL_COLUMN_NAMES.map((c) => `v.${c}`).join(', ')} FROM jsonb_to_recordset(${param}::jsonb) AS v(${CALL_ROW_TYPES})
    RETURNING id`;
}

export function callToRow(c: CallEntity): Record<string, unknown> {
  return {
    id: c.id,
    source: c.source,
    external_id: c.externalId,
    received_at: c.receivedAt.toISOString(),
    caller: c.caller,
    lng: c.lng,
    lat: c.lat,
    accuracy_m: c.accuracyM,
    address: c.address,
    category: c.category,
    type: c.type,
    description: c.description,
    casualties: c.casualties,
    economic_loss_cny: c.economicLossCny,
    burned_area_ha: c.burnedAreaHa,
    magnitude: c.magnitude,
    related_external_ids: c.relatedExternalIds,
    incident_id: c.incidentId,
    original_incident_id: c.originalIncidentId,
    link_reason: c.linkReason,
    intake_key_id: c.intakeKeyId,
    entered_by: c.enteredBy,
    created_at: c.createdAt.toISOString(),
  };
}
