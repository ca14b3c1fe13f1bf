import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { IncidentDetailDto, IncidentDto } from '@beacon/domain';
import { compareQueue, isOpen } from '../model';
import { incidentKeys, type IncidentListFilters } from './keys';

function isDefaultList(key: QueryKey): boolean {
  const filters = key[2] as IncidentListFilters | undefined;
  return !filters || Object.values(filters).every((v) => v === undefined || v === '');
}

/**
 * Puts the current state of one incident into every cached view of it: the open queue
 * (added, replaced or dropped when closed/merged), its detail, and marks the rest stale.
 * Never replaces a newer version with an older one.
 */
export function upsertIncident(qc: QueryClient, incident: IncidentDto): void {
  for (const [key, list] of qc.getQueriesData<IncidentDto[]>({ queryKey: incidentKeys.lists })) {
    if (!list) continue;
    if (!isDefaultList(key)) {
      void qc.invalidateQueries({ queryKey: key, exact: true });
      continue;
    }
    const current = list.find((x) => x.id === incident.id);
    if (current && current.version > incident.version) continue;
    const rest = list.filter((x) => x.id !== incident.id);
    const next = isOpen(incident) ? [...rest, incident].sort(compareQueue) : rest;
    qc.setQueryData<IncidentDto[]>(key, next);
  }

  // A search's hits stay the ones found, each kept current (its status, grade, title).
  for (const [key, hits] of qc.getQueriesData<IncidentDto[]>({ queryKey: incidentKeys.searchAll })) {
    const current = hits?.find((x) => x.id === incident.id);
    if (!hits || !current || current.version > incident.version) continue;
    qc.setQueryData<IncidentDto[]>(key, hits.map((x) => (x.id === incident.id ? incident : x)));
  }

  qc.setQueryData<IncidentDetailDto>(incidentKeys.detail(incident.id), (old) => {
    if (!old || old.version > incident.version) return old;
    return { ...old, ...incident };
  });
  // Calls and history are only in the detail: refetch it (only if someone is looking at it).
  void qc.invalidateQueries({ queryKey: incidentKeys.detail(incident.id), refetchType: 'active' });
  void qc.invalidateQueries({ queryKey: incidentKeys.nearbyAll, refetchType: 'active' });
}

/** When an event's shape is not understood: refetch everything incident-related. */
export function invalidateIncidents(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: incidentKeys.all });
}
