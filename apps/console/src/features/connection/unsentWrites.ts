import type { QueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { createStore } from '../../lib/store';
import { describeWrite } from './describeWrite';
import { queuedWrites } from './pendingActions';

/**
 * The writes still waiting for the network when a sign-in ended (it expired offline, or the officer
 * signed out over the warning): the queue is dropped with the session, and the login page lists them,
 * so nothing done offline is lost without a word.
 */
export const unsentWritesStore = createStore<string[]>([]);

/** Called as the session ends, before the cache is cleared. */
export function keepUnsentWrites(qc: QueryClient): void {
  const unsent = queuedWrites(qc).map((m) => describeWrite(i18n.t, qc, m));
  unsentWritesStore.set(unsent);
}

export function forgetUnsentWrites(): void {
  unsentWritesStore.set([]);
}
