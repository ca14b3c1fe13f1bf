import type { Vec } from '../local-frame.js';
import { add, dist } from '../planar.js';
import type { Rng } from '../prng.js';
import type { RawRoad } from './raw-road.js';

export interface StreetGridOptions {
  origin: Vec;
  /** Rotation of the grid, radians. */
  angle: number;
  spacing: number;
  /** Grid extent in lattice steps from the origin, each way. */
  reach: number;
  /** Whether a (jittered) lattice point belongs to the grid. */
  include: (p: Vec) => boolean;
  /** Chance that a single block edge is missing (dead ends, irregular blocks). */
  gapChance: number;
  speedKmh: number;
  /** Every `collectorEvery`-th row/column is a named tertiary collector street. */
  collectorEvery?: number;
  collectorName?: (axis: 'row' | 'column', index: number) => string;
}

/**
 * A jittered, rotated street lattice around an origin. The origin itself is an unjittered lattice point,
 * rows and columns are roads sharing their crossing vertices, so the grid is internally connected apart
 * from the occasional missing block edge.
 */
export class StreetGrid {
  readonly origin: Vec;
  private readonly cos: number;
  private readonly sin: number;
  private readonly spacing: number;
  /** Distance from the origin beyond which no grid point can lie. */
  private extent = 0;
  private readonly points = new Map<string, Vec>();
  readonly roads: RawRoad[] = [];

  constructor(rng: Rng, options: StreetGridOptions) {
    this.origin = options.origin;
    this.cos = Math.cos(options.angle);
    this.sin = Math.sin(options.angle);
    this.spacing = options.spacing;
    const { reach, spacing, include } = options;
    const jitter = 0.15 * spacing;
    for (let v = -reach; v <= reach; v++) {
      for (let u = -reach; u <= reach; u++) {
        const local: Vec = u === 0 && v === 0 ? [0, 0] : [u * spacing + rng.range(-jitter, jitter), v * spacing + rng.range(-jitter, jitter)];
        const p = add(options.origin, [local[0] * this.cos - local[1] * this.sin, local[0] * this.sin + local[1] * this.cos]);
        if (include(p)) {
          this.points.set(`${u},${v}`, p);
          this.extent = Math.max(this.extent, dist(p, options.origin) + spacing);
        }
      }
    }
    const lines: { axis: 'row' | 'column'; index: number; cells: (Vec | undefined)[] }[] = [];
    for (let v = -reach; v <= reach; v++) {
      lines.push({ axis: 'row', index: v, cells: Array.from({ length: 2 * reach + 1 }, (_, k) => this.points.get(`${k - reach},${v}`)) });
    }
    for (let u = -reach; u <= reach; u++) {
      lines.push({ axis: 'column', index: u, cells: Array.from({ length: 2 * reach + 1 }, (_, k) => this.points.get(`${u},${k - reach}`)) });
    }
    for (const line of lines) {
      const collector = options.collectorEvery !== undefined && line.index % options.collectorEvery === 0;
      let run: Vec[] = [];
      const flush = (): void => {
        if (run.length >= 2) {
          this.roads.push({
            roadClass: collector ? 'tertiary' : 'residential',
            name: collector && options.collectorName ? options.collectorName(line.axis, line.index) : null,
            speedKmh: collector ? 40 : options.speedKmh,
            points: run,
          });
        }
        run = [];
      };
      for (const p of line.cells) {
        if (!p) {
          flush();
          continue;
        }
        if (run.length > 0 && !collector && rng.chance(options.gapChance)) flush();
        run.push(p);
      }
      flush();
    }
  }

  get vertexCount(): number {
    return this.points.size;
  }

  private lattice(p: Vec): Vec {
    const dx = p[0] - this.origin[0];
    const dy = p[1] - this.origin[1];
    return [(dx * this.cos + dy * this.sin) / this.spacing, (-dx * this.sin + dy * this.cos) / this.spacing];
  }

  /** Whether the point lies within the grid's built-up area (its nearest lattice site is occupied). */
  contains(p: Vec): boolean {
    if (Math.abs(p[0] - this.origin[0]) > this.extent || Math.abs(p[1] - this.origin[1]) > this.extent) return false;
    const [u, v] = this.lattice(p);
    return this.points.has(`${Math.round(u)},${Math.round(v)}`);
  }

  /** Nearest grid vertex within two lattice steps of the point, or null. */
  nearestVertex(p: Vec): Vec | null {
    const [u, v] = this.lattice(p);
    let best: Vec | null = null;
    let bestD = Infinity;
    for (let dv = -2; dv <= 2; dv++) {
      for (let du = -2; du <= 2; du++) {
        const q = this.points.get(`${Math.round(u) + du},${Math.round(v) + dv}`);
        if (q && dist(p, q) < bestD) {
          bestD = dist(p, q);
          best = q;
        }
      }
    }
    return best;
  }
}
