import type { Mutation, QueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { errorText } from '../../components/ErrorMessage';
import { pushNotice } from '../notices/noticeStore';
import { describeWrite } from './describeWrite';
import { actionOf, incidentCodeIn, incidentOf, isAlreadyAcknowledged, writeKey } from './pendingActions';

/** Writes that waited for the network or were tried again: their outcome is reported here, by no one else. */
const waited = new WeakSet<object>();

/** Whether reportQueuedOutcomes reports this write's outcome (it paused or was retried). */
export function reportedByQueue(m: object): boolean {
  return waited.has(m);
}

/**
 * Reports the outcome of every write that had to wait for the network or be tried again, once settled:
 * an officer who acted offline, or whose form was closed meanwhile, learns what the server accepted and
 * what it refused (never a silent success). Returns the unsubscribe.
 */
export function reportQueuedOutcomes(qc: QueryClient): () => void {
  return qc.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || actionOf(event.mutation) === null) return;
    const m = event.mutation as Mutation<unknown, Error, unknown, unknown>;
    const action = event.action;
    if (action.type === 'pause' || action.type === 'failed') {
      waited.add(m);
      return;
    }
    if (!waited.has(m)) return;
    const key = writeKey(actionOf(m), m.state.variables);
    if (action.type === 'success') {
      pushNotice('success', i18n.t('queued.sent', { what: describeWrite(i18n.t, qc, m) }), key);
    } else if (action.type === 'error') {
      const id = incidentOf(m.state.variables, actionOf(m));
      // Acknowledged by someone else while this one waited: done, not failed.
      if (actionOf(m) === 'acknowledge' && id && isAlreadyAcknowledged(action.error)) {
        pushNotice('info', i18n.t('notice.alreadyAcked', { code: incidentCodeIn(qc, id) ?? '' }), key);
      } else pushNotice('error', i18n.t('queued.failed', { what: describeWrite(i18n.t, qc, m), error: errorText(i18n.t, action.error) }), key);
    }
  });
}
