import type { Vec } from './local-frame.js';
import { RURAL_TOWNS, URBAN_TOWNS, type TownSpec } from './names.js';
import type { Rng } from './prng.js';

/** Semi-axes of the district's base ellipse: ~30 km east–west by ~25 km north–south. */
export const SEMI_X = 15_000;
export const SEMI_Y = 12_500;
/** Bounds of the boundary's radius, relative to the base ellipse. Landmarks sit within 0.72. */
export const MIN_RADIUS = 0.8;
export const MAX_RADIUS = 1.15;

/** Normalised elliptical radius and bearing of a point. */
export function polar(p: Vec): { rho: number; theta: number } {
  const u = p[0] / SEMI_X;
  const v = p[1] / SEMI_Y;
  return { rho: Math.hypot(u, v), theta: Math.atan2(v, u) };
}

/** A star-shaped district: a wobbly ellipse whose radius varies with bearing (sum of random harmonics). */
export function districtMask(rng: Rng): (p: Vec) => boolean {
  const harmonics = Array.from({ length: 8 }, (_, i) => ({
    k: i + 2,
    amp: rng.range(0.03, 0.09) / Math.sqrt(i + 1),
    phase: rng.range(0, 2 * Math.PI),
  }));
  const raw = (theta: number): number => harmonics.reduce((s, h) => s + h.amp * Math.sin(h.k * theta + h.phase), 0);
  let lo = 0;
  let hi = 0;
  for (let s = 0; s < 720; s++) {
    const r = raw((s / 720) * 2 * Math.PI);
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  // Scale the wobble so the radius stays within [MIN_RADIUS + margin, MAX_RADIUS].
  const scale = Math.min(1, (1 - MIN_RADIUS - 0.02) / Math.max(1e-9, -lo), (MAX_RADIUS - 1) / Math.max(1e-9, hi));
  return (p) => {
    const { rho, theta } = polar(p);
    return rho < 1 + scale * raw(theta);
  };
}

export interface TownSeed {
  spec: TownSpec;
  /** Seat (government) position, metres. */
  seat: Vec;
  /** Multiplicative weight: smaller seeds win less ground (urban sub-districts are compact). */
  weight: number;
}

const deg = Math.PI / 180;

/** Seats: the district seat near the origin, three urban sub-districts around it, six towns on an outer ring. */
export function townSeeds(rng: Rng): TownSeed[] {
  const urbanBearings = [150, -90, 30];
  const ruralBearings = [90, 30, -30, -90, -150, 150];
  const seeds: TownSeed[] = [
    { spec: URBAN_TOWNS[0], seat: [rng.range(-300, 300), rng.range(-300, 300)], weight: 0.85 },
  ];
  urbanBearings.forEach((bearing, i) => {
    const theta = (bearing + rng.range(-8, 8)) * deg;
    const r = rng.range(3200, 3800);
    seeds.push({ spec: URBAN_TOWNS[i + 1], seat: [r * Math.cos(theta), r * Math.sin(theta)], weight: 0.8 });
  });
  ruralBearings.forEach((bearing, i) => {
    const theta = (bearing + rng.range(-10, 10)) * deg;
    const rho = rng.range(0.55, 0.65);
    seeds.push({ spec: RURAL_TOWNS[i], seat: [rho * SEMI_X * Math.cos(theta), rho * SEMI_Y * Math.sin(theta)], weight: 1 });
  });
  return seeds;
}

/**
 * Assigns a point to the town with the smallest weighted distance to its seat, measured after a smooth
 * random warp of the point, so town borders meander instead of being straight Voronoi edges.
 */
export function townAssigner(rng: Rng, seeds: readonly TownSeed[]): (p: Vec) => number {
  const waves = Array.from({ length: 6 }, () => {
    const angle = rng.range(0, 2 * Math.PI);
    return {
      dx: Math.cos(angle),
      dy: Math.sin(angle),
      k: (2 * Math.PI) / rng.range(2500, 7000),
      phase: rng.range(0, 2 * Math.PI),
      amp: rng.range(200, 450),
    };
  });
  return (p) => {
    let wx = 0;
    let wy = 0;
    waves.forEach((w, i) => {
      const s = w.amp * Math.sin(w.k * (w.dx * p[0] + w.dy * p[1]) + w.phase);
      if (i % 2 === 0) wx += s;
      else wy += s;
    });
    const q: Vec = [p[0] + wx, p[1] + wy];
    let best = 0;
    let bestD = Infinity;
    seeds.forEach((seed, i) => {
      const d = Math.hypot(q[0] - seed.seat[0], q[1] - seed.seat[1]) / seed.weight;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };
}

/** A wobbly outline around the district standing in for the city boundary (radius 1.7–2.3 × the district's). */
export function cityOutline(rng: Rng): Vec[] {
  const phases = [rng.range(0, 6.3), rng.range(0, 6.3), rng.range(0, 6.3)];
  const out: Vec[] = [];
  for (let s = 0; s < 96; s++) {
    const theta = (s / 96) * 2 * Math.PI;
    const r = 2 + 0.15 * Math.sin(2 * theta + phases[0]) + 0.1 * Math.sin(3 * theta + phases[1]) + 0.05 * Math.sin(7 * theta + phases[2]);
    out.push([r * SEMI_X * Math.cos(theta), r * SEMI_Y * Math.sin(theta)]);
  }
  return out;
}
