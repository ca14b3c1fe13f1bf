import type { LngLat } from '@beacon/domain';
import { createStore } from '../../lib/store';
import { flyTo } from '../map/flyTo';
import { frontPanelStore } from '../panel/panelStore';

/** The manual call form: open or not, the location picked on the map, and whether it holds anything unsent. */
export interface ManualCallState {
  open: boolean;
  location: LngLat | null;
  picking: boolean;
  /** Something typed or picked that has not been sent: closing asks first. */
  dirty: boolean;
  /** The id (externalId) of the call on its way or waiting for the network: closing the form does not stop it. */
  sending: string | null;
}

export const manualCallStore = createStore<ManualCallState>({ open: false, location: null, picking: false, dirty: false, sending: null });

/** Opens an empty form in front; with the form already open it only brings it to the front. */
export function openManualCall(): void {
  // Brought forward again, the map goes back to the location picked (another incident's drawer moved it).
  const { open, location } = manualCallStore.get();
  if (open && location) flyTo(location);
  // Brought to the front again (a narrow map shows one panel): a call half taken is never wiped.
  frontPanelStore.set('manualCall');
  if (manualCallStore.get().open) return;
  manualCallStore.set({ open: true, location: null, picking: true, dirty: false, sending: null });
}

export function closeManualCall(): void {
  manualCallStore.set({ open: false, location: null, picking: false, dirty: false, sending: null });
}

/**
 * Closes the form unless it holds an unsent call the officer does not agree to discard. A call on its
 * way still goes: `stillSending` tells the officer so (never entered twice). Returns whether it closed.
 */
export function requestCloseManualCall(confirmDiscard: () => boolean, stillSending: (externalId: string) => void = () => undefined): boolean {
  const { dirty, sending } = manualCallStore.get();
  if (dirty && !confirmDiscard()) return false;
  closeManualCall();
  if (sending !== null) stillSending(sending);
  return true;
}
