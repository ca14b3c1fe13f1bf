import type { Vec } from './local-frame.js';
import type { Rng } from './prng.js';

/**
 * A jittered square lattice: (nx + 1) × (ny + 1) vertices bounding nx × ny quad cells. Regions are unions
 * of cells, so neighbouring regions share their boundary vertices exactly and tile without gaps. As long
 * as every vertex stays within half a spacing (per axis) of its nominal place, each cell remains a simple,
 * counter-clockwise quad and the cells never overlap; `maxOffset` enforces that.
 */
export interface Lattice {
  nx: number;
  ny: number;
  spacing: number;
  x0: number;
  y0: number;
  vx: Float64Array;
  vy: Float64Array;
}

/** Largest per-axis vertex displacement from the nominal grid, as a fraction of the spacing. */
export const MAX_OFFSET = 0.45;

export function createLattice(rng: Rng, halfWidth: number, halfHeight: number, spacing: number, jitter: number): Lattice {
  const nx = Math.ceil((2 * halfWidth) / spacing);
  const ny = Math.ceil((2 * halfHeight) / spacing);
  const x0 = -(nx * spacing) / 2;
  const y0 = -(ny * spacing) / 2;
  const vx = new Float64Array((nx + 1) * (ny + 1));
  const vy = new Float64Array((nx + 1) * (ny + 1));
  const j0 = Math.min(jitter, MAX_OFFSET);
  for (let j = 0; j <= ny; j++) {
    for (let i = 0; i <= nx; i++) {
      const v = j * (nx + 1) + i;
      vx[v] = x0 + i * spacing + rng.range(-j0, j0) * spacing;
      vy[v] = y0 + j * spacing + rng.range(-j0, j0) * spacing;
    }
  }
  return { nx, ny, spacing, x0, y0, vx, vy };
}

export const vertexId = (l: Lattice, i: number, j: number): number => j * (l.nx + 1) + i;
export const cellId = (l: Lattice, i: number, j: number): number => j * l.nx + i;
export const vertexAt = (l: Lattice, v: number): Vec => [l.vx[v], l.vy[v]];

/** Nominal (unjittered) position of vertex (i, j). */
export const nominalVertex = (l: Lattice, i: number, j: number): Vec => [l.x0 + i * l.spacing, l.y0 + j * l.spacing];

/** Mean of the cell's four corners: strictly inside the (simple, star-shaped) quad. */
export function cellCenter(l: Lattice, i: number, j: number): Vec {
  const a = vertexId(l, i, j);
  const b = a + 1;
  const c = a + l.nx + 2;
  const d = a + l.nx + 1;
  return [(l.vx[a] + l.vx[b] + l.vx[c] + l.vx[d]) / 4, (l.vy[a] + l.vy[b] + l.vy[c] + l.vy[d]) / 4];
}
