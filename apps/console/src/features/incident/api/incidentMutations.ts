import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Grade,
  IncidentDto,
  IncidentStatus,
  MergeIncidentRequest,
  SetGradeRequest,
  TransitionIncidentRequest,
  UpdateIncidentRequest,
} from '@beacon/domain';
import { http } from '../../../lib/http';
import { actionMeta, retryWhenDropped, type QueuedAction } from '../../connection/pendingActions';
import { looksLikeIncident } from '../model';
import { invalidateIncidents, upsertIncident } from './incidentCache';
import { incidentKeys } from './keys';

const path = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

/** Every incident action: on success put the returned incident in the cache, refresh the rest. */
function useIncidentAction<V>(action: QueuedAction, fn: (vars: V) => Promise<unknown>, touchesOthers = false) {
  const qc = useQueryClient();
  return useMutation({
    ...actionMeta(action),
    ...(action === 'acknowledge' ? retryWhenDropped : {}),
    mutationFn: fn,
    onSuccess: (result) => {
      if (looksLikeIncident(result)) upsertIncident(qc, result);
      // Merge/unmerge/split change two incidents: refetch them all.
      if (touchesOthers || !looksLikeIncident(result)) invalidateIncidents(qc);
      else void qc.invalidateQueries({ queryKey: incidentKeys.details });
    },
  });
}

export function useAcknowledge() {
  return useIncidentAction('acknowledge', (id: string) => http.post<IncidentDto>(`${path(id)}/acknowledge`));
}

export function useTransition() {
  return useIncidentAction('transition', ({ id, to, reason }: { id: string; to: IncidentStatus; reason: string }) =>
    http.post<IncidentDto>(`${path(id)}/transition`, { to, reason } satisfies TransitionIncidentRequest),
  );
}

export function useSetGrade() {
  return useIncidentAction('grade', ({ id, grade, reason }: { id: string; grade: Grade | null; reason: string }) =>
    http.post<IncidentDto>(`${path(id)}/grade`, { grade, reason } satisfies SetGradeRequest),
  );
}

export function useUpdateIncident() {
  return useIncidentAction('edit', ({ id, body }: { id: string; body: UpdateIncidentRequest }) => http.patch<IncidentDto>(path(id), body));
}

export function useMerge() {
  return useIncidentAction('merge', ({ id, targetIncidentId, reason }: { id: string; targetIncidentId: string; reason: string }) =>
    http.post<IncidentDto>(`${path(id)}/merge`, { targetIncidentId, reason } satisfies MergeIncidentRequest),
    true,
  );
}

export function useUnmerge() {
  return useIncidentAction('unmerge', ({ id, reason }: { id: string; reason: string }) => http.post<IncidentDto>(`${path(id)}/unmerge`, { reason }), true);
}

export function useSplitCall() {
  return useIncidentAction('split', ({ callId, reason }: { callId: string; reason: string }) =>
    http.post<unknown>(`/api/calls/${encodeURIComponent(callId)}/split`, { reason }),
    true,
  );
}
