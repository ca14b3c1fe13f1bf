import type { GeoJsonLayer } from '../map/hooks/useGeoJsonLayers';
import { MAP_TEXT_FONT } from '../map/style';

export const TOWNS_SOURCE = 'towns';
export const ROADS_SOURCE = 'roads';
export const TOWN_LABELS_SOURCE = 'town-labels';

export const TOWN_LAYERS: readonly GeoJsonLayer[] = [
  {
    id: 'towns-fill',
    type: 'fill',
    source: TOWNS_SOURCE,
    paint: {
      'fill-color': ['match', ['get', 'level'], 'town', '#14213a', '#101a2e'],
      'fill-opacity': 0.9,
    },
  },
  {
    id: 'towns-outline',
    type: 'line',
    source: TOWNS_SOURCE,
    paint: {
      'line-color': ['match', ['get', 'level'], 'town', '#38557f', '#7aa2e3'],
      'line-width': ['match', ['get', 'level'], 'town', 1, 2.4],
      'line-dasharray': [3, 2],
      'line-opacity': 0.9,
    },
  },
];

/** One label per town, at its centroid (a polygon label would repeat on every tile). */
export const TOWN_LABEL_LAYERS: readonly GeoJsonLayer[] = [
  {
    id: 'towns-label',
    type: 'symbol',
    source: TOWN_LABELS_SOURCE,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': MAP_TEXT_FONT,
      'text-size': ['interpolate', ['linear'], ['zoom'], 9, 12, 14, 16],
    },
    paint: {
      'text-color': '#8fb3ea',
      'text-halo-color': '#0b1220',
      'text-halo-width': 1.6,
    },
  },
];

export const ROAD_LAYERS: readonly GeoJsonLayer[] = [
  {
    id: 'roads-casing',
    type: 'line',
    source: ROADS_SOURCE,
    filter: ['match', ['get', 'roadClass'], ['primary', 'secondary'], true, false],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': '#04070d',
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['match', ['get', 'roadClass'], 'primary', 3.5, 2.5], 15, ['match', ['get', 'roadClass'], 'primary', 9, 7]],
    },
  },
  {
    id: 'roads-line',
    type: 'line',
    source: ROADS_SOURCE,
    layout: {
      'line-join': 'round',
      'line-cap': 'round',
      'line-sort-key': ['match', ['get', 'roadClass'], 'primary', 4, 'secondary', 3, 'tertiary', 2, 1],
    },
    paint: {
      'line-color': ['match', ['get', 'roadClass'], 'primary', '#d9a441', 'secondary', '#a99c78', 'tertiary', '#66748c', '#434e63'],
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        9,
        ['match', ['get', 'roadClass'], 'primary', 2, 'secondary', 1.4, 'tertiary', 0.9, 0.5],
        15,
        ['match', ['get', 'roadClass'], 'primary', 6, 'secondary', 4.5, 'tertiary', 3, 1.8],
      ],
    },
  },
  {
    id: 'roads-label',
    type: 'symbol',
    source: ROADS_SOURCE,
    minzoom: 13,
    filter: ['all', ['has', 'name'], ['match', ['get', 'roadClass'], ['primary', 'secondary'], true, false]],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'name'],
      'text-font': MAP_TEXT_FONT,
      'text-size': 11,
    },
    paint: { 'text-color': '#c9b27a', 'text-halo-color': '#04070d', 'text-halo-width': 1.4 },
  },
];
