import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  NO_GRADE_RAISE_ALERTS, applyToGradeRaises, isGradeLowering, isGradeRaise, markGradeRaiseSeen, withFetchedGradeRaises,
  type EventEnvelope, type GradeRaiseAlertDto, type GradeRaiseAlerts, type GradeRaiseSeenDto,
} from '@beacon/domain';
import { http } from '../../../lib/http';
import { actionMeta } from '../../connection/pendingActions';

/**
 * Not under the incidents' key: whatever refetches the incident views (every linked call does) must
 * not refetch these too. Events keep them current; the realtime baseline refetches them.
 */
export const gradeRaiseKeys = { outstanding: ['grade-raises'] as const };

/** The command center's outstanding grade raises, newest first: the same on every desk. */
export function useGradeRaises() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: gradeRaiseKeys.outstanding,
    queryFn: async ({ signal }) => {
      const fetched = await http.get<GradeRaiseAlertDto[]>('/api/incidents/grade-raises', signal);
      // Events applied while it was on its way may have ended some of what it lists.
      return withFetchedGradeRaises(fetched, qc.getQueryData<GradeRaiseAlerts>(gradeRaiseKeys.outstanding));
    },
    staleTime: 30_000,
    refetchInterval: 2 * 60_000,
  });
}

/**
 * Applies an event from the log to the alerts: a raise starts one; a seen, a close, a merge or a
 * lowering that undoes it ends it. A list on its way may have been read before a raise, and an undone
 * merge or a lowering can bring an earlier unseen raise back: both ask the server again.
 */
export function applyGradeRaiseEvent(qc: QueryClient, e: EventEnvelope): void {
  const before = qc.getQueryData<GradeRaiseAlerts>(gradeRaiseKeys.outstanding);
  const after = applyToGradeRaises(before ?? NO_GRADE_RAISE_ALERTS, e);
  // Before the first load, what an event ended is kept (as stale data, so the load still happens).
  if (after !== (before ?? NO_GRADE_RAISE_ALERTS)) qc.setQueryData(gradeRaiseKeys.outstanding, after, before ? undefined : { updatedAt: 0 });
  const fetching = qc.getQueryState(gradeRaiseKeys.outstanding)?.fetchStatus === 'fetching';
  // An undone merge or a lowering can bring back an earlier raise it does not undo: the server knows it.
  if (e.type === 'incident.unmerged' || isGradeLowering(e.type, e.payload) || (fetching && isGradeRaise(e.type, e.payload))) {
    void qc.invalidateQueries({ queryKey: gradeRaiseKeys.outstanding, exact: true });
  }
}

/** Marks raises seen for the whole center; each alert goes once the server has recorded it (the event ends it on the other desks). */
export function useMarkRaisesSeen() {
  const qc = useQueryClient();
  return useMutation({
    ...actionMeta('raiseSeen'),
    mutationFn: (alerts: ReadonlyArray<Pick<GradeRaiseAlertDto, 'seq' | 'incident'>>) =>
      Promise.all(alerts.map((a) => http.post<GradeRaiseSeenDto>(`/api/incidents/${encodeURIComponent(a.incident.id)}/grade-raises/seen`, { seq: a.seq }))),
    onSuccess: (answers) => {
      qc.setQueryData<GradeRaiseAlerts>(gradeRaiseKeys.outstanding, (state) =>
        state && answers.reduce((s, seen) => markGradeRaiseSeen(s, seen.incidentId, seen.raiseSeq), state),
      );
    },
    // Some may have been recorded before one failed: ask the server what still stands.
    onError: () => void qc.invalidateQueries({ queryKey: gradeRaiseKeys.outstanding, exact: true }),
  });
}
