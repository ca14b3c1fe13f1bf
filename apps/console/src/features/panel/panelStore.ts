import { createStore } from '../../lib/store';

export const PANEL_TABS = ['intake', 'teams', 'warehouses', 'shelters'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export interface Focus {
  kind: 'team' | 'warehouse' | 'shelter';
  id: string;
}

export const panelTabStore = createStore<PanelTab>('intake');

/**
 * Which of the two panels over the map was opened last: on a narrow map (a tablet, a desk PC's
 * 1280–1440 px screen) only that one shows, the other kept as it was behind it.
 */
export type FrontPanel = 'drawer' | 'manualCall';
export const frontPanelStore = createStore<FrontPanel>('drawer');
/** The resource row highlighted after a click on the map or in a list. */
export const focusStore = createStore<Focus | null>(null);

export function focusResource(focus: Focus): void {
  const tab: PanelTab = focus.kind === 'team' ? 'teams' : focus.kind === 'warehouse' ? 'warehouses' : 'shelters';
  panelTabStore.set(tab);
  focusStore.set(focus);
}
