import { createStore, useStore } from '../../../lib/store';
import { readSession, writeSession } from '../../../lib/storage';
import { newLoudCause } from './muteBreakthrough';

/**
 * Mute is explicit and per user, never implied, and lasts for this sign-in only: kept in the tab's
 * session storage (a reload keeps it), dropped when the session ends, so the next login or shift
 * starts with sound. While muted, a loud cause that was not sounding when the officer muted (another
 * overdue acknowledgement, a grade raise) turns the sound back on (mutedCausesChanged).
 */
const key = (userId: string) => `beacon.mute.${userId}`;

export const muteStore = createStore<boolean>(false);
let currentUser: string | null = null;
/** The loud causes heard since muting; null until the alarm is next evaluated. */
let heard: Set<string> | null = null;

export function loadMuteFor(userId: string): void {
  currentUser = userId;
  heard = null;
  muteStore.set(readSession(key(userId)) === '1');
}

export function setMuted(muted: boolean): void {
  if (currentUser) writeSession(key(currentUser), muted ? '1' : null);
  heard = null;
  muteStore.set(muted);
}

/** The session ended: the next sign-in starts with sound. */
export function forgetMute(): void {
  if (currentUser) writeSession(key(currentUser), null);
  currentUser = null;
  heard = null;
  muteStore.set(false);
}

/** While muted, the loud causes now; true when one is new, and the mute is then lifted. */
export function mutedCausesChanged(causes: readonly string[]): boolean {
  if (!muteStore.get()) return false;
  const next = newLoudCause(heard, causes);
  heard = next.heard;
  if (!next.fresh) return false;
  setMuted(false);
  return true;
}

export function useMuted(): boolean {
  return useStore(muteStore);
}
