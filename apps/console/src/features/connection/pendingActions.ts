import { useMutationState, type Mutation, type QueryClient } from '@tanstack/react-query';
import type { IncidentDto } from '@beacon/domain';
import { ApiError } from '../../lib/http';
import { incidentKeys } from '../incident/api/keys';

/**
 * The console's writes as the offline queue names them (each mutation's `meta.action`). A write made
 * offline waits in React Query's mutation cache (paused) and goes out when the browser is online again.
 */
const QUEUED_ACTIONS = ['acknowledge', 'transition', 'grade', 'edit', 'merge', 'unmerge', 'split', 'manualCall', 'raiseSeen', 'team'] as const;
export type QueuedAction = (typeof QUEUED_ACTIONS)[number];

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

/** Someone acknowledged the incident first: for the officer who also did, that is done, not failed. */
export const isAlreadyAcknowledged = (err: unknown): boolean => err instanceof ApiError && err.code === 'ALREADY_ACKNOWLEDGED';

export function actionOf(m: AnyMutation): QueuedAction | null {
  const action = m.options.meta?.['action'];
  return (QUEUED_ACTIONS as readonly unknown[]).includes(action) ? (action as QueuedAction) : null;
}

/** The incident a write concerns, read from its variables: an id, or `{ id }` (a team's write names no incident). */
export function incidentOf(variables: unknown, action: QueuedAction | null = null): string | null {
  if (action === 'team') return null;
  if (typeof variables === 'string') return variables;
  if (typeof variables === 'object' && variables !== null && typeof (variables as { id?: unknown }).id === 'string') return (variables as { id: string }).id;
  return null;
}

/** What a write is about, for its notices (a later one replaces an earlier): the incident of an action, the manual call's id. */
export function writeKey(action: QueuedAction | null, variables: unknown): string | null {
  if (action === 'manualCall') {
    const id = typeof variables === 'object' && variables !== null ? (variables as { externalId?: unknown }).externalId : undefined;
    return typeof id === 'string' ? `manualCall:${id}` : null;
  }
  const incident = incidentOf(variables, action);
  return action && incident ? `${action}:${incident}` : null;
}

/** A variables object's `key` field equals `value`: the call of a split, the manual call's externalId. */
export const variablesWith = (key: string, value: unknown) => (variables: unknown): boolean =>
  typeof variables === 'object' && variables !== null && (variables as Record<string, unknown>)[key] === value;

const concerning = (action: QueuedAction, incidentId: string) => (m: AnyMutation) => actionOf(m) === action && incidentOf(m.state.variables, action) === incidentId;

/** Whether a write of `action` on this incident is on its way (sent, or waiting to be). */
export function isActionPending(qc: QueryClient, action: QueuedAction, incidentId: string): boolean {
  return qc.getMutationCache().findAll({ status: 'pending', predicate: concerning(action, incidentId) }).length > 0;
}

/**
 * A waiting write may be withdrawn only if it was never tried: one the network dropped may have reached
 * the server before its answer was lost, and taking it out of the queue would not undo that.
 */
export const mayWithdraw = (m: AnyMutation): boolean => m.state.isPaused && m.state.failureCount === 0;

export interface WriteState {
  /** Sent, or waiting to be. */
  pending: boolean;
  /** Waiting for the network. */
  queued: boolean;
  /** Waiting, and never tried: it can still be taken back. */
  withdrawable: boolean;
}

/**
 * The state of the writes of `action` whose variables `match`, from the mutation cache rather than the
 * observer of the component that sent them: a keyboard acknowledgement shows on the card's button, and
 * a write withdrawn from the queue (removed from the cache, never settled) frees the form that sent it.
 */
export function useWriteState(action: QueuedAction, match: (variables: unknown) => boolean): WriteState {
  const states = useMutationState({
    filters: { status: 'pending', predicate: (m) => actionOf(m) === action && match(m.state.variables) },
    select: (m) => (m.state.isPaused ? (mayWithdraw(m as AnyMutation) ? 'withdrawable' : 'queued') : 'sending'),
  });
  return { pending: states.length > 0, queued: states.some((s) => s !== 'sending'), withdrawable: states.length > 0 && states.every((s) => s === 'withdrawable') };
}

/** useWriteState for this incident's `action`. */
export function useActionState(action: QueuedAction, incidentId: string): WriteState {
  return useWriteState(action, (variables) => incidentOf(variables, action) === incidentId);
}

/** Every write waiting for the network, oldest first. */
export function useQueuedWrites(): AnyMutation[] {
  return useMutationState({ filters: { status: 'pending', predicate: (m) => m.state.isPaused }, select: (m) => m as AnyMutation });
}

/** Whether any write is on its way or waiting (a reload would lose it). */
export function usePendingWriteCount(): number {
  return useMutationState({ filters: { status: 'pending', predicate: (m) => actionOf(m) !== null } }).length;
}

/** Withdraws every waiting, never-tried write of `action` whose variables `match`. */
export function withdrawWrites(qc: QueryClient, action: QueuedAction, match: (variables: unknown) => boolean): void {
  for (const m of qc.getMutationCache().findAll({ status: 'pending', predicate: (x) => actionOf(x) === action && match(x.state.variables) })) {
    if (mayWithdraw(m)) withdrawQueued(qc, m);
  }
}

/** The writes still waiting for the network. */
export function queuedWrites(qc: QueryClient): AnyMutation[] {
  return qc.getMutationCache().findAll({ status: 'pending', predicate: (m) => m.state.isPaused });
}

/** Takes a waiting write out of the queue: it is never sent. */
export function withdrawQueued(qc: QueryClient, mutation: AnyMutation): void {
  if (mayWithdraw(mutation)) qc.getMutationCache().remove(mutation);
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
