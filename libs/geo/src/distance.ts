import type { LngLat } from './types.js';

/** IUGG mean Earth radius, metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two WGS-84 positions (haversine formula). */
export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Metres in one degree of latitude (and of longitude at the equator) on the same sphere as haversineMeters. */
export const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/**
 * The half-widths in degrees of a box reaching `metres` each way from a point at latitude `lat`:
 * a prefilter that keeps every point within that great-circle distance (a degree of longitude
 * shrinks by cos(latitude)).
 */
export function degreesForMetres(metres: number, lat: number): { dLng: number; dLat: number } {
  return { dLng: metres / (METRES_PER_DEGREE * Math.cos(lat * RAD)), dLat: metres / METRES_PER_DEGREE };
}
