import type { LngLat } from '../types.js';

/** One road polyline: [lng, lat] vertices and its free-flow speed. */
export interface RoadInput {
  coordinates: readonly (readonly number[])[];
  speedKmh: number;
}

export interface RoadGraphOptions {
  /** Speed of the leg between an off-road point and its nearest road node. Default 10 km/h. */
  offRoadSpeedKmh?: number;
  /** Points farther than this from every road node cannot be routed (route → null). Default Infinity. */
  maxSnapDistanceM?: number;
  /** Vertices equal to this many decimal places of a degree become one node. Default 7 (~1 cm). */
  snapDecimals?: number;
}

/** 'time' minimises travel time (fastest, the default); 'distance' minimises length (shortest). */
export type RouteMetric = 'time' | 'distance';

export interface RouteOptions {
  metric?: RouteMetric;
}

export interface RouteResult {
  /** Total length including both off-road legs, metres. */
  distanceM: number;
  /** Total travel time including both off-road legs, seconds. */
  durationS: number;
  /** from, the road nodes traversed, to (consecutive duplicates removed). */
  path: LngLat[];
  /** Road nodes traversed, in order. */
  nodeIds: number[];
}

export interface SnappedNode {
  nodeId: number;
  position: LngLat;
  /** Distance from the query point to the node, metres. */
  distanceM: number;
}
