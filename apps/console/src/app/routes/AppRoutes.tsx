import { useSession } from '../../features/auth/session';
import { LoginPage } from '../../features/auth/components/LoginPage';
import { DutyLayout } from '../layout/DutyLayout';
import { RealtimeProvider } from '../providers/RealtimeProvider';

/** Signed out → login; signed in → the duty console with its realtime link. */
export function AppRoutes() {
  const session = useSession();
  if (!session) return <LoginPage />;
  return (
    <RealtimeProvider userId={session.user.id}>
      <DutyLayout key={session.user.id} />
    </RealtimeProvider>
  );
}
