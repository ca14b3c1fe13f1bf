import type { GeoJsonLayer } from '../map/hooks/useGeoJsonLayers';

export const PICK_LAYERS: readonly GeoJsonLayer[] = [
  {
    id: 'pick-point',
    type: 'circle',
    source: 'manual-pick',
    paint: {
      'circle-radius': 9,
      'circle-color': '#5ee7ff',
      'circle-opacity': 0.9,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  },
];
