import { mayDo, type CommandAction, type DomainErrorCode, type LoginResponse } from '@beacon/domain';
import { createStore, useStore } from '../../lib/store';
import { readSession, writeSession } from '../../lib/storage';

/**
 * The signed-in session, with when its token expires by this browser's clock: the server's expiresAt
 * is its own clock's, and a desk whose clock is ten minutes slow would otherwise renew too late.
 */
export type Session = LoginResponse & { clientExpiresAt: string; clientSessionEndsAt: string };
const KEY = 'beacon.session';

function isUsable(s: Session | null): s is Session {
  if (!s || typeof s.accessToken !== 'string' || !s.user || typeof s.clientExpiresAt !== 'string' || typeof s.clientSessionEndsAt !== 'string') return false;
  const exp = Date.parse(s.clientExpiresAt);
  return Number.isNaN(exp) || exp > Date.now();
}

function load(): Session | null {
  const raw = readSession(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Session;
    return isUsable(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The signed-in session; kept per browser tab (sessionStorage) so a reload keeps it. */
export const sessionStore = createStore<Session | null>(load());

/** Why we went back to the login page, shown there once: the session ran out, or the account was deactivated. */
export type LogoutReason = 'expired' | 'deactivated';
export const logoutReasonStore = createStore<LogoutReason | null>(null);

/** A login or renewal answer becomes the session, its expiry read by this browser's clock now. */
export function startSession(answer: LoginResponse): void {
  const now = Date.now();
  const s: Session = {
    ...answer,
    clientExpiresAt: new Date(now + answer.expiresInS * 1000).toISOString(),
    clientSessionEndsAt: new Date(now + answer.sessionEndsInS * 1000).toISOString(),
  };
  writeSession(KEY, JSON.stringify(s));
  logoutReasonStore.set(null);
  sessionStore.set(s);
}

const SESSION_ENDED: DomainErrorCode = 'SESSION_ENDED';

/** What a 401's error code says to the person at the login page: SESSION_ENDED is a deactivated account. */
export function logoutReasonFor(code: string | undefined): LogoutReason {
  return code === SESSION_ENDED ? 'deactivated' : 'expired';
}

export function endSession(reason: LogoutReason | null = null): void {
  writeSession(KEY, null);
  logoutReasonStore.set(reason);
  sessionStore.set(null);
}

export function getToken(): string | null {
  return sessionStore.get()?.accessToken ?? null;
}

export function useSession(): Session | null {
  return useStore(sessionStore);
}

/** Inside the signed-in console the session is always there. */
export function useRequiredSession(): Session {
  const s = useStore(sessionStore);
  if (!s) throw new Error('useRequiredSession outside a signed-in view');
  return s;
}

/**
 * Whether the signed-in user may do `action` (the domain's ACTION_ROLES, which the API's guards read
 * too): the console offers only what the server would accept.
 */
export function useMay(action: CommandAction): boolean {
  return useMayDo()(action);
}

/** The same as a checker, for a component that asks about several actions. */
export function useMayDo(): (action: CommandAction) => boolean {
  const s = useStore(sessionStore);
  return (action) => s !== null && mayDo(s.user, action);
}

/** The same outside React (keyboard shortcuts). */
export function may(action: CommandAction): boolean {
  const s = sessionStore.get();
  return s !== null && mayDo(s.user, action);
}
