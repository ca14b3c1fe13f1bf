import type { QueryClient } from '@tanstack/react-query';
import type { AnyEventEnvelope, EventEnvelope } from '@beacon/domain';
import { invalidateIncidents, upsertIncident } from '../incident/api/incidentCache';
import { looksLikeIncident } from '../incident/model';
import { applyGradeRaiseEvent } from '../intake/api/gradeRaises';
import { upsertShelter, upsertTeam, upsertWarehouse } from '../resources/api/resourceCache';
import { resourceKeys } from '../resources/api/keys';

/** Events that change more than the incident they carry. */
const TOUCHES_TWO = new Set<string>(['call.split', 'call.linked', 'incident.merged', 'incident.unmerged']);

/**
 * Applies one event from the log to the query cache (the grade-raise alerts among it).
 * 'incident.ack_overdue' needs nothing extra: the incident it carries has ackOverdueLevel set,
 * and the alarm is derived from that.
 */
export function applyEvent(qc: QueryClient, envelope: EventEnvelope): void {
  // The sync layer only passes known event types; the payload map types each one.
  const e = envelope as AnyEventEnvelope;
  switch (e.type) {
    case 'team.updated':
      if (e.payload?.team) upsertTeam(qc, e.payload.team);
      else void qc.invalidateQueries({ queryKey: resourceKeys.teams });
      return;
    case 'shelter.updated':
      if (e.payload?.shelter) upsertShelter(qc, e.payload.shelter);
      else void qc.invalidateQueries({ queryKey: resourceKeys.shelters });
      return;
    case 'warehouse.updated':
      if (e.payload?.warehouse) upsertWarehouse(qc, e.payload.warehouse);
      else void qc.invalidateQueries({ queryKey: resourceKeys.warehouses });
      return;
    case 'intake_key.created':
    case 'intake_key.revoked':
    case 'system.timer_fired':
      return;
    default:
  }

  // Every incident.* / call.* payload carries the incident after the change; checked at runtime
  // all the same, since it comes off the wire.
  const candidate: unknown = e.payload?.incident;
  const incident = looksLikeIncident(candidate) ? candidate : null;
  if (incident) upsertIncident(qc, incident);
  if (!incident || TOUCHES_TWO.has(e.type)) invalidateIncidents(qc);
  if (incident) applyGradeRaiseEvent(qc, e);
}
