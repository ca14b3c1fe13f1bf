import { hash32, mulberry32, Rng } from './prng.js';

describe('mulberry32 / Rng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(seqA);
    expect(Array.from({ length: 20 }, c)).not.toEqual(seqA);
  });

  it('draws floats in [0, 1) with a roughly uniform mean', () => {
    const next = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('gives inclusive integer ranges and ranges within bounds', () => {
    const rng = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const n = rng.int(3, 6);
      seen.add(n);
      const r = rng.range(-2, 5);
      expect(r).toBeGreaterThanOrEqual(-2);
      expect(r).toBeLessThan(5);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('forks independent, reproducible streams', () => {
    const root = new Rng(99);
    const x = root.fork('roads');
    const y = new Rng(99).fork('roads');
    const z = root.fork('teams');
    const first = Array.from({ length: 5 }, () => x.float());
    expect(Array.from({ length: 5 }, () => y.float())).toEqual(first);
    expect(Array.from({ length: 5 }, () => z.float())).not.toEqual(first);
  });

  it('shuffles into a permutation without touching the input, and picks members', () => {
    const rng = new Rng(5);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = rng.shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('hashes strings to stable unsigned 32-bit values', () => {
    expect(hash32('beacon')).toBe(hash32('beacon'));
    expect(hash32('beacon')).not.toBe(hash32('beacoN'));
    expect(hash32('')).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(hash32('x'))).toBe(true);
  });
});
