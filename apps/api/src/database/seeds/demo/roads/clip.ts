import type { Vec } from '../local-frame.js';
import { lerp } from '../planar.js';
import type { RawRoad } from './raw-road.js';

/** Last inside point on segment a (inside) → b (outside), found by bisection to ~1 m. */
function exitPoint(a: Vec, b: Vec, inside: (p: Vec) => boolean): Vec {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (inside(lerp(a, b, mid))) lo = mid;
    else hi = mid;
  }
  return lerp(a, b, lo);
}

/** Keeps the parts of each road inside the area, cutting at (just inside) the boundary. */
export function clipRoads(roads: readonly RawRoad[], inside: (p: Vec) => boolean): RawRoad[] {
  const out: RawRoad[] = [];
  for (const road of roads) {
    const flags = road.points.map(inside);
    let run: Vec[] = [];
    for (let i = 0; i < road.points.length; i++) {
      const p = road.points[i];
      if (flags[i]) {
        if (run.length === 0 && i > 0) run.push(exitPoint(p, road.points[i - 1], inside));
        run.push(p);
      } else if (run.length > 0) {
        run.push(exitPoint(road.points[i - 1], p, inside));
        if (run.length >= 2) out.push({ ...road, points: run });
        run = [];
      }
    }
    if (run.length >= 2) out.push({ ...road, points: run });
  }
  return out;
}
