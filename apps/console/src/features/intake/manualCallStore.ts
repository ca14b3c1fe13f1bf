import type { LngLat } from '@beacon/domain';
import { createStore } from '../../lib/store';

/** The manual call form: open or not, the location picked on the map, and whether it holds anything unsent. */
export interface ManualCallState {
  open: boolean;
  location: LngLat | null;
  picking: boolean;
  /** Something typed or picked that has not been sent: closing asks first. */
  dirty: boolean;
}

export const manualCallStore = createStore<ManualCallState>({ open: false, location: null, picking: false, dirty: false });

/** Opens an empty form; with the form already open it changes nothing (a call half taken is never wiped). */
export function openManualCall(): void {
  if (manualCallStore.get().open) return;
  manualCallStore.set({ open: true, location: null, picking: true, dirty: false });
}

export function closeManualCall(): void {
  manualCallStore.set({ open: false, location: null, picking: false, dirty: false });
}

/**
 * Closes the form unless it holds an unsent call the officer does not agree to discard.
 * Returns whether it closed.
 */
export function requestCloseManualCall(confirmDiscard: () => boolean): boolean {
  if (manualCallStore.get().dirty && !confirmDiscard()) return false;
  closeManualCall();
  return true;
}
