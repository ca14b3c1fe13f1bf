import { useServerClockSync } from '../features/connection/hooks/useServerClockSync';
import { AuthProvider } from './providers/AuthProvider';
import { QueryProvider } from './providers/QueryProvider';
import { AppRoutes } from './routes/AppRoutes';

export function App() {
  useServerClockSync();
  return (
    <QueryProvider>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </QueryProvider>
  );
}
