import type { EventEnvelope } from '@beacon/domain';

export interface EventRow {
  seq: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  jurisdiction_id: string | null;
  actor_type: 'user' | 'integration' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  at: Date;
  payload: unknown;
}

export const EVENT_COLUMNS =
  'seq, type, aggregate_type, aggregate_id, jurisdiction_id, actor_type, actor_id, actor_name, at, payload';

export function envelopeOf(row: EventRow): EventEnvelope {
  return {
    seq: Number(row.seq),
    type: row.type,
    at: new Date(row.at).toISOString(),
    aggregate: { type: row.aggregate_type, id: row.aggregate_id },
    jurisdictionId: row.jurisdiction_id,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    payload: row.payload,
  };
}
