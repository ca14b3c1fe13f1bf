import { useTranslation } from 'react-i18next';
import { isAlreadyAcknowledged, useActionState } from '../../connection/pendingActions';
import { useAcknowledge } from '../api/incidentMutations';

/**
 * An acknowledge button's behaviour, one for the card, the drawer and a manual call's result: its state
 * comes from the mutation cache, so a keyboard `a` or a write waiting for the network shows on every one.
 */
export function useAckAction(incidentId: string) {
  const { t } = useTranslation();
  const ack = useAcknowledge();
  const state = useActionState('acknowledge', incidentId);
  return {
    disabled: state.pending,
    queued: state.queued,
    /** null: the button's own label (确认, with its key where the desk shows it). */
    busyLabel: state.queued ? t('queued.waiting') : state.pending ? t('common.working') : null,
    acknowledge: () => ack.mutate(incidentId),
    // Someone else acknowledged it first: done, nothing to show as a failure.
    error: isAlreadyAcknowledged(ack.error) ? null : ack.error,
  };
}
