import { createStore, useStore } from '../../../lib/store';
import { readLocal, writeLocal } from '../../../lib/storage';

/** Mute is explicit and per user (saved under the user's id), never implied. */
const key = (userId: string) => `beacon.mute.${userId}`;

export const muteStore = createStore<boolean>(false);
let currentUser: string | null = null;

export function loadMuteFor(userId: string): void {
  currentUser = userId;
  muteStore.set(readLocal(key(userId)) === '1');
}

export function setMuted(muted: boolean): void {
  if (currentUser) writeLocal(key(currentUser), muted ? '1' : null);
  muteStore.set(muted);
}

export function useMuted(): boolean {
  return useStore(muteStore);
}
