import { useQuery } from '@tanstack/react-query';
import type { JurisdictionDto, RoadNetworkDto } from '@beacon/domain';
import { http } from '../../../lib/http';

export const basemapKeys = {
  jurisdictions: ['jurisdictions'] as const,
  roads: ['map', 'roads'] as const,
};

/** Boundaries change rarely: fetched once per session. */
export function useJurisdictions() {
  return useQuery({
    queryKey: basemapKeys.jurisdictions,
    queryFn: ({ signal }) => http.get<JurisdictionDto[]>('/api/jurisdictions', signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useRoads() {
  return useQuery({
    queryKey: basemapKeys.roads,
    queryFn: ({ signal }) => http.get<RoadNetworkDto>('/api/map/roads', signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
