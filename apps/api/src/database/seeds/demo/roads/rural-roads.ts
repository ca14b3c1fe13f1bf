import type { Vec } from '../local-frame.js';
import { VILLAGE_SUFFIXES, VILLAGE_SURNAMES } from '../names.js';
import { dist } from '../planar.js';
import type { Rng } from '../prng.js';
import { sampleCurve, wobble } from './curves.js';
import type { RawRoad } from './raw-road.js';
import type { StreetGrid } from './street-grid.js';

const STEP = 250;

/** Roughly north–south and east–west farm roads, every ~1.6–2.2 km, with breaks. */
function farmLines(rng: Rng, halfX: number, halfY: number): Vec[][] {
  const lines: Vec[][] = [];
  for (let y = -halfY + rng.range(300, 1500); y < halfY; y += rng.range(1600, 2200)) {
    const w = wobble(rng, rng.range(80, 260), rng.range(3_000, 9_000));
    const [baseY, tilt] = [y, rng.range(-0.025, 0.025)];
    lines.push(sampleCurve((x) => [x, baseY + tilt * x + w(x)], -halfX, halfX, STEP));
  }
  for (let x = -halfX + rng.range(300, 1500); x < halfX; x += rng.range(1600, 2200)) {
    const w = wobble(rng, rng.range(80, 260), rng.range(3_000, 9_000));
    const [baseX, tilt] = [x, rng.range(-0.025, 0.025)];
    lines.push(sampleCurve((y) => [baseX + tilt * y + w(y), y], -halfY, halfY, STEP));
  }
  return lines;
}

/** Splits a polyline into stretches of 3–12 km separated by 0.3–1.2 km breaks. */
function withBreaks(rng: Rng, line: Vec[]): Vec[][] {
  const pieces: Vec[][] = [];
  let current: Vec[] = [];
  let budget = rng.range(3_000, 12_000);
  let gap = 0;
  for (let i = 0; i < line.length; i++) {
    const step = i > 0 ? dist(line[i - 1], line[i]) : 0;
    if (gap > 0) {
      gap -= step;
      continue;
    }
    current.push(line[i]);
    budget -= step;
    if (budget <= 0) {
      pieces.push(current);
      current = [];
      budget = rng.range(3_000, 12_000);
      gap = rng.range(300, 1_200);
    }
  }
  pieces.push(current);
  return pieces.filter((p) => p.length >= 2);
}

/**
 * Tertiary farm roads. Inside a town's street grid they stop, and each cut end is tied to the nearest grid
 * vertex, so the road enters the town through its streets rather than overlapping them.
 */
export function layoutRuralRoads(rng: Rng, halfX: number, halfY: number, grids: readonly StreetGrid[]): RawRoad[] {
  const roads: RawRoad[] = [];
  for (const line of farmLines(rng, halfX, halfY)) {
    for (const piece of withBreaks(rng, line)) {
      let run: Vec[] = [];
      let enteredFrom: StreetGrid | null = null;
      const flush = (exitInto: StreetGrid | null): void => {
        const start = enteredFrom?.nearestVertex(run[0]);
        const end = exitInto?.nearestVertex(run[run.length - 1]);
        const points = [...(start && dist(start, run[0]) < 500 ? [start] : []), ...run, ...(end && dist(end, run[run.length - 1]) < 500 ? [end] : [])];
        if (points.length >= 2) {
          const name = rng.chance(0.7) ? `${rng.pick(VILLAGE_SURNAMES)}${rng.pick(VILLAGE_SUFFIXES)}路` : null;
          roads.push({ roadClass: 'tertiary', name, speedKmh: 40, points });
        }
        run = [];
      };
      for (const p of piece) {
        const grid = grids.find((g) => g.contains(p)) ?? null;
        if (grid) {
          if (run.length > 0) flush(grid);
          enteredFrom = grid;
          continue;
        }
        run.push(p);
      }
      if (run.length > 0) flush(null);
    }
  }
  return roads;
}
