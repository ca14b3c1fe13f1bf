import type { Vec } from './local-frame.js';

export const dist = (a: Vec, b: Vec): number => Math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2);
export const lerp = (a: Vec, b: Vec, t: number): Vec => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
export const rotate = (p: Vec, angle: number): Vec => [
  p[0] * Math.cos(angle) - p[1] * Math.sin(angle),
  p[0] * Math.sin(angle) + p[1] * Math.cos(angle),
];
export const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1]];

/** Even-odd point-in-ring test (ring need not repeat its first vertex). */
export function pointInRing(p: Vec, ring: readonly Vec[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside by the even-odd rule over several rings (an outer ring and its holes, or several polygons). */
export function pointInRings(p: Vec, rings: readonly (readonly Vec[])[]): boolean {
  let inside = false;
  for (const ring of rings) if (pointInRing(p, ring)) inside = !inside;
  return inside;
}

/** Twice the signed area; positive for counter-clockwise rings. */
export function signedArea2(ring: readonly Vec[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s;
}

/**
 * Parameters (t along ab, u along cd) where segments ab and cd cross, or null when they do not meet
 * or are parallel. Endpoints count (t, u in [0, 1]).
 */
export function segmentIntersection(a: Vec, b: Vec, c: Vec, d: Vec): { t: number; u: number } | null {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const denom = rx * sy - ry * sx;
  if (Math.abs(denom) < 1e-9 * Math.hypot(rx, ry) * Math.hypot(sx, sy)) return null;
  const qx = c[0] - a[0];
  const qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / denom;
  const u = (qx * ry - qy * rx) / denom;
  const eps = 1e-12;
  return t >= -eps && t <= 1 + eps && u >= -eps && u <= 1 + eps ? { t, u } : null;
}

/** Points along a polyline so no segment is longer than `step` metres (original vertices kept). */
export function densify(points: readonly Vec[], step: number): Vec[] {
  const out: Vec[] = [];
  for (let i = 0; i < points.length; i++) {
    if (i > 0) {
      const a = points[i - 1];
      const b = points[i];
      const n = Math.ceil(dist(a, b) / step);
      for (let k = 1; k < n; k++) out.push(lerp(a, b, k / n));
    }
    out.push(points[i]);
  }
  return out;
}

/**
 * Fast repeated point-in-area tests (even-odd over all rings): edges are bucketed into horizontal bands,
 * so a test only crosses the edges spanning the point's y.
 */
export class AreaTester {
  private readonly minY: number;
  private readonly band: number;
  private readonly bands: number[][][] = [];

  constructor(rings: readonly (readonly Vec[])[], band = 250) {
    this.band = band;
    this.minY = Math.min(...rings.flatMap((r) => r.map((p) => p[1])));
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const edge = [ring[j][0], ring[j][1], ring[i][0], ring[i][1]];
        const lo = Math.floor((Math.min(edge[1], edge[3]) - this.minY) / band);
        const hi = Math.floor((Math.max(edge[1], edge[3]) - this.minY) / band);
        for (let b = lo; b <= hi; b++) (this.bands[b] ??= []).push(edge);
      }
    }
  }

  contains(p: Vec): boolean {
    const edges = this.bands[Math.floor((p[1] - this.minY) / this.band)];
    if (!edges) return false;
    let inside = false;
    for (const [xj, yj, xi, yi] of edges) {
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
}

/** Nearest-point lookups over a fixed point set, bucketed on a square grid. */
export class PointBuckets {
  private readonly cell: number;
  private readonly buckets = new Map<string, Vec[]>();
  private readonly count: number;

  constructor(points: readonly Vec[], cell = 500) {
    this.cell = cell;
    this.count = points.length;
    for (const p of points) {
      const key = `${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`;
      const list = this.buckets.get(key);
      if (list) list.push(p);
      else this.buckets.set(key, [p]);
    }
  }

  /** Nearest point, or null if there are none. */
  nearest(q: Vec): Vec | null {
    if (this.count === 0) return null;
    const ci = Math.floor(q[0] / this.cell);
    const cj = Math.floor(q[1] / this.cell);
    let best: Vec | null = null;
    let bestD = Infinity;
    for (let ring = 0; ; ring++) {
      // Every point in ring r is at least (r - 1) cells away: stop once that exceeds the best found.
      if (best && (ring - 1) * this.cell > bestD) return best;
      for (let dj = -ring; dj <= ring; dj++) {
        for (let di = -ring; di <= ring; di++) {
          if (Math.max(Math.abs(di), Math.abs(dj)) !== ring) continue;
          for (const p of this.buckets.get(`${ci + di},${cj + dj}`) ?? []) {
            const d = dist(p, q);
            if (d < bestD) {
              bestD = d;
              best = p;
            }
          }
        }
      }
      if (ring > 1000) return best;
    }
  }
}
