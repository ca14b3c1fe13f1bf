import { useMemo } from 'react';
import type { IncidentDto } from '@beacon/domain';
import { useIncidents } from '../api/incidentQueries';
import { compareQueue, isUnacked } from '../model';

/** The intake queue: open incidents in queue order (compareQueue). */
export function useQueue() {
  const q = useIncidents();
  const items: IncidentDto[] = useMemo(() => [...(q.data ?? [])].sort(compareQueue), [q.data]);
  const unacked = useMemo(() => items.filter(isUnacked), [items]);
  return { ...q, items, unacked };
}
