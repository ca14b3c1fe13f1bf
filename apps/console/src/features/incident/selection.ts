import { createStore } from '../../lib/store';
import { frontPanelStore } from '../panel/panelStore';

/** The incident the officer is on (queue highlight) and whether its detail drawer is open. */
export interface IncidentSelection {
  selectedId: string | null;
  drawerOpen: boolean;
}

export const incidentSelectionStore = createStore<IncidentSelection>({ selectedId: null, drawerOpen: false });

export function selectIncident(id: string | null): void {
  incidentSelectionStore.set((s) => (s.selectedId === id ? s : { ...s, selectedId: id }));
}

export function openIncident(id: string): void {
  incidentSelectionStore.set({ selectedId: id, drawerOpen: true });
  frontPanelStore.set('drawer');
}

export function closeIncidentDrawer(): void {
  incidentSelectionStore.set((s) => ({ ...s, drawerOpen: false }));
}
