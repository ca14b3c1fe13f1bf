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

/** A map cell's key: its indices themselves, as a negative number, so no id's key (≥ 0) can take it. */
function cellKey(x: number, y: number): string {
  return String(-1 - ((x + 20_000) * 40_000 + (y + 20_000)));
}

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
    const reach = config.baseRadiusM + 2 * Math.min(call.location.accuracyM ?? 0, config.maxAccuracyM);
    const { dLng, dLat } = degreesForMetres(reach, call.location.lat);
    for (let x = Math.floor((call.location.lng - dLng) / CELL_DEG); x <= Math.floor((call.location.lng + dLng) / CELL_DEG); x++) {
      for (let y = Math.floor((call.location.lat - dLat) / CELL_DEG); y <= Math.floor((call.location.lat + dLat) / CELL_DEG); y++) {
        keys.add(cellKey(x, y));
      }
    }
  }
  return [...keys].sort();
}
