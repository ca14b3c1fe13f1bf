export interface IncidentListFilters {
  status?: string;
  category?: string;
  grade?: string;
  bbox?: string;
}

export interface NearbyParams {
  lng: number;
  lat: number;
  radiusM: number;
}

export const incidentKeys = {
  all: ['incidents'] as const,
  lists: ['incidents', 'list'] as const,
  list: (filters: IncidentListFilters = {}) => ['incidents', 'list', filters] as const,
  details: ['incidents', 'detail'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  nearbyAll: ['incidents', 'nearby'] as const,
  searchAll: ['incidents', 'search'] as const,
  /** Not a list: a search keeps its hits while it is read (each hit kept current), not refetched at each linked call. */
  search: (term: string, types: readonly string[] = []) => ['incidents', 'search', term, [...types]] as const,
  nearby: (p: NearbyParams) => ['incidents', 'nearby', { lng: +p.lng.toFixed(5), lat: +p.lat.toFixed(5), radiusM: p.radiusM }] as const,
};
