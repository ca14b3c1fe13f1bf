import { QueryClient, focusManager } from '@tanstack/react-query';
import { ApiError } from '../../lib/http';
import { OrderedMutationCache } from '../../features/connection/orderedMutationCache';

export const queryClient = new QueryClient({
  mutationCache: new OrderedMutationCache(),
  defaultOptions: {
    queries: {
      // 4xx will not get better by retrying; network blips and 5xx might.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 3,
      retryDelay: (n) => Math.min(8000, 500 * 2 ** n),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

// A desk works in a background tab as much as in front: React Query holds a retry (a write the network
// dropped) until the tab is looked at, and a 60 s acknowledgement cannot wait for that. The console never
// refetches on focus either, so "focused" is always true.
focusManager.setEventListener(() => undefined);
focusManager.setFocused(true);
