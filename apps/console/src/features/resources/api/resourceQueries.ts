import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShelterDto, TeamDto, UpdateTeamRequest, WarehouseDto } from '@beacon/domain';
import { http } from '../../../lib/http';
import { actionMeta } from '../../connection/pendingActions';
import { upsertTeam } from './resourceCache';
import { resourceKeys } from './keys';

export { resourceKeys };

// Live updates arrive over the socket; the refetch interval is only a safety net.
const LIVE = { staleTime: 60_000, refetchInterval: 5 * 60_000 } as const;

export function useTeams() {
  return useQuery({ queryKey: resourceKeys.teams, queryFn: ({ signal }) => http.get<TeamDto[]>('/api/teams', signal), ...LIVE });
}

export function useWarehouses() {
  return useQuery({ queryKey: resourceKeys.warehouses, queryFn: ({ signal }) => http.get<WarehouseDto[]>('/api/warehouses', signal), ...LIVE });
}

export function useShelters() {
  return useQuery({ queryKey: resourceKeys.shelters, queryFn: ({ signal }) => http.get<ShelterDto[]>('/api/shelters', signal), ...LIVE });
}

export function useUpdateTeam() {
  const qc = useQueryClient();
  return useMutation({
    ...actionMeta('team'),
    mutationFn: ({ id, body }: { id: string; body: UpdateTeamRequest }) => http.patch<TeamDto>(`/api/teams/${encodeURIComponent(id)}`, body),
    onSuccess: (team) => {
      if (team && typeof team === 'object' && 'id' in team) upsertTeam(qc, team);
    },
  });
}
