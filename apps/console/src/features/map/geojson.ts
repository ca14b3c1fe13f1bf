import type { Feature, FeatureCollection, Geometry, LngLat, Point } from '@beacon/domain';

export type Props = Record<string, string | number | boolean | null>;

export function emptyCollection<G extends Geometry = Geometry>(): FeatureCollection<G, Props> {
  return { type: 'FeatureCollection', features: [] };
}

export function pointFeature(id: string, at: LngLat, properties: Props): Feature<Point, Props> {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [at.lng, at.lat] }, properties: { id, ...properties } };
}

export function collection<G extends Geometry>(features: Feature<G, Props>[]): FeatureCollection<G, Props> {
  return { type: 'FeatureCollection', features };
}

/** A position as an officer reads it: longitude, latitude, five decimals (about a metre). */
export function formatLngLat(at: LngLat): string {
  return `${at.lng.toFixed(5)}, ${at.lat.toFixed(5)}`;
}
