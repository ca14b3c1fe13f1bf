import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import type { EventPage } from '@beacon/domain';
import { http, query } from '../../../lib/http';
import { createRealtimeSocket } from '../../../lib/socket';
import { incidentKeys } from '../../incident/api/keys';
import { gradeRaiseKeys } from '../../intake/api/gradeRaises';
import { resourceKeys } from '../../resources/api/keys';
import { applyEvent } from '../applyEvent';
import { RealtimeSync } from '../realtimeSync';

declare global {
  interface Window {
    /** The realtime socket, for browser tests (drop and restore the link). */
    __beaconSocket?: Socket;
  }
}

/** One socket per signed-in user, feeding the query cache (a renewed token is read at the next connection). */
export function useRealtime(userId: string, token: () => string | null, onUnauthorized: (code?: string) => void): void {
  const qc = useQueryClient();
  useEffect(() => {
    const socket = createRealtimeSocket(token);
    const sync = new RealtimeSync({
      socket,
      fetchPage: (after, limit) => http.get<EventPage>(`/api/events${query({ after, limit })}`),
      apply: (e) => applyEvent(qc, e),
      onBaseline: () => {
        for (const key of [resourceKeys.teams, resourceKeys.warehouses, resourceKeys.shelters, incidentKeys.all, gradeRaiseKeys.outstanding]) {
          void qc.invalidateQueries({ queryKey: key });
        }
      },
      onUnauthorized,
    });
    window.__beaconSocket = socket;
    sync.start();
    return () => {
      if (window.__beaconSocket === socket) delete window.__beaconSocket;
      sync.stop();
    };
  }, [userId, token, qc, onUnauthorized]);
}
