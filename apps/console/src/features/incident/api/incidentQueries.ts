import { useQuery } from '@tanstack/react-query';
import { INCIDENT_SEARCH_LENGTH, type IncidentDetailDto, type IncidentDto } from '@beacon/domain';
import { http, query } from '../../../lib/http';
import { compareQueue } from '../model';
import { incidentKeys, type IncidentListFilters, type NearbyParams } from './keys';

/** Open incidents (the server's default), ordered for the queue. */
export function useIncidents(filters: IncidentListFilters = {}) {
  return useQuery({
    queryKey: incidentKeys.list(filters),
    queryFn: async ({ signal }) => {
      const list = await http.get<IncidentDto[]>(`/api/incidents${query({ ...filters })}`, signal);
      return [...list].sort(compareQueue);
    },
    staleTime: 30_000,
    refetchInterval: 2 * 60_000,
  });
}

export function useIncidentDetail(id: string | null) {
  return useQuery({
    queryKey: incidentKeys.detail(id ?? ''),
    queryFn: ({ signal }) => http.get<IncidentDetailDto>(`/api/incidents/${encodeURIComponent(id ?? '')}`, signal),
    enabled: id !== null,
    staleTime: 10_000,
  });
}

/** How many matches a search lists (newest first after the number's own): more asks for a longer term. */
export const SEARCH_PAGE = 20;

/** The search for `term` (trimmed): shared by the hook and an Enter that must not act on an older term's results. */
export function incidentSearchQuery(term: string, types: readonly string[] = []) {
  const q = term.trim();
  return {
    queryKey: incidentKeys.search(q, types),
    queryFn: ({ signal }: { signal?: AbortSignal }) => http.get<IncidentDto[]>(`/api/incidents${query({ q, types: types.join(','), limit: SEARCH_PAGE })}`, signal),
    staleTime: 5_000,
  };
}

/** Whether `term` is long enough to search for (INCIDENT_SEARCH_LENGTH). */
export function isSearchable(term: string): boolean {
  return term.trim().length >= INCIDENT_SEARCH_LENGTH.min;
}

/** Incidents in any status whose number, title or address contains `term` (newest first). */
/** `shown`: only while the results are on screen (shown again, a search older than its staleTime is asked again). */
export function useIncidentSearch(term: string, types: readonly string[] = [], shown = true) {
  return useQuery({ ...incidentSearchQuery(term, types), enabled: shown && isSearchable(term) });
}

export const DEFAULT_NEARBY_RADIUS_M = 500;

/** An open incident near a point, with its distance from it in metres (GET /api/incidents/nearby, nearest first). */
export type NearbyIncident = IncidentDto & { distanceM: number };

export function useNearbyIncidents(params: NearbyParams | null) {
  return useQuery({
    queryKey: params ? incidentKeys.nearby(params) : ['incidents', 'nearby', 'none'],
    queryFn: ({ signal }) =>
      http.get<NearbyIncident[]>(
        `/api/incidents/nearby${query({ lng: params?.lng.toFixed(6), lat: params?.lat.toFixed(6), radiusM: params?.radiusM })}`,
        signal,
      ),
    enabled: params !== null,
    staleTime: 10_000,
  });
}
