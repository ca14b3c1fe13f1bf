import { useEffect, type ReactNode } from 'react';
import { configureHttp } from '../../lib/http';
import { dropLocalPrefixed } from '../../lib/storage';
import { renewSession } from '../../features/auth/api/login';
import { renewInMs, retryInMs } from '../../features/auth/renewal';
import { standingRefresher } from '../../features/auth/standingRefresh';
import { endSession, getToken, logoutReasonFor, sessionStore, startSession, useSession, type Session } from '../../features/auth/session';
import { forgetMute, loadMuteFor } from '../../features/intake/alarm/muteStore';
import { queueFilterStore } from '../../features/incident/queueFilter';
import { clearNotices } from '../../features/notices/noticeStore';
import { keepUnsentWrites } from '../../features/connection/unsentWrites';
import { queryClient } from './queryClient';

/**
 * Any 401 (or an expired token) ends the session and drops cached data; the login page then says
 * why — a deactivated account (SESSION_ENDED) is told so, not sent round to sign in again in vain.
 */
export function expireSession(code?: string): void {
  if (!sessionStore.get()) return;
  endSession(logoutReasonFor(code));
}

/** Renews `session`, unless it ended (signed out, a 401 elsewhere) or was renewed while the answer was on its way. */
async function renewFrom(session: Session): Promise<void> {
  const next = await renewSession();
  if (sessionStore.get() === session) startSession(next);
}

/** A refused action renews the session at once: its roles and jurisdiction, as stored now, replace the token's. */
const refreshStanding = standingRefresher({
  now: Date.now,
  renew: async () => {
    const session = sessionStore.get();
    if (session) await renewFrom(session);
  },
});

configureHttp({ getToken, onUnauthorized: expireSession, onForbidden: refreshStanding });
// Until 2026-11-25 each browser kept its own grade-raise alerts; they are the command center's (the server's) now.
dropLocalPrefixed('beacon.alerts.');
// Until 2026-11-25 a mute lasted in the browser for ever (into the next shift); it lasts for a sign-in now.
dropLocalPrefixed('beacon.mute.');

sessionStore.subscribe(() => {
  if (!sessionStore.get()) {
    keepUnsentWrites(queryClient);
    queryClient.clear();
    clearNotices();
    forgetMute();
    // The next officer at this desk starts with the whole queue, not the last one's narrowed view.
    queueFilterStore.set(null);
  }
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSession();

  const userId = session?.user.id;
  useEffect(() => {
    if (userId) loadMuteFor(userId);
  }, [userId]);

  useEffect(() => {
    if (!session) return;
    // Renewed before it expires (see renewal.ts); a new session re-runs this effect for the next one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const renew = async () => {
      try {
        await renewFrom(session);
      } catch {
        // A 401 has already ended the session (http's onUnauthorized). Otherwise the network failed:
        // try again until the token expires, then sign out as before.
        if (stopped || !sessionStore.get()) return;
        const retry = retryInMs(session.clientExpiresAt, Date.now());
        if (retry === null) expireSession();
        else timer = setTimeout(() => void renew(), retry);
      }
    };
    const due = renewInMs(session.clientExpiresAt, Date.now());
    if (due !== null) timer = setTimeout(() => void renew(), due);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [session]);

  return <>{children}</>;
}
