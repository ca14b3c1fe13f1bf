import type { Map as MapLibreMap } from 'maplibre-gl';
import { createStore } from '../../lib/store';
import { readLocal, writeLocal } from '../../lib/storage';

/** The one MapLibre instance, set once its style has loaded. */
export const mapStore = createStore<MapLibreMap | null>(null);

export const LAYER_GROUPS = ['towns', 'roads', 'teams', 'warehouses', 'shelters', 'incidents'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];
export type LayerVisibility = Record<LayerGroup, boolean>;

const VIS_KEY = 'beacon.layers';

function loadVisibility(): LayerVisibility {
  const all = Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as LayerVisibility;
  const raw = readLocal(VIS_KEY);
  if (!raw) return all;
  try {
    const saved = JSON.parse(raw) as Partial<LayerVisibility>;
    for (const g of LAYER_GROUPS) if (typeof saved[g] === 'boolean') all[g] = saved[g];
  } catch {
    /* ignore a corrupt setting */
  }
  // Incidents are never hidden across a reload: nothing may be missed.
  all.incidents = true;
  return all;
}

export const layerVisibilityStore = createStore<LayerVisibility>(loadVisibility());

export function setLayerVisible(group: LayerGroup, visible: boolean): void {
  layerVisibilityStore.set((prev) => {
    const next = { ...prev, [group]: visible };
    writeLocal(VIS_KEY, JSON.stringify(next));
    return next;
  });
}

/**
 * Z-order of every layer the console draws, bottom first. Layers are inserted in this order
 * whatever order the features mount in.
 */
export const LAYER_ORDER = [
  'towns-fill',
  'roads-casing',
  'roads-line',
  'towns-outline',
  'roads-label',
  'towns-label',
  'shelters-circle',
  'warehouses-circle',
  'teams-circle',
  'teams-label',
  'incidents-pulse',
  'incidents-circle',
  'incidents-core',
  'incidents-label',
  'incidents-label-unacked',
  'incidents-selected',
  'manual-pick-point',
  'edit-pick-point',
] as const;
