import type { IncidentStatus } from '../contracts/incidents.js';

/** Statuses in which an incident still takes calls, can be merged and must be worked. */
export const OPEN_INCIDENT_STATUSES = ['reported', 'acknowledged', 'responding', 'controlled'] as const satisfies readonly IncidentStatus[];
export type OpenIncidentStatus = (typeof OPEN_INCIDENT_STATUSES)[number];

export function isOpen(status: IncidentStatus): status is OpenIncidentStatus {
  return (OPEN_INCIDENT_STATUSES as readonly IncidentStatus[]).includes(status);
}
