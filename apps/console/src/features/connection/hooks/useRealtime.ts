import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EventPage } from '@beacon/domain';
import { http, query } from '../../../lib/http';
import { createRealtimeSocket } from '../../../lib/socket';
import { incidentKeys } from '../../incident/api/keys';
import { resourceKeys } from '../../resources/api/keys';
import { applyEvent } from '../applyEvent';
import { RealtimeSync } from '../realtimeSync';

/** One socket per signed-in session, feeding the query cache. */
export function useRealtime(token: string, selfId: string | null, onUnauthorized: () => void): void {
  const qc = useQueryClient();
  useEffect(() => {
    const socket = createRealtimeSocket(token);
    const sync = new RealtimeSync({
      socket,
      fetchPage: (after, limit) => http.get<EventPage>(`/api/events${query({ after, limit })}`),
      apply: (e) => applyEvent(qc, e, selfId),
      onBaseline: () => {
        for (const key of [resourceKeys.teams, resourceKeys.warehouses, resourceKeys.shelters, incidentKeys.all]) {
          void qc.invalidateQueries({ queryKey: key });
        }
      },
      onUnauthorized,
    });
    sync.start();
    return () => sync.stop();
  }, [token, selfId, qc, onUnauthorized]);
}
