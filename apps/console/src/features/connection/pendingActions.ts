import { useMutationState, type Mutation, type QueryClient } from '@tanstack/react-query';
import type { IncidentDto } from '@beacon/domain';
import { ApiError } from '../../lib/http';
import { incidentKeys } from '../incident/api/keys';

/**
 * The console's writes as the offline queue names them (each mutation's `meta.action`). A write made
 * offline waits in React Query's mutation cache (paused) and goes out when the browser is online again.
 */
export type QueuedAction = 'acknowledge' | 'transition' | 'grade' | 'edit' | 'merge' | 'unmerge' | 'split' | 'manualCall' | 'raiseSeen' | 'team';

// Mutations of every shape: the queue reads only their meta, state and variables.
type AnyMutation = Mutation<unknown, Error, unknown, unknown>;

export const actionMeta = (action: QueuedAction) => ({ meta: { action } });

/**
 * For writes that are safe to send twice (an acknowledgement: the second is refused as already done; a
 * manual call: its client-made id makes a repeat the same call): a request the network dropped is tried
 * again, and if the browser has gone offline meanwhile it waits in the queue like a write made offline.
 */
export const retryWhenDropped = {
  retry: (failures: number, err: unknown) => err instanceof ApiError && err.code === 'NETWORK' && failures < 5,
  retryDelay: (failures: number) => Math.min(8000, 1000 * 2 ** failures),
};

export function actionOf(m: AnyMutation): QueuedAction | null {
  const action = m.options.meta?.['action'];
  return typeof action === 'string' ? (action as QueuedAction) : null;
}

/** The incident a write concerns, read from its variables: an id, or `{ id }` (a team's write names no incident). */
export function incidentOf(variables: unknown, action: QueuedAction | null = null): string | null {
  if (action === 'team') return null;
  if (typeof variables === 'string') return variables;
  if (typeof variables === 'object' && variables !== null && typeof (variables as { id?: unknown }).id === 'string') return (variables as { id: string }).id;
  return null;
}

const concerning = (action: QueuedAction, incidentId: string) => (m: AnyMutation) => actionOf(m) === action && incidentOf(m.state.variables, action) === incidentId;

/** Whether a write of `action` on this incident is on its way (sent, or waiting to be). */
export function isActionPending(qc: QueryClient, action: QueuedAction, incidentId: string): boolean {
  return qc.getMutationCache().findAll({ status: 'pending', predicate: concerning(action, incidentId) }).length > 0;
}

/**
 * The state of the writes of `action` whose variables `match`, from the mutation cache rather than one
 * component's observer: a keyboard acknowledgement shows on the card's button, and a write withdrawn
 * from the queue frees the form that sent it.
 */
export function useWriteState(action: QueuedAction, match: (variables: unknown) => boolean): { pending: boolean; queued: boolean } {
  const paused = useMutationState({ filters: { status: 'pending', predicate: (m) => actionOf(m) === action && match(m.state.variables) }, select: (m) => m.state.isPaused });
  return { pending: paused.length > 0, queued: paused.some(Boolean) };
}

/** useWriteState for this incident's `action`. */
export function useActionState(action: QueuedAction, incidentId: string): { pending: boolean; queued: boolean } {
  return useWriteState(action, (variables) => incidentOf(variables, action) === incidentId);
}

/** Every write waiting for the network, oldest first. */
export function useQueuedWrites(): AnyMutation[] {
  return useMutationState({ filters: { status: 'pending', predicate: (m) => m.state.isPaused }, select: (m) => m as AnyMutation });
}

/** Withdraws every waiting write of `action` whose variables `match`. */
export function withdrawWrites(qc: QueryClient, action: QueuedAction, match: (variables: unknown) => boolean): void {
  for (const m of qc.getMutationCache().findAll({ status: 'pending', predicate: (x) => x.state.isPaused && actionOf(x) === action && match(x.state.variables) })) withdrawQueued(qc, m);
}

export function queuedWriteCount(qc: QueryClient): number {
  return qc.getMutationCache().findAll({ status: 'pending', predicate: (m) => m.state.isPaused }).length;
}

/** Takes a waiting write out of the queue: it is never sent. */
export function withdrawQueued(qc: QueryClient, mutation: AnyMutation): void {
  qc.getMutationCache().remove(mutation);
}

/** An incident's number as this console last saw it (a queued write's label), or null. */
export function incidentCodeIn(qc: QueryClient, id: string): string | null {
  const detail = qc.getQueryData<IncidentDto>(incidentKeys.detail(id));
  if (detail) return detail.code;
  for (const [, list] of qc.getQueriesData<IncidentDto[]>({ queryKey: incidentKeys.lists })) {
    const found = list?.find((i) => i.id === id);
    if (found) return found.code;
  }
  return null;
}
