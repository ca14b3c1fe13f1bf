import type { EventEnvelope, EventType } from '../contracts/events.js';
import { EVENT_TYPES } from '../contracts/events.js';
import type {
  CallLinkedPayload,
  CallReceivedPayload,
  CallSplitPayload,
  IncidentAckOverduePayload,
  IncidentAcknowledgedPayload,
  IncidentCreatedPayload,
  IncidentGradeChangedPayload,
  IncidentGradeRaisedPayload,
  IncidentGradeRaiseSeenPayload,
  IncidentMergedPayload,
  IncidentStatusChangedPayload,
  IncidentUnmergedPayload,
  IncidentUpdatedPayload,
  IntakeKeyCreatedPayload,
  IntakeKeyRevokedPayload,
  ShelterUpdatedPayload,
  SystemTimerFiredPayload,
  TeamUpdatedPayload,
  WarehouseUpdatedPayload,
} from './event-payloads.js';

/** Event type → payload. Keys are exactly EVENT_TYPES (checked in the spec). */
export interface EventPayloadMap {
  'team.updated': TeamUpdatedPayload;
  'shelter.updated': ShelterUpdatedPayload;
  'warehouse.updated': WarehouseUpdatedPayload;
  'call.received': CallReceivedPayload;
  'call.linked': CallLinkedPayload;
  'call.split': CallSplitPayload;
  'incident.created': IncidentCreatedPayload;
  'incident.updated': IncidentUpdatedPayload;
  'incident.acknowledged': IncidentAcknowledgedPayload;
  'incident.ack_overdue': IncidentAckOverduePayload;
  'incident.status_changed': IncidentStatusChangedPayload;
  'incident.grade_raised': IncidentGradeRaisedPayload;
  'incident.grade_changed': IncidentGradeChangedPayload;
  'incident.grade_raise_seen': IncidentGradeRaiseSeenPayload;
  'incident.merged': IncidentMergedPayload;
  'incident.unmerged': IncidentUnmergedPayload;
  'intake_key.created': IntakeKeyCreatedPayload;
  'intake_key.revoked': IntakeKeyRevokedPayload;
  'system.timer_fired': SystemTimerFiredPayload;
}

/** An envelope whose payload type follows from its event type. */
export type TypedEventEnvelope<T extends EventType> = EventEnvelope<T, EventPayloadMap[T]>;

/** Any event, discriminated on `type`: `switch (e.type)` narrows `e.payload`. */
export type AnyEventEnvelope = { [K in EventType]: TypedEventEnvelope<K> }[EventType];

/** socket.io server → client map: each event type is emitted with its envelope. */
export type RealtimeServerEvents = { [K in EventType]: (envelope: TypedEventEnvelope<K>) => void };

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
