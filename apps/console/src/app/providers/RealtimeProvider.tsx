import type { ReactNode } from 'react';
import { useRealtime } from '../../features/connection/hooks/useRealtime';
import { expireSession } from './AuthProvider';

export function RealtimeProvider({ token, userId, children }: { token: string; userId: string; children: ReactNode }) {
  useRealtime(token, userId, expireSession);
  return <>{children}</>;
}
