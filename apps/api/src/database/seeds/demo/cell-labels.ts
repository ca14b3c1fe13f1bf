import { cellCenter, cellId, type Lattice } from './lattice.js';
import type { Vec } from './local-frame.js';

/** Label of cells outside the district; towns are 0..n-1. */
export const OUTSIDE = -1;

export function labelCells(l: Lattice, inDistrict: (p: Vec) => boolean, townOf: (p: Vec) => number): Int16Array {
  const labels = new Int16Array(l.nx * l.ny).fill(OUTSIDE);
  for (let j = 0; j < l.ny; j++) {
    for (let i = 0; i < l.nx; i++) {
      const p = cellCenter(l, i, j);
      if (inDistrict(p)) labels[cellId(l, i, j)] = townOf(p);
    }
  }
  return labels;
}

/** 4-neighbours of a cell, in the order S, E, N, W; -1 beyond the lattice edge. */
function neighbours(l: Lattice, c: number): [number, number, number, number] {
  const i = c % l.nx;
  const j = (c - i) / l.nx;
  return [j > 0 ? c - l.nx : -1, i < l.nx - 1 ? c + 1 : -1, j < l.ny - 1 ? c + l.nx : -1, i > 0 ? c - 1 : -1];
}

/** 4-connected components of cells for which `key` gives the same value. */
function components(l: Lattice, key: (c: number) => number): { of: Int32Array; cells: number[][] } {
  const of = new Int32Array(l.nx * l.ny).fill(-1);
  const cells: number[][] = [];
  for (let start = 0; start < of.length; start++) {
    if (of[start] !== -1) continue;
    const id = cells.length;
    const members: number[] = [];
    const k = key(start);
    const stack = [start];
    of[start] = id;
    while (stack.length > 0) {
      const c = stack.pop() as number;
      members.push(c);
      for (const n of neighbours(l, c)) {
        if (n >= 0 && of[n] === -1 && key(n) === k) {
          of[n] = id;
          stack.push(n);
        }
      }
    }
    cells.push(members);
  }
  return { of, cells };
}

/** Most frequent label among the cells bordering `members`, other than `own` (towns preferred over OUTSIDE). */
function dominantNeighbour(l: Lattice, labels: Int16Array, members: number[], own: number): number {
  const counts = new Map<number, number>();
  for (const c of members) {
    for (const n of neighbours(l, c)) {
      const label = n >= 0 ? labels[n] : OUTSIDE;
      if (label !== own) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  let best = OUTSIDE;
  let bestCount = 0;
  for (const [label, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (label !== OUTSIDE && count > bestCount) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

/** Pass 1: one district piece, no holes in it, every town a single piece. Returns whether anything changed. */
function fixConnectivity(l: Lattice, labels: Int16Array): boolean {
  let changed = false;
  // District: keep the largest piece; holes not reachable from the lattice edge join a neighbouring town.
  const district = components(l, (c) => (labels[c] === OUTSIDE ? 0 : 1));
  let largest = -1;
  district.cells.forEach((members, id) => {
    if (labels[members[0]] !== OUTSIDE && (largest < 0 || members.length > district.cells[largest].length)) largest = id;
  });
  district.cells.forEach((members, id) => {
    const inside = labels[members[0]] !== OUTSIDE;
    if (inside && id !== largest) {
      for (const c of members) labels[c] = OUTSIDE;
      changed = true;
    } else if (!inside && !members.some((c) => neighbours(l, c).includes(-1))) {
      const town = dominantNeighbour(l, labels, members, OUTSIDE);
      for (const c of members) labels[c] = town;
      changed = true;
    }
  });
  // Towns: keep each town's largest piece; strays join their dominant neighbour.
  const towns = components(l, (c) => labels[c]);
  const biggest = new Map<number, number>();
  towns.cells.forEach((members, id) => {
    const label = labels[members[0]];
    const current = biggest.get(label);
    if (label !== OUTSIDE && (current === undefined || members.length > towns.cells[current].length)) biggest.set(label, id);
  });
  towns.cells.forEach((members, id) => {
    const label = labels[members[0]];
    if (label === OUTSIDE || biggest.get(label) === id) return;
    const target = dominantNeighbour(l, labels, members, label);
    for (const c of members) labels[c] = target;
    changed = true;
  });
  return changed;
}

/**
 * Pass 2: no region may touch itself only at a corner (a "pinch": the same label on one diagonal of a
 * vertex, other labels on the other). One cell changes label to break the pinch, always growing the
 * district rather than shrinking it.
 */
function fixPinches(l: Lattice, labels: Int16Array): boolean {
  let changed = false;
  const resolve = (pinched: number, diagonal: [number, number], others: [number, number]): void => {
    if (labels[pinched] === OUTSIDE) labels[diagonal[0]] = labels[others[0]];
    else if (labels[others[0]] === OUTSIDE) labels[others[0]] = labels[pinched];
    else if (labels[others[1]] === OUTSIDE) labels[others[1]] = labels[pinched];
    else labels[others[0]] = labels[pinched];
    changed = true;
  };
  for (let j = 1; j < l.ny; j++) {
    for (let i = 1; i < l.nx; i++) {
      const sw = cellId(l, i - 1, j - 1);
      const se = sw + 1;
      const ne = se + l.nx;
      const nw = sw + l.nx;
      const [a, b, c, d] = [labels[sw], labels[se], labels[ne], labels[nw]];
      if (a === c && b !== a && d !== a) resolve(sw, [sw, ne], [se, nw]);
      else if (b === d && a !== b && c !== b) resolve(se, [se, nw], [sw, ne]);
    }
  }
  return changed;
}

/** Repairs labels until the district and every town are single pieces without pinches (bounded rounds). */
export function cleanLabels(l: Lattice, labels: Int16Array): void {
  for (let round = 0; round < 25; round++) {
    const a = fixConnectivity(l, labels);
    const b = fixPinches(l, labels);
    if (!a && !b) return;
  }
}
