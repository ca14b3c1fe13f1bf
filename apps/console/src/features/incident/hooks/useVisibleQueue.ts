import { useMemo } from 'react';
import { useStore } from '../../../lib/store';
import { filterQueue, queueFilterStore } from '../queueFilter';
import { incidentSelectionStore } from '../selection';
import { useQueue } from './useQueue';

/** The queue as the officer narrowed it (queueFilter): what the list shows and j/k move through. */
export function useVisibleQueue() {
  const q = useQueue();
  const filter = useStore(queueFilterStore);
  const { selectedId } = useStore(incidentSelectionStore);
  const narrowed = useMemo(() => filterQueue(q.items, filter, selectedId), [q.items, filter, selectedId]);
  return { ...q, filter, visible: narrowed.shown, hidden: narrowed.hidden, hiddenUnacked: narrowed.hiddenUnacked };
}
