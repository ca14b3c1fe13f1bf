import { useEffect } from 'react';
import { keepServerClock } from '../../../lib/serverClock';
import { connectionStore } from '../connectionStore';

/**
 * Keeps the console's idea of the server's clock: at start (before sign-in too), every ten minutes, when
 * the browser comes back online and when the realtime link is back (a laptop waking from sleep may have
 * had its clock set meanwhile).
 */
export function useServerClockSync(): void {
  useEffect(
    () =>
      keepServerClock((measure) => {
        let wasConnected = connectionStore.get().state === 'connected';
        const stopConnection = connectionStore.subscribe(() => {
          const connected = connectionStore.get().state === 'connected';
          if (connected && !wasConnected) measure();
          wasConnected = connected;
        });
        window.addEventListener('online', measure);
        return () => {
          stopConnection();
          window.removeEventListener('online', measure);
        };
      }),
    [],
  );
}
