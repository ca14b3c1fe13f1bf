import { cellId, vertexAt, vertexId, type Lattice } from './lattice.js';
import type { Vec } from './local-frame.js';
import { pointInRing, signedArea2 } from './planar.js';

/** Lattice directions of boundary edges. */
const E = 0;
const N = 1;
const W = 2;
const S = 3;

interface Edge {
  from: number;
  to: number;
  dir: number;
}

/**
 * Rings (as vertex ids, not closed) bounding the cells where `member` is true, with the region on the
 * left: outer rings run counter-clockwise, holes clockwise. Where a region touches itself at a corner the
 * trace turns left, so rings may touch there but never cross.
 */
export function traceRings(l: Lattice, member: (cell: number) => boolean): number[][] {
  const edges: Edge[] = [];
  const outgoing = new Map<number, number[]>();
  const inside = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < l.nx && j < l.ny && member(cellId(l, i, j));
  const add = (from: number, to: number, dir: number): void => {
    const list = outgoing.get(from);
    if (list) list.push(edges.length);
    else outgoing.set(from, [edges.length]);
    edges.push({ from, to, dir });
  };
  for (let j = 0; j < l.ny; j++) {
    for (let i = 0; i < l.nx; i++) {
      if (!inside(i, j)) continue;
      const sw = vertexId(l, i, j);
      const se = sw + 1;
      const ne = se + l.nx + 1;
      const nw = sw + l.nx + 1;
      if (!inside(i, j - 1)) add(sw, se, E);
      if (!inside(i + 1, j)) add(se, ne, N);
      if (!inside(i, j + 1)) add(ne, nw, W);
      if (!inside(i - 1, j)) add(nw, sw, S);
    }
  }

  const used = new Uint8Array(edges.length);
  const rings: number[][] = [];
  for (let first = 0; first < edges.length; first++) {
    if (used[first]) continue;
    const ring: number[] = [];
    let e = first;
    do {
      used[e] = 1;
      ring.push(edges[e].from);
      const { to, dir } = edges[e];
      const candidates = outgoing.get(to) ?? [];
      const preference = [(dir + 1) % 4, dir, (dir + 3) % 4];
      let next = -1;
      for (const want of preference) {
        next = candidates.find((c) => edges[c].dir === want) ?? -1;
        if (next >= 0) break;
      }
      if (next < 0) throw new Error('boundary trace: open ring (lattice corrupted)');
      e = next;
    } while (e !== first);
    rings.push(ring);
  }
  return rings;
}

/** Groups rings into polygons: each counter-clockwise ring with the clockwise rings inside it. */
export function groupRings(rings: readonly Vec[][]): Vec[][][] {
  const outers = rings.filter((r) => signedArea2(r) > 0).sort((a, b) => signedArea2(b) - signedArea2(a));
  const holes = rings.filter((r) => signedArea2(r) < 0);
  const polygons: Vec[][][] = outers.map((outer) => [outer]);
  for (const hole of holes) {
    // Probe just inside the hole's first edge, on its right (the hole's interior is on the right).
    const [a, b] = [hole[0], hole[1]];
    const probe: Vec = [(a[0] + b[0]) / 2 + (b[1] - a[1]) * 1e-3, (a[1] + b[1]) / 2 - (b[0] - a[0]) * 1e-3];
    let owner = -1;
    for (let k = outers.length - 1; k >= 0; k--) {
      if (pointInRing(probe, outers[k])) {
        owner = k;
        break;
      }
    }
    if (owner >= 0) polygons[owner].push(hole);
  }
  return polygons;
}

export const ringPositions = (l: Lattice, ids: readonly number[]): Vec[] => ids.map((v) => vertexAt(l, v));
