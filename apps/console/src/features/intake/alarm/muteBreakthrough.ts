import type { Alarm } from './alarmFor';

/** What makes the alarm loud, one key per cause: an incident overdue at its level, a grade raise, raises that could not be loaded. */
export function loudCauses(alarm: Pick<Alarm, 'overdue' | 'alerts' | 'raisesUnknown'>): string[] {
  return [
    ...alarm.overdue.map((i) => `overdue:${i.id}:${i.ackOverdueLevel}`),
    ...alarm.alerts.map((a) => `raise:${a.seq}`),
    ...(alarm.raisesUnknown ? ['raises-unknown'] : []),
  ];
}

/**
 * Mute silences what was sounding when the officer muted, not what comes after: given the loud causes
 * heard while muted (null: not taken yet, as right after muting or a reload) and the causes now, whether
 * one is new (it sounds again), and the causes heard from now on.
 */
export function newLoudCause(heard: ReadonlySet<string> | null, causes: readonly string[]): { fresh: boolean; heard: Set<string> } {
  if (heard === null) return { fresh: false, heard: new Set(causes) };
  return { fresh: causes.some((c) => !heard.has(c)), heard: new Set([...heard, ...causes]) };
}
