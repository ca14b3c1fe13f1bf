import { hash } from 'node:crypto';
import type { LinkingConfig } from '@beacon/domain';
import { degreesForMetres } from '@beacon/geo';

/** Cells of ~0.01° (≈1.1 × 0.9 km here): a typical call (accuracy ≤ 100 m) locks one to four. */
const CELL_DEG = 0.01;

function key(text: string): string {
  // Advisory locks take a bigint: the first 8 bytes of a SHA-1, as a signed 64-bit decimal (one-shot
  // hash(): a call takes several keys, and a Hash object each cost a quarter more).
  return hash('sha1', text, 'buffer').readBigInt64BE(0).toString();
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
        keys.add(key(`cell:${x}:${y}`));
      }
    }
  }
  return [...keys].sort();
}
