import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { applyToGradeRaises, type EventEnvelope, type GradeRaiseAlertDto, type GradeRaiseSeenDto } from '@beacon/domain';
import { http } from '../../../lib/http';

/** Under the incidents' key, so whatever refetches every incident view refetches these too. */
export const gradeRaiseKeys = { outstanding: ['incidents', 'grade-raises'] as const };

/** The command center's outstanding grade raises, newest first: the same on every desk. */
export function useGradeRaises() {
  return useQuery({
    queryKey: gradeRaiseKeys.outstanding,
    queryFn: ({ signal }) => http.get<GradeRaiseAlertDto[]>('/api/incidents/grade-raises', signal),
    staleTime: 30_000,
    refetchInterval: 2 * 60_000,
  });
}

/** Applies an event from the log to the cached alerts (a raise starts one; a seen, a close or a merge ends it). */
export function applyGradeRaiseEvent(qc: QueryClient, e: EventEnvelope): void {
  // Not loaded yet: its first fetch will hold this event already.
  qc.setQueryData<GradeRaiseAlertDto[]>(gradeRaiseKeys.outstanding, (list) => (list === undefined ? list : (applyToGradeRaises(list, e) as GradeRaiseAlertDto[])));
}

/** Marks raises seen for the whole center; each alert goes once the server has recorded it (the event ends it on the other desks). */
export function useMarkRaisesSeen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (alerts: ReadonlyArray<Pick<GradeRaiseAlertDto, 'seq' | 'incident'>>) =>
      Promise.all(alerts.map((a) => http.post<GradeRaiseSeenDto>(`/api/incidents/${encodeURIComponent(a.incident.id)}/grade-raises/seen`, { seq: a.seq }))),
    onSettled: (answers) => {
      const seen = new Map((answers ?? []).map((s) => [s.incidentId, s.raiseSeq]));
      qc.setQueryData<GradeRaiseAlertDto[]>(gradeRaiseKeys.outstanding, (list) => list?.filter((a) => !(a.seq <= (seen.get(a.incident.id) ?? 0))));
      // Some may have failed (Promise.all gives no answers then): ask the server what still stands.
      if (!answers) void qc.invalidateQueries({ queryKey: gradeRaiseKeys.outstanding });
    },
  });
}
