import type { BBox } from '@beacon/geo';
import { GroupCommit } from '../../common/group-commit.js';
import { isSystemicPgError, isTransientPgError } from '../../common/pg-errors.js';

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

export interface LaneSettings {
  lanes: number;
  batchMax: number;
  batchConcurrency: number;
}

/** One group commit per lane, each running `run` for its batches (in the API process or the intake worker thread). */
export function intakeLanes<I, O>(settings: LaneSettings, run: (items: I[]) => Promise<O[]>, onBatch?: (size: number) => void): Array<GroupCommit<I, O>> {
  return Array.from({ length: settings.lanes }, () => {
    const lane = new GroupCommit<I, O>(run, {
      maxBatch: settings.batchMax,
      maxConcurrent: settings.batchConcurrency,
      retryable: isTransientPgError,
      systemic: isSystemicPgError,
    });
    lane.onBatch = onBatch;
    return lane;
  });
}
