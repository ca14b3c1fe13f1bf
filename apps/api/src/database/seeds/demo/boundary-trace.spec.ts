import { groupRings, ringPositions, traceRings } from './boundary-trace.js';
import { cleanLabels, OUTSIDE } from './cell-labels.js';
import { cellId, createLattice, MAX_OFFSET, nominalVertex, type Lattice } from './lattice.js';
import { signedArea2 } from './planar.js';
import { Rng } from './prng.js';
import { smoothCorners } from './smooth-boundaries.js';

/** An unjittered 6 × 6 lattice of unit cells. */
const flat = (): Lattice => createLattice(new Rng(1), 3, 3, 1, 0);
const labelsOf = (l: Lattice, cells: [number, number, number][]): Int16Array => {
  const labels = new Int16Array(l.nx * l.ny).fill(OUTSIDE);
  for (const [i, j, label] of cells) labels[cellId(l, i, j)] = label;
  return labels;
};
const block = (i0: number, j0: number, size: number, label: number): [number, number, number][] =>
  Array.from({ length: size * size }, (_, k) => [i0 + (k % size), j0 + Math.floor(k / size), label]);

describe('traceRings / groupRings', () => {
  it('traces a block with a hole as a CCW outer ring and a CW hole', () => {
    const l = flat();
    const labels = labelsOf(l, [...block(1, 1, 4, 1), [2, 2, 0]]);
    const rings = traceRings(l, (c) => labels[c] === 1).map((ids) => ringPositions(l, ids));
    expect(rings.map(signedArea2).sort((a, b) => a - b)).toEqual([-2, 32]);
    const polygons = groupRings(rings);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    expect(signedArea2(polygons[0][0])).toBe(32);
  });

  it('keeps cells that touch only at a corner as separate rings', () => {
    const l = flat();
    const labels = labelsOf(l, [[1, 1, 0], [2, 2, 0]]);
    const rings = traceRings(l, (c) => labels[c] === 0);
    expect(rings.map((r) => r.length)).toEqual([4, 4]);
    expect(groupRings(rings.map((ids) => ringPositions(l, ids)))).toHaveLength(2);
  });
});

describe('cleanLabels', () => {
  it('merges a stray town fragment into its dominant neighbour', () => {
    const l = flat();
    // Town 0 fills a 4×4 block except one cell of town 1 inside it; town 1's main body is elsewhere.
    const labels = labelsOf(l, [...block(0, 0, 4, 0), [1, 1, 1], ...block(4, 0, 2, 1)]);
    cleanLabels(l, labels);
    expect(labels[cellId(l, 1, 1)]).toBe(0);
    expect(labels[cellId(l, 4, 0)]).toBe(1);
  });

  it('removes corner-only contacts (pinches) by growing the district', () => {
    const l = flat();
    const labels = labelsOf(l, [...block(1, 1, 2, 0), ...block(3, 3, 2, 0)]);
    cleanLabels(l, labels);
    expect(traceRings(l, (c) => labels[c] !== OUTSIDE)).toHaveLength(1);
  });
});

describe('smoothCorners', () => {
  it('moves staircase corners but keeps every vertex within MAX_OFFSET of the grid', () => {
    const l = createLattice(new Rng(2), 1000, 1000, 100, 0.2);
    const rng = new Rng(3);
    const labels = new Int16Array(l.nx * l.ny).map(() => rng.int(0, 2));
    const before = l.vx.slice();
    smoothCorners(l, labels);
    expect(l.vx).not.toEqual(before);
    for (let j = 0; j <= l.ny; j++) {
      for (let i = 0; i <= l.nx; i++) {
        const [x, y] = nominalVertex(l, i, j);
        const v = j * (l.nx + 1) + i;
        expect(Math.abs(l.vx[v] - x)).toBeLessThanOrEqual(MAX_OFFSET * 100 + 1e-9);
        expect(Math.abs(l.vy[v] - y)).toBeLessThanOrEqual(MAX_OFFSET * 100 + 1e-9);
      }
    }
  });
});
