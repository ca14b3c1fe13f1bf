import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IntakeCallRequest, IntakeCallResponse } from '@beacon/domain';
import { http } from '../../../lib/http';
import { actionMeta, retryWhenDropped } from '../../connection/pendingActions';
import { incidentKeys } from '../../incident/api/keys';

/** The manual desk's body: the server sets source 'manual'. */
export type ManualCallRequest = Omit<IntakeCallRequest, 'source'>;

export function useSubmitManualCall() {
  const qc = useQueryClient();
  return useMutation({
    ...actionMeta('manualCall'),
    ...retryWhenDropped,
    mutationFn: (body: ManualCallRequest) => http.post<IntakeCallResponse>('/api/intake/manual-calls', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: incidentKeys.all });
    },
  });
}
