import { EVENT_TYPES, type EventType } from '../contracts/events.js';
import type { IncidentDto } from '../contracts/incidents.js';
import { emptyFigures } from '../grading/figures.js';
import { isEventType, type AnyEventEnvelope, type EventPayloadMap, type TypedEventEnvelope } from './event-payload-map.js';

// Compile-time: the payload map has exactly the event types, no more, no fewer.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mapMatchesEventTypes: Exact<keyof EventPayloadMap, EventType> = true;

const envelope = <T extends EventType>(type: T, payload: EventPayloadMap[T]): TypedEventEnvelope<T> => ({
  seq: 1,
  type,
  at: '2026-11-23T08:00:00+08:00',
  aggregate: { type: 'incident', id: 'inc-1' },
  jurisdictionId: 'jiangan',
  actor: { type: 'system', id: null, name: null },
  payload,
});

// Narrowing on `type` reaches the right payload fields; this only compiles if the union is sound.
function summary(event: AnyEventEnvelope): string {
  switch (event.type) {
    case 'incident.grade_raised':
      return `${event.payload.from ?? '-'}→${event.payload.to}`;
    case 'incident.ack_overdue':
      return `${event.payload.target}@${event.payload.level}`;
    case 'incident.merged':
      return event.payload.into !== undefined ? `into ${event.payload.intoCode}` : `from ${event.payload.fromCode}`;
    default:
      return event.type;
  }
}

describe('event payload map', () => {
  it('covers every event type', () => {
    expect(mapMatchesEventTypes).toBe(true);
  });

  it('narrows payloads by type', () => {
    const incident: IncidentDto = {
      id: 'inc-1', code: 'INC-20261123-0007', title: '江岸区 火灾', status: 'reported', category: 'ACCIDENT', type: 'fire',
      grade: 'III', gradeBasis: null, location: null, address: null, jurisdictionId: 'jiangan', figures: emptyFigures(),
      sources: ['119'], callCount: 1, createdAt: 'x', lastCallAt: 'x', acknowledgedAt: null, acknowledgedBy: null,
      ackDeadlineAt: null, ackOverdueLevel: 2, mergedInto: null, version: 1,
    };
    const raised = envelope('incident.grade_raised', {
      incident,
      from: 'IV',
      to: 'III',
      basis: { table: 'decree_493', criterion: 'deaths', value: 3, reason: '死亡3人，达到较大事故标准（3–9人）' },
    });
    const overdue = envelope('incident.ack_overdue', { incident, level: 2, target: 'leader' });
    const mergedAway = envelope('incident.merged', { incident, mergeId: 'm1', into: 'inc-2', intoCode: 'INC-2', movedCallIds: ['c1'], reason: '同一起火灾' });
    const absorbed = envelope('incident.merged', { incident, mergeId: 'm1', from: 'inc-3', fromCode: 'INC-3', movedCallIds: ['c1'], reason: '同一起火灾' });
    expect([raised, overdue, mergedAway, absorbed].map(summary)).toEqual(['IV→III', 'leader@2', 'into INC-2', 'from INC-3']);
  });
});

describe('isEventType', () => {
  it.each(EVENT_TYPES)('accepts %s', (type) => {
    expect(isEventType(type)).toBe(true);
  });

  it.each(['incident.deleted', 'Incident.created', '', 'incident'])('rejects %p', (value) => {
    expect(isEventType(value)).toBe(false);
  });
});
