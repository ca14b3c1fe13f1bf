import type { Vec } from './local-frame.js';
import { AreaTester, densify, dist, PointBuckets, pointInRings, segmentIntersection, signedArea2 } from './planar.js';
import { Rng } from './prng.js';

const star: Vec[] = Array.from({ length: 40 }, (_, i) => {
  const a = (i / 40) * 2 * Math.PI;
  const r = i % 2 === 0 ? 1000 : 450;
  return [r * Math.cos(a), r * Math.sin(a)];
});
const hole: Vec[] = [
  [-100, -100],
  [-100, 100],
  [100, 100],
  [100, -100],
];

describe('planar helpers', () => {
  it('AreaTester agrees with the plain even-odd test (holes included)', () => {
    const tester = new AreaTester([star, hole], 97);
    const rng = new Rng(3);
    for (let i = 0; i < 3000; i++) {
      const p: Vec = [rng.range(-1100, 1100), rng.range(-1100, 1100)];
      expect(tester.contains(p)).toBe(pointInRings(p, [star, hole]));
    }
    expect(tester.contains([0, 0])).toBe(false);
    expect(tester.contains([300, 0])).toBe(true);
    expect(tester.contains([5000, 0])).toBe(false);
  });

  it('PointBuckets finds the same nearest point as brute force', () => {
    const rng = new Rng(4);
    const points: Vec[] = Array.from({ length: 400 }, () => [rng.range(-5000, 5000), rng.range(-5000, 5000)]);
    const buckets = new PointBuckets(points, 700);
    for (let i = 0; i < 200; i++) {
      const q: Vec = [rng.range(-8000, 8000), rng.range(-8000, 8000)];
      const brute = Math.min(...points.map((p) => dist(p, q)));
      expect(dist(buckets.nearest(q) as Vec, q)).toBeCloseTo(brute, 9);
    }
    expect(new PointBuckets([]).nearest([0, 0])).toBeNull();
  });

  it('finds segment crossings with their parameters, and none for parallel or disjoint segments', () => {
    expect(segmentIntersection([0, 0], [10, 0], [5, -5], [5, 5])).toEqual({ t: 0.5, u: 0.5 });
    expect(segmentIntersection([0, 0], [10, 0], [0, 1], [10, 1])).toBeNull();
    expect(segmentIntersection([0, 0], [10, 0], [11, -5], [11, 5])).toBeNull();
    expect(segmentIntersection([0, 0], [10, 0], [10, 0], [10, 5])).toEqual({ t: 1, u: 0 });
  });

  it('orients rings and densifies polylines', () => {
    expect(signedArea2(star)).toBeGreaterThan(0);
    expect(signedArea2(hole)).toBeLessThan(0);
    const line = densify([[0, 0], [1000, 0]], 300);
    expect(line).toHaveLength(5);
    expect(line[0]).toEqual([0, 0]);
    expect(line[4]).toEqual([1000, 0]);
  });
});
