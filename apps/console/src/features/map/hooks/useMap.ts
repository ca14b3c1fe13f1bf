import type { Map as MapLibreMap } from 'maplibre-gl';
import { useStore } from '../../../lib/store';
import { layerVisibilityStore, mapStore, type LayerVisibility } from '../mapStore';

export function useMap(): MapLibreMap | null {
  return useStore(mapStore);
}

export function useLayerVisibility(): LayerVisibility {
  return useStore(layerVisibilityStore);
}
