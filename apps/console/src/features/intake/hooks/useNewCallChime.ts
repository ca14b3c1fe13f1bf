import { alarmAudience } from '@beacon/domain';
import { useEffect, useRef } from 'react';
import { serverNow } from '../../../lib/serverClock';
import { useSession } from '../../auth/session';
import { useQueue } from '../../incident/hooks/useQueue';
import { hasNewCall, isUnacked } from '../../incident/model';
import { playChime } from '../alarm/audio';
import { useMuted } from '../alarm/muteStore';

/** A busy incident's calls come in seconds apart: one chime covers them. */
const CHIME_AT_MOST_EVERY_MS = 10_000;

/**
 * A chime when a call comes in on an acknowledged incident (its card is marked 新来电 and moves up):
 * new information about an incident already in hand must not arrive in silence. For the consoles that
 * ring for new incidents, unless muted.
 */
export function useNewCallChime(): void {
  const { items } = useQueue();
  const muted = useMuted();
  const user = useSession()?.user ?? null;
  const hears = user ? alarmAudience(user).newIncidents : false;
  const lastCalls = useRef<Map<string, string> | null>(null);
  const chimedAt = useRef(0);

  useEffect(() => {
    const before = lastCalls.current;
    lastCalls.current = new Map(items.map((i) => [i.id, i.lastCallAt]));
    // The first list is what was there before this console looked: nothing new in it.
    if (!before || !hears || muted) return;
    const now = Date.now();
    const called = items.some((i) => !isUnacked(i) && before.has(i.id) && before.get(i.id) !== i.lastCallAt && hasNewCall(i, serverNow()));
    if (called && now - chimedAt.current >= CHIME_AT_MOST_EVERY_MS) {
      chimedAt.current = now;
      playChime();
    }
  }, [items, hears, muted]);
}
