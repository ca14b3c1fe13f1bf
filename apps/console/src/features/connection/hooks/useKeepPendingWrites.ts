import { useAskBeforeUnload } from '../../../lib/useAskBeforeUnload';
import { usePendingWriteCount } from '../pendingActions';

/**
 * The queue of writes lives in this page: while one is on its way or waiting for the network, a reload
 * or a closed tab would lose it (an acknowledgement against its deadline, a call someone phoned in), so
 * the browser asks first.
 */
export function useKeepPendingWrites(): void {
  useAskBeforeUnload(usePendingWriteCount() > 0);
}
