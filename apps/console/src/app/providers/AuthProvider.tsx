import { useEffect, type ReactNode } from 'react';
import { configureHttp } from '../../lib/http';
import { dropLocalPrefixed } from '../../lib/storage';
import { endSession, getToken, sessionStore, useSession } from '../../features/auth/session';
import { loadMuteFor } from '../../features/intake/alarm/muteStore';
import { queryClient } from './queryClient';

/** Any 401 (or an expired token) ends the session and drops cached data. */
export function expireSession(): void {
  if (!sessionStore.get()) return;
  endSession('expired');
}

configureHttp({ getToken, onUnauthorized: expireSession });
// Until 2026-11-25 each browser kept its own grade-raise alerts; they are the command center's (the server's) now.
dropLocalPrefixed('beacon.alerts.');

sessionStore.subscribe(() => {
  if (!sessionStore.get()) {
    queryClient.clear();
  }
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSession();

  useEffect(() => {
    if (!session) return;
    loadMuteFor(session.user.id);
  }, [session]);

  useEffect(() => {
    if (!session) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    if (Number.isNaN(ms)) return;
    // setTimeout overflows past ~24.8 days; such a token simply is not timed here.
    if (ms > 2_000_000_000) return;
    const timer = setTimeout(expireSession, Math.max(0, ms));
    return () => clearTimeout(timer);
  }, [session]);

  return <>{children}</>;
}
