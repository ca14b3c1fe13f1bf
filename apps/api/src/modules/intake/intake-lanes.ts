import type { BBox } from '@beacon/geo';

/**
 * Intake lanes: the receiving jurisdiction's area cut into bands of longitude, each band with its
 * own group commit. A scattered surge (a rainstorm night across the district) then runs one batch
 * per band at once: batches of one band nearly always share a map cell and would only wait on each
 * other's cell locks, batches of two bands rarely do. Lanes are about throughput only — the cell
 * and case-id locks still decide correctness, so calls about one event on either side of a band's
 * edge (or on two API instances) still serialise and link.
 */
export function laneOf(lng: number | null | undefined, area: BBox | null, lanes: number): number {
  if (lanes <= 1 || lng === null || lng === undefined || !area) return 0;
  const [west, , east] = area;
  if (!(east > west)) return 0;
  const band = Math.floor(((lng - west) / (east - west)) * lanes);
  return Math.min(lanes - 1, Math.max(0, band));
}
