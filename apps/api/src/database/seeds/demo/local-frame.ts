import { EARTH_RADIUS_M, type LngLat } from '@beacon/geo';

/**
 * The generator works in a flat local frame: metres east (x) and north (y) of the district origin,
 * converted to WGS-84 by an equirectangular projection (exact enough over ~30 km, and affine, so
 * straight edges and point-in-polygon relations are preserved). Output coordinates are rounded to
 * 6 decimals (~0.1 m) once, here, so shared vertices stay bit-identical everywhere they appear.
 */
export type Vec = readonly [x: number, y: number];

export const DEMO_ORIGIN: LngLat = { lng: 118.3, lat: 36.8 };

const M_PER_DEG_LAT = (Math.PI / 180) * EARTH_RADIUS_M;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((DEMO_ORIGIN.lat * Math.PI) / 180);

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export function toLngLat(p: Vec): LngLat {
  return { lng: round6(DEMO_ORIGIN.lng + p[0] / M_PER_DEG_LNG), lat: round6(DEMO_ORIGIN.lat + p[1] / M_PER_DEG_LAT) };
}

export function toPosition(p: Vec): [number, number] {
  const { lng, lat } = toLngLat(p);
  return [lng, lat];
}

export function fromLngLat(p: LngLat): Vec {
  return [(p.lng - DEMO_ORIGIN.lng) * M_PER_DEG_LNG, (p.lat - DEMO_ORIGIN.lat) * M_PER_DEG_LAT];
}
