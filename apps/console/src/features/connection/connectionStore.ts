import { createStore } from '../../lib/store';

export type ConnectionState = 'connected' | 'reconnecting' | 'resyncing' | 'offline';

export interface ConnectionInfo {
  state: ConnectionState;
  /** When the state last changed (ISO, this machine's clock: the console times its own link). */
  since: string;
  lastSeq: number | null;
  /** Events applied by the last resync, and when it finished. */
  lastResync: { at: string; applied: number } | null;
  /** The server says live delivery is losing events (its Redis is unreachable): the console catches up from the log every few seconds. */
  degraded: boolean;
  error: string | null;
}

export const connectionStore = createStore<ConnectionInfo>({
  state: 'offline',
  since: new Date().toISOString(),
  lastSeq: null,
  lastResync: null,
  degraded: false,
  error: null,
});

export function patchConnection(patch: Partial<ConnectionInfo>): void {
  connectionStore.set((prev) => {
    const next = { ...prev, ...patch };
    if (patch.state && patch.state !== prev.state) next.since = new Date().toISOString();
    return next;
  });
}
