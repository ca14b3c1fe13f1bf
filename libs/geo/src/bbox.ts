import type { BBox, Geometry, LngLat } from './types.js';

/** Thrown by {@link parseBBox}; `message` is safe to show to an API client. */
export class BBoxParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BBoxParseError';
  }
}

/** Smallest bbox holding every point, or null when there are none. */
export function bboxOfPoints(points: Iterable<LngLat>): BBox | null {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const p of points) {
    if (p.lng < minLng) minLng = p.lng;
    if (p.lat < minLat) minLat = p.lat;
    if (p.lng > maxLng) maxLng = p.lng;
    if (p.lat > maxLat) maxLat = p.lat;
  }
  return minLng === Infinity ? null : [minLng, minLat, maxLng, maxLat];
}

function* positionsOf(geometry: Geometry): Generator<LngLat> {
  switch (geometry.type) {
    case 'Point':
      yield { lng: geometry.coordinates[0], lat: geometry.coordinates[1] };
      return;
    case 'LineString':
      for (const c of geometry.coordinates) yield { lng: c[0], lat: c[1] };
      return;
    case 'Polygon':
      for (const ring of geometry.coordinates) for (const c of ring) yield { lng: c[0], lat: c[1] };
      return;
    case 'MultiPolygon':
      for (const poly of geometry.coordinates)
        for (const ring of poly) for (const c of ring) yield { lng: c[0], lat: c[1] };
      return;
  }
}

/** Bbox of every vertex of a geometry, or null for an empty one. */
export function bboxOfGeometry(geometry: Geometry): BBox | null {
  return bboxOfPoints(positionsOf(geometry));
}

/** True when the point lies inside or on the edge of the bbox. */
export function bboxContains(bbox: BBox, point: LngLat): boolean {
  return point.lng >= bbox[0] && point.lng <= bbox[2] && point.lat >= bbox[1] && point.lat <= bbox[3];
}

/** True when the two bboxes share at least one point. */
export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses the `bbox=minLng,minLat,maxLng,maxLat` query-string form.
 * Rejects anything but four finite numbers within WGS-84 ranges with min ≤ max
 * (bboxes crossing the antimeridian are not supported).
 */
export function parseBBox(text: string): BBox {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 4) throw new BBoxParseError('bbox must be four comma-separated numbers: minLng,minLat,maxLng,maxLat');
  const values = parts.map((part) => {
    if (!NUMBER.test(part)) throw new BBoxParseError(`bbox value "${part}" is not a number`);
    return Number(part);
  });
  const [minLng, minLat, maxLng, maxLat] = values as [number, number, number, number];
  for (const lng of [minLng, maxLng]) {
    if (!(lng >= -180 && lng <= 180)) throw new BBoxParseError('bbox longitude must be within [-180, 180]');
  }
  for (const lat of [minLat, maxLat]) {
    if (!(lat >= -90 && lat <= 90)) throw new BBoxParseError('bbox latitude must be within [-90, 90]');
  }
  if (minLng > maxLng) throw new BBoxParseError('bbox minLng must not exceed maxLng');
  if (minLat > maxLat) throw new BBoxParseError('bbox minLat must not exceed maxLat');
  return [minLng, minLat, maxLng, maxLat];
}
