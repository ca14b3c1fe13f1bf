import type { ExpressionSpecification } from 'maplibre-gl';
import type { GeoJsonLayer } from '../map/hooks/useGeoJsonLayers';
import { COLORS, MAP_TEXT_FONT } from '../map/style';

export const INCIDENTS_SOURCE = 'incidents';

const gradeColor: ExpressionSpecification = [
  'match',
  ['get', 'grade'],
  'I', COLORS.grade.I,
  'II', COLORS.grade.II,
  'III', COLORS.grade.III,
  'IV', COLORS.grade.IV,
  COLORS.grade.none,
];

/** Overdue acknowledgements ring in their own colour, whatever their grade (ungraded ones were plain grey). */
const ringColor: ExpressionSpecification = ['case', ['get', 'overdue'], COLORS.ackOverdue, gradeColor];

const label = (id: string, unacked: boolean): GeoJsonLayer => ({
  id,
  type: 'symbol',
  source: INCIDENTS_SOURCE,
  filter: ['==', ['get', 'unacked'], unacked],
  // Unacknowledged incidents are named at every zoom (the district overview too): which one is waiting
  // must be readable without zooming in. The rest from street level.
  ...(unacked ? {} : { minzoom: 11 }),
  layout: {
    'text-field': ['get', 'label'],
    'text-font': MAP_TEXT_FONT,
    'text-size': unacked ? 13 : 12,
    'text-offset': [0, 1.3],
    'text-anchor': 'top',
    'text-max-width': 12,
    // Where labels collide, the overdue one is placed first (lower sort keys go first).
    'symbol-sort-key': ['case', ['get', 'overdue'], 0, 1],
  },
  paint: {
    'text-color': unacked ? ['case', ['get', 'overdue'], '#ffd6f6', '#ffffff'] : '#ffffff',
    'text-halo-color': '#1a0606',
    'text-halo-width': 1.6,
  },
});

export const INCIDENT_LAYERS: readonly GeoJsonLayer[] = [
  {
    // Animated halo under unacknowledged incidents (radius/opacity driven by usePulse).
    id: 'incidents-pulse',
    type: 'circle',
    source: INCIDENTS_SOURCE,
    filter: ['==', ['get', 'unacked'], true],
    paint: {
      'circle-radius': 11,
      // No tweening: the halo blinks between two sizes, so the map draws one frame per blink
      // instead of animating continuously (a 24/7 console on a software-GL desk PC stays responsive).
      'circle-radius-transition': { duration: 0, delay: 0 },
      'circle-color': ringColor,
      'circle-opacity': 0.5,
      'circle-opacity-transition': { duration: 0, delay: 0 },
      'circle-stroke-color': ringColor,
      'circle-stroke-width': ['case', ['get', 'overdue'], 3, 2],
      'circle-stroke-opacity': 0.95,
      'circle-stroke-opacity-transition': { duration: 0, delay: 0 },
    },
  },
  {
    id: 'incidents-circle',
    type: 'circle',
    source: INCIDENTS_SOURCE,
    paint: {
      'circle-radius': ['case', ['get', 'unacked'], 11, 8.5],
      'circle-color': gradeColor,
      // A white ring marks an incident (teams and facilities have dark or light-tinted rings).
      'circle-stroke-color': ['case', ['get', 'overdue'], COLORS.ackOverdue, '#ffffff'],
      'circle-stroke-width': ['case', ['get', 'unacked'], 3.5, 2.5],
    },
  },
  {
    id: 'incidents-core',
    type: 'circle',
    source: INCIDENTS_SOURCE,
    paint: { 'circle-radius': 2.5, 'circle-color': '#0b1220' },
  },
  label('incidents-label', false),
  // Above the others: placed first where labels collide.
  label('incidents-label-unacked', true),
  {
    id: 'incidents-selected',
    type: 'circle',
    source: INCIDENTS_SOURCE,
    filter: ['==', ['get', 'selected'], true],
    paint: {
      'circle-radius': 17,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#5ee7ff',
      'circle-stroke-width': 3,
    },
  },
];
