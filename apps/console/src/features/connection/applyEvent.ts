import type { QueryClient } from '@tanstack/react-query';
import type { EventEnvelope, ShelterDto, TeamDto, WarehouseDto } from '@beacon/domain';
import { invalidateIncidents, upsertIncident } from '../incident/api/incidentCache';
import { looksLikeIncident } from '../incident/model';
import { alertFromEvent, clearAckAlerts, pushAlert } from '../intake/alarm/alertsStore';
import { upsertShelter, upsertTeam, upsertWarehouse } from '../resources/api/resourceCache';
import { resourceKeys } from '../resources/api/keys';
import { has } from './eventPayloads';

/** Events that change more than the incident they carry. */
const TOUCHES_TWO = new Set(['call.split', 'incident.merged', 'incident.unmerged']);

/** Applies one event from the log to the query cache (and the alert list). */
export function applyEvent(qc: QueryClient, e: EventEnvelope): void {
  const p = e.payload;
  switch (e.type) {
    case 'team.updated':
      if (has(p, 'team')) upsertTeam(qc, p.team as TeamDto);
      else void qc.invalidateQueries({ queryKey: resourceKeys.teams });
      return;
    case 'shelter.updated':
      if (has(p, 'shelter')) upsertShelter(qc, p.shelter as ShelterDto);
      else void qc.invalidateQueries({ queryKey: resourceKeys.shelters });
      return;
    case 'warehouse.updated':
      if (has(p, 'warehouse')) upsertWarehouse(qc, p.warehouse as WarehouseDto);
      else void qc.invalidateQueries({ queryKey: resourceKeys.warehouses });
      return;
    default:
  }

  if (!e.type.startsWith('incident.') && !e.type.startsWith('call.')) return;
  const incident = has(p, 'incident') && looksLikeIncident(p.incident) ? p.incident : null;
  if (incident) upsertIncident(qc, incident);
  if (!incident || TOUCHES_TWO.has(e.type)) invalidateIncidents(qc);
  if (!incident) return;

  const alert = alertFromEvent(e, incident);
  if (alert) pushAlert(alert);
  if (e.type === 'incident.acknowledged') clearAckAlerts(incident.id);
}
