import type { GeoJsonLayer } from '../map/hooks/useGeoJsonLayers';
import { COLORS, MAP_TEXT_FONT } from '../map/style';

export const TEAM_LAYERS: readonly GeoJsonLayer[] = [
  {
    id: 'teams-circle',
    type: 'circle',
    source: 'teams',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 14, 6.5],
      'circle-color': [
        'match',
        ['get', 'status'],
        'available', COLORS.team.available,
        'dispatched', COLORS.team.dispatched,
        'en_route', COLORS.team.en_route,
        'on_scene', COLORS.team.on_scene,
        'returning', COLORS.team.returning,
        COLORS.team.unavailable,
      ],
      'circle-stroke-color': ['case', ['get', 'stale'], '#ff4d4d', '#0b1220'],
      'circle-stroke-width': ['case', ['get', 'stale'], 2, 1.5],
      'circle-opacity': ['case', ['get', 'stale'], 0.55, 1],
    },
  },
  {
    id: 'teams-label',
    type: 'symbol',
    source: 'teams',
    minzoom: 12,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': MAP_TEXT_FONT,
      'text-size': 11,
      'text-offset': [0, 1.1],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: { 'text-color': '#d7e3f4', 'text-halo-color': '#0b1220', 'text-halo-width': 1.4 },
  },
];

export const WAREHOUSE_LAYERS: readonly GeoJsonLayer[] = [
  {
    id: 'warehouses-circle',
    type: 'circle',
    source: 'warehouses',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 5, 14, 9],
      'circle-color': COLORS.warehouse,
      'circle-stroke-color': '#f3ecff',
      'circle-stroke-width': 2,
    },
  },
];

export const SHELTER_LAYERS: readonly GeoJsonLayer[] = [
  {
    id: 'shelters-circle',
    type: 'circle',
    source: 'shelters',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 5, 14, 9],
      'circle-color': ['match', ['get', 'status'], 'open', COLORS.shelter.open, 'full', COLORS.shelter.full, COLORS.shelter.closed],
      'circle-stroke-color': '#e6fff7',
      'circle-stroke-width': 2,
    },
  },
];
