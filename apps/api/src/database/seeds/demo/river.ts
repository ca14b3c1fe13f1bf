import { LANDMARK_OFFSETS_M } from './landmarks.js';
import { toPosition, type Vec } from './local-frame.js';
import type { AreaTester } from './planar.js';
import type { Rng } from './prng.js';
import { sampleCurve, wobble } from './roads/curves.js';

/** The 淄河, flowing south to north about 60 m west of the riverbank landmark; clipped to the district. */
export function layoutRiver(rng: Rng, district: AreaTester): { name: string; coordinates: [number, number][] } {
  const [bx, by] = LANDMARK_OFFSETS_M.riverbank;
  const w = wobble(rng, rng.range(500, 900), rng.range(9_000, 15_000));
  const points = sampleCurve((y): Vec => [bx - 60 + w(y - by) - w(0), y], -16_000, 16_000, 250, by);
  const inside = points.filter((p) => district.contains(p));
  return { name: '淄河', coordinates: inside.map(toPosition) };
}
