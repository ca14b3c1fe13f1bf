/** WGS-84 longitude/latitude in degrees, the one position shape on the wire. */
export interface LngLat {
  lng: number;
  lat: number;
}

export type Polygon = { type: 'Polygon'; coordinates: number[][][] };
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: number[][][][] };
export type LineString = { type: 'LineString'; coordinates: number[][] };
export type Point = { type: 'Point'; coordinates: number[] };
export type Geometry = Polygon | MultiPolygon | LineString | Point;

export interface Feature<G extends Geometry = Geometry, P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
}

export interface FeatureCollection<G extends Geometry = Geometry, P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}
