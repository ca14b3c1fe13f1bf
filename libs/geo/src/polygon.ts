import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid as turfCentroid } from '@turf/centroid';
import type { AreaGeometry, LngLat } from './types.js';

export interface PointInPolygonOptions {
  /** When true a point exactly on an edge counts as outside. Default false (edges are inside). */
  ignoreBoundary?: boolean;
}

/** Whether a point lies in a Polygon or MultiPolygon, holes excluded. */
export function pointInPolygon(point: LngLat, geometry: AreaGeometry, options: PointInPolygonOptions = {}): boolean {
  return booleanPointInPolygon([point.lng, point.lat], geometry, { ignoreBoundary: options.ignoreBoundary ?? false });
}

/** Geodesic area in square metres (holes subtracted). */
export function polygonAreaM2(geometry: AreaGeometry): number {
  return area(geometry);
}

/**
 * Mean of the polygon's vertices (Turf's centroid). Cheap and stable, but for a concave shape it may fall
 * outside; use {@link interiorPoint} for a label/anchor point that is guaranteed to be inside.
 */
export function centroid(geometry: AreaGeometry): LngLat {
  const [lng, lat] = turfCentroid(geometry).geometry.coordinates as [number, number];
  return { lng, lat };
}

/** The polygons of a geometry (one for a Polygon). */
function polygonsOf(geometry: AreaGeometry): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * A point guaranteed to lie inside the geometry: the centroid when it is inside, otherwise the midpoint
 * of the widest inside span of the horizontal line through the centroid (or through the middle of the
 * largest polygon's extent when that line misses it). Returns null only for a degenerate geometry.
 */
export function interiorPoint(geometry: AreaGeometry): LngLat | null {
  const c = centroid(geometry);
  if (pointInPolygon(c, geometry, { ignoreBoundary: true })) return c;
  const candidateLats = [c.lat];
  for (const polygon of polygonsOf(geometry)) {
    const outer = polygon[0] ?? [];
    let minLat = Infinity;
    let maxLat = -Infinity;
    for (const p of outer) {
      minLat = Math.min(minLat, p[1]);
      maxLat = Math.max(maxLat, p[1]);
    }
    if (minLat < maxLat) candidateLats.push((minLat + maxLat) / 2, minLat + (maxLat - minLat) / 3, maxLat - (maxLat - minLat) / 3);
  }
  for (const lat of candidateLats) {
    const best = widestSpan(geometry, lat);
    if (best) return best;
  }
  return null;
}

/** Midpoint of the widest inside interval of the line y = lat (even-odd over every ring). */
function widestSpan(geometry: AreaGeometry, lat: number): LngLat | null {
  const xs: number[] = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1, y1] = ring[i] as [number, number];
        const [x2, y2] = ring[j] as [number, number];
        if (y1 > lat !== y2 > lat) xs.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
  }
  xs.sort((a, b) => a - b);
  let best: LngLat | null = null;
  let bestWidth = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = xs[i + 1] - xs[i];
    if (width > bestWidth) {
      bestWidth = width;
      best = { lng: (xs[i] + xs[i + 1]) / 2, lat };
    }
  }
  return best;
}
