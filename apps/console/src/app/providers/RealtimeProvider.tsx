import type { ReactNode } from 'react';
import { useRealtime } from '../../features/connection/hooks/useRealtime';
import { expireSession } from './AuthProvider';

export function RealtimeProvider({ token, children }: { token: string; children: ReactNode }) {
  useRealtime(token, expireSession);
  return <>{children}</>;
}
