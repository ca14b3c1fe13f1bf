import { useMemo } from 'react';
import { useStore } from '../../../lib/store';
import { filterQueue, queueFilterStore } from '../queueFilter';
import { useQueue } from './useQueue';

/** The queue as the officer narrowed it (queueFilter): what the list shows and j/k move through. */
export function useVisibleQueue() {
  const q = useQueue();
  const filter = useStore(queueFilterStore);
  const narrowed = useMemo(() => filterQueue(q.items, filter), [q.items, filter]);
  return { ...q, filter, visible: narrowed.shown, hidden: narrowed.hidden, hiddenUnacked: narrowed.hiddenUnacked };
}
