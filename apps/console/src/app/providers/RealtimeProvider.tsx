import type { ReactNode } from 'react';
import { getToken } from '../../features/auth/session';
import { useRealtime } from '../../features/connection/hooks/useRealtime';
import { expireSession } from './AuthProvider';

/** One realtime link per signed-in user: a renewed token does not reopen it (the link reads the token as it connects). */
export function RealtimeProvider({ userId, children }: { userId: string; children: ReactNode }) {
  useRealtime(userId, getToken, expireSession);
  return <>{children}</>;
}
