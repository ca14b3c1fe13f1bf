/**
 * Geometry shapes used by @beacon/geo. They are structurally identical to the wire types in
 * @beacon/domain (contracts/geo.ts), so domain DTO values can be passed in directly, while this
 * library stays a leaf package with no workspace dependencies.
 */

/** WGS-84 longitude/latitude in degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

export type Polygon = { type: 'Polygon'; coordinates: number[][][] };
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: number[][][][] };
export type LineString = { type: 'LineString'; coordinates: number[][] };
export type Point = { type: 'Point'; coordinates: number[] };
export type Geometry = Polygon | MultiPolygon | LineString | Point;
export type AreaGeometry = Polygon | MultiPolygon;

/** [minLng, minLat, maxLng, maxLat] in degrees. */
export type BBox = readonly [minLng: number, minLat: number, maxLng: number, maxLat: number];
