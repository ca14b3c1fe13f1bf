import { payloadField, type IncidentHistoryEntry } from '@beacon/domain';

/**
 * The calls that came into this incident with a merge, and the number of the incident each came from
 * (from its history: `incident.merged` with `from`, `fromCode`, `movedCallIds`). Such a call's own
 * link reason, or its "first call" mark, is about the incident it came from, not this one. A merge
 * undone took its calls away again, so a later merge of the same call wins.
 */
export function mergedInFrom(history: readonly IncidentHistoryEntry[] | undefined): Map<string, string> {
  const from = new Map<string, string>();
  for (const entry of [...(history ?? [])].sort((a, b) => a.seq - b.seq)) {
    if (entry.type !== 'incident.merged') continue;
    const source = payloadField(entry.payload, 'from');
    const moved = payloadField(entry.payload, 'movedCallIds');
    if (typeof source !== 'string' || !Array.isArray(moved)) continue;
    const code = payloadField(entry.payload, 'fromCode');
    for (const id of moved) if (typeof id === 'string') from.set(id, typeof code === 'string' ? code : source);
  }
  return from;
}
