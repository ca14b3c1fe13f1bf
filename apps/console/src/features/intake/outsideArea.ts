import type { JurisdictionDto, LngLat } from '@beacon/domain';
import { pointInPolygon } from '@beacon/geo';

/**
 * The officer's own jurisdiction when a picked call position lies outside its boundary, else null (inside,
 * or no boundary to hold it to). The server accepts such a call (border roads, mutual aid; it refuses only
 * positions tens of kilometres off), so the form asks the officer to check rather than refuse: a tap on a
 * zoomed-out map lands kilometres away.
 */
export function outsideOwnArea(location: LngLat, jurisdictions: readonly JurisdictionDto[] | undefined, ownId: string): JurisdictionDto | null {
  const own = jurisdictions?.find((j) => j.id === ownId);
  if (!own?.geometry) return null;
  return pointInPolygon(location, own.geometry) ? null : own;
}
