import type { LngLat } from '@beacon/domain';
import { createStore } from '../../lib/store';

/** The manual call form: open or not, and the location picked on the map. */
export interface ManualCallState {
  open: boolean;
  location: LngLat | null;
  picking: boolean;
}

export const manualCallStore = createStore<ManualCallState>({ open: false, location: null, picking: false });

export function openManualCall(): void {
  manualCallStore.set({ open: true, location: null, picking: true });
}

export function closeManualCall(): void {
  manualCallStore.set({ open: false, location: null, picking: false });
}
