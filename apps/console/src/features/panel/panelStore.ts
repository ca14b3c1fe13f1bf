import { createStore } from '../../lib/store';

export const PANEL_TABS = ['intake', 'teams', 'warehouses', 'shelters'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export interface Focus {
  kind: 'team' | 'warehouse' | 'shelter';
  id: string;
}

export const panelTabStore = createStore<PanelTab>('intake');
/** The resource row highlighted after a click on the map or in a list. */
export const focusStore = createStore<Focus | null>(null);

export function focusResource(focus: Focus): void {
  const tab: PanelTab = focus.kind === 'team' ? 'teams' : focus.kind === 'warehouse' ? 'warehouses' : 'shelters';
  panelTabStore.set(tab);
  focusStore.set(focus);
}
