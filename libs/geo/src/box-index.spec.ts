import { BoxIndex } from './box-index.js';
import type { BBox } from './types.js';

describe('BoxIndex', () => {
  const boxes: { id: string; box: BBox }[] = [
    { id: 'a', box: [0, 0, 1, 1] },
    { id: 'b', box: [2, 2, 3, 3] },
    { id: 'c', box: [0.5, 0.5, 2.5, 2.5] },
    { id: 'd', box: [10, 10, 11, 11] },
  ];
  const index = new BoxIndex(boxes, (b) => b.box);

  it('finds intersecting and touching boxes in insertion order', () => {
    expect(index.search([0.9, 0.9, 2.1, 2.1]).map((b) => b.id)).toEqual(['a', 'b', 'c']);
    expect(index.search([1, 1, 1, 1]).map((b) => b.id)).toEqual(['a', 'c']);
    expect(index.searchIndices([9, 9, 20, 20])).toEqual([3]);
  });

  it('finds nothing in empty space or an empty index', () => {
    expect(index.search([5, 5, 6, 6])).toEqual([]);
    expect(new BoxIndex<BBox>([], (b) => b).search([0, 0, 1, 1])).toEqual([]);
  });

  it('handles many boxes consistently with brute force', () => {
    const many = Array.from({ length: 500 }, (_, i) => {
      const x = (i * 7919) % 1000;
      const y = (i * 104729) % 1000;
      return [x, y, x + 15, y + 15] as BBox;
    });
    const big = new BoxIndex(many, (b) => b);
    const q: BBox = [300, 300, 420, 380];
    const brute = many.map((b, i) => [b, i] as const).filter(([b]) => b[0] <= q[2] && q[0] <= b[2] && b[1] <= q[3] && q[1] <= b[3]);
    expect(big.searchIndices(q)).toEqual(brute.map(([, i]) => i));
  });
});
