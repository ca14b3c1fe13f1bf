import type { GeoJsonLayer } from '../map/hooks/useGeoJsonLayers';

/** The point an officer picked on the map, drawn from `sourceId` (one source per form, so two never share a layer). */
export function pickLayers(sourceId: string): readonly GeoJsonLayer[] {
  return [
    {
      id: `${sourceId}-point`,
      type: 'circle',
      source: sourceId,
      paint: {
        'circle-radius': 9,
        'circle-color': '#5ee7ff',
        'circle-opacity': 0.9,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
      },
    },
  ];
}

export const PICK_LAYERS = pickLayers('manual-pick');
