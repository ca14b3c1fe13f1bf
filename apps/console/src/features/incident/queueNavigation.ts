import type { IncidentDto } from '@beacon/domain';
import { isUnacked } from './model';

/**
 * Where the desk goes after acknowledging `ackedId`: the next unacknowledged incident below it in the
 * queue, else the nearest above; null when nothing else waits. The acknowledged card sinks into the
 * acknowledged part of the queue, and the officer's next `a` belongs to the next one waiting.
 */
export function nextUnacked(queue: readonly IncidentDto[], ackedId: string): string | null {
  const idx = queue.findIndex((i) => i.id === ackedId);
  const waiting = (i: IncidentDto) => i.id !== ackedId && isUnacked(i);
  const below = queue.slice(idx + 1).find(waiting);
  if (below) return below.id;
  const above = queue.slice(0, Math.max(0, idx)).reverse().find(waiting);
  return above?.id ?? null;
}
