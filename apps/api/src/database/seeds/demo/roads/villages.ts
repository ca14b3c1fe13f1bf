import type { Vec } from '../local-frame.js';
import { densify, dist, PointBuckets } from '../planar.js';
import type { Rng } from '../prng.js';
import type { RawRoad } from './raw-road.js';
import { StreetGrid } from './street-grid.js';

export interface VillageOptions {
  count: number;
  /** Candidate centre generator (already inside the district). */
  candidate: () => Vec;
  /** Centres must keep this far from town seats and from each other. */
  avoid: readonly Vec[];
  inDistrict: (p: Vec) => boolean;
  grids: readonly StreetGrid[];
}

/**
 * Villages: tiny street clusters scattered over the countryside, each tied by a lane to the nearest vertex
 * of the roads laid so far.
 */
export function layoutVillages(rng: Rng, roads: readonly RawRoad[], options: VillageOptions): RawRoad[] {
  const centres: Vec[] = [];
  for (let attempt = 0; attempt < options.count * 20 && centres.length < options.count; attempt++) {
    const c = options.candidate();
    if (options.grids.some((g) => g.contains(c))) continue;
    if (options.avoid.some((a) => dist(a, c) < 2_000) || centres.some((v) => dist(v, c) < 900)) continue;
    centres.push(c);
  }
  const anchors = new PointBuckets(roads.filter((r) => !r.gradeSeparated).flatMap((r) => r.points));
  const out: RawRoad[] = [];
  for (const centre of centres) {
    const radius = rng.range(180, 330);
    const village = new StreetGrid(rng, {
      origin: centre,
      angle: rng.range(-0.5, 0.5),
      spacing: rng.range(100, 140),
      reach: 3,
      include: (p) => dist(p, centre) <= radius && options.inDistrict(p),
      gapChance: 0.03,
      speedKmh: 20,
    });
    out.push(...village.roads);
    const best = anchors.nearest(centre);
    if (best && dist(best, centre) > 0) out.push({ roadClass: 'residential', name: null, speedKmh: 20, points: densify([centre, best], 200) });
  }
  return out;
}
