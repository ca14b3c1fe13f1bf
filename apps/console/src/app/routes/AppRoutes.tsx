import { useSession } from '../../features/auth/session';
import { LoginPage } from '../../features/auth/components/LoginPage';
import { DutyLayout } from '../layout/DutyLayout';
import { RealtimeProvider } from '../providers/RealtimeProvider';

/** Signed out → login; signed in → the duty console with its realtime link. */
export function AppRoutes() {
  const session = useSession();
  if (!session) return <LoginPage />;
  // A renewal that moved the user (jurisdiction, roles) opens a new link, in the new rooms.
  const { id, jurisdictionId, roles } = session.user;
  return (
    <RealtimeProvider key={`${id}|${jurisdictionId}|${roles.join(',')}`} userId={id}>
      <DutyLayout key={session.user.id} />
    </RealtimeProvider>
  );
}
