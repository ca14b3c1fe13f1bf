import type { QueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { errorText } from '../../components/ErrorMessage';
import { ApiError } from '../../lib/http';
import { pushNotice } from '../notices/noticeStore';
import { actionOf, incidentCodeIn, incidentOf } from './pendingActions';
import { describeWrite } from './describeWrite';

/**
 * Reports the outcome of every write that had to wait for the network, once it is sent: an officer who
 * acted offline learns what the server accepted and what it refused (never a silent success).
 * Returns the unsubscribe.
 */
export function reportQueuedOutcomes(qc: QueryClient): () => void {
  const waited = new Set<number>();
  return qc.getMutationCache().subscribe((event) => {
    if (event.type === 'removed') {
      waited.delete(event.mutation.mutationId);
      return;
    }
    if (event.type !== 'updated') return;
    const m = event.mutation;
    if (event.action.type === 'pause') {
      waited.add(m.mutationId);
      return;
    }
    if (!waited.has(m.mutationId)) return;
    if (event.action.type === 'success') {
      waited.delete(m.mutationId);
      pushNotice('success', i18n.t('queued.sent', { what: describeWrite(i18n.t, qc, m) }));
    } else if (event.action.type === 'error') {
      waited.delete(m.mutationId);
      const error = event.action.error;
      // Acknowledged by someone else while this one waited: done, not failed.
      const id = incidentOf(m.state.variables, actionOf(m));
      if (actionOf(m) === 'acknowledge' && id && error instanceof ApiError && error.code === 'ALREADY_ACKNOWLEDGED') {
        pushNotice('info', i18n.t('notice.alreadyAcked', { code: incidentCodeIn(qc, id) ?? '' }));
      } else pushNotice('error', i18n.t('queued.failed', { what: describeWrite(i18n.t, qc, m), error: errorText(i18n.t, error) }));
    }
  });
}
