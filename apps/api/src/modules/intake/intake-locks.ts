import type { LinkingConfig } from '@beacon/domain';
import { degreesForMetres } from '@beacon/geo';

/** Cells of ~0.01° (≈1.1 × 0.9 km here): a typical call (accuracy ≤ 100 m) locks one to four. */
const CELL_DEG = 0.01;

/**
 * An id's advisory lock key (Postgres takes a bigint): cyrb53, a 53-bit string hash, as a decimal in
 * [0, 2^53). Not cryptographic, and need not be: two ids sharing a key only make their calls wait for
 * each other. (A SHA-1 per key cost ~1 % of the API's CPU in an intake surge.)
 */
function key(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return String(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

/** Beyond this latitude a call locks its polar cap, not cells. */
const POLAR_LAT = 85;

/** A map cell's key: its indices themselves, as a negative number, so no id's key (≥ 0) can take it. */
function cellKey(x: number, y: number): string {
  return String(-1 - ((x + 20_000) * 40_000 + (y + 20_000)));
}

// Below every cell's key (cells reach -1 - 40,000 × 40,000 at most).
const NORTH_CAP_KEY = String(-2_000_000_000);
const SOUTH_CAP_KEY = String(-2_000_000_001);

/**
 * Which advisory locks an intake transaction takes so that racing calls decide consistently:
 * the call's own (source, externalId) for idempotency, every external id it cross-references,
 * and every map cell its link radius touches (two calls about one fire serialise; calls across
 * the district run in parallel).
 */
export function intakeLockKeys(
  call: { source: string; externalId: string; relatedExternalIds?: string[]; location?: { lng: number; lat: number; accuracyM?: number } },
  config: LinkingConfig,
): string[] {
  const keys = new Set<string>([key(`call:${call.source}:${call.externalId}`)]);
  for (const id of [call.externalId, ...(call.relatedExternalIds ?? [])]) keys.add(key(`xref:${id}`));
  if (call.location) {
    const { lng, lat } = call.location;
    const reach = config.baseRadiusM + 2 * Math.min(call.location.accuracyM ?? 0, config.maxAccuracyM);
    // Towards a pole a degree of longitude shrinks to nothing and the cells a reach spans grow without
    // bound (at 90° every cell of the parallel). So the polar caps beyond ±85° are one lock each, and
    // cells are counted only up to them, as wide as at 85° at most.
    const { dLng, dLat } = degreesForMetres(reach, Math.max(-POLAR_LAT, Math.min(POLAR_LAT, lat)));
    if (lat + dLat > POLAR_LAT) keys.add(NORTH_CAP_KEY);
    if (lat - dLat < -POLAR_LAT) keys.add(SOUTH_CAP_KEY);
    const [south, north] = [Math.max(-POLAR_LAT, lat - dLat), Math.min(POLAR_LAT, lat + dLat)];
    const [west, east] = [Math.max(-180, lng - dLng), Math.min(180, lng + dLng)];
    for (let x = Math.floor(west / CELL_DEG); south <= north && x <= Math.floor(east / CELL_DEG); x++) {
      for (let y = Math.floor(south / CELL_DEG); y <= Math.floor(north / CELL_DEG); y++) {
        keys.add(cellKey(x, y));
      }
    }
  }
  return [...keys].sort();
}
