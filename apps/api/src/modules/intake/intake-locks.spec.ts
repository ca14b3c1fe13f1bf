import { DEFAULT_LINKING_CONFIG, haversineM } from '@beacon/domain';
import { intakeLockKeys } from './intake-locks.js';
import { openBatchSql } from './intake-plan.js';

const config = DEFAULT_LINKING_CONFIG;
const at = (lng: number, lat: number, accuracyM = 0) => ({ lng, lat, accuracyM });
const call = (externalId: string, location?: ReturnType<typeof at>, relatedExternalIds?: string[]) => ({ source: '119', externalId, location, relatedExternalIds });
const shareAKey = (a: string[], b: string[]) => a.some((k) => b.includes(k));

describe('intakeLockKeys', () => {
  it('returns sorted, distinct bigint keys', () => {
    const keys = intakeLockKeys(call('x', at(118.3, 36.8, 50)), config);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(() => BigInt(k)).not.toThrow();
  });

  it('keys map cells by their indices (negative) and ids by a 53-bit hash (non-negative): the two never meet', () => {
    // Two calls ~2 km apart with no accuracy: each locks its own cells only, the id keys apart.
    const a = intakeLockKeys(call('a', at(118.3, 36.8)), config);
    const b = intakeLockKeys(call('b', at(118.32, 36.8)), config);
    expect(shareAKey(a, b)).toBe(false);
    for (const k of [...a, ...b]) {
      const n = Number(k);
      expect(Number.isSafeInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(-(2 ** 31));
    }
    // A call without a location takes its id keys only: both non-negative.
    expect(intakeLockKeys(call('c'), config).every((k) => Number(k) >= 0)).toBe(true);
    // Distinct cells across the globe's corners get distinct keys.
    const corners = [at(-179.995, -84.995), at(179.995, 84.995), at(-179.995, 84.995), at(179.995, -84.995)].map((p) => intakeLockKeys(call('same', p), config));
    const cells = corners.map((keys) => keys.filter((k) => Number(k) < 0));
    expect(new Set(cells.flat()).size).toBe(cells.flat().length);
  });

  it('makes two posts of the same (source, externalId) contend even without a location', () => {
    expect(shareAKey(intakeLockKeys(call('dup'), config), intakeLockKeys(call('dup'), config))).toBe(true);
  });

  it('makes a call contend with the case it cross-references', () => {
    const police = { source: '110', externalId: 'P-1' };
    const ambulance = call('A-9', undefined, ['P-1']);
    expect(shareAKey(intakeLockKeys(police, config), intakeLockKeys(ambulance, config))).toBe(true);
  });

  it.each([
    [at(118.3, 36.8), at(118.303, 36.8)],
    [at(118.29999, 36.79999), at(118.30001, 36.80001)], // across a cell corner
    [at(118.3, 36.8, 1500), at(118.33, 36.81, 1500)], // wide accuracy widens the reach
  ])('makes calls that could link contend (%j, %j)', (a, b) => {
    const reach = config.baseRadiusM + Math.min(a.accuracyM, config.maxAccuracyM) + Math.min(b.accuracyM, config.maxAccuracyM);
    expect(haversineM(a, b)).toBeLessThanOrEqual(reach);
    expect(shareAKey(intakeLockKeys(call('a', a), config), intakeLockKeys(call('b', b), config))).toBe(true);
  });

  it('never lets two calls within link reach take disjoint locks (1,000 seeded random pairs)', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 1000; i++) {
      const a = at(118.2 + rnd() * 0.2, 36.7 + rnd() * 0.2, rnd() < 0.5 ? 0 : rnd() * 3000);
      const bAcc = rnd() < 0.5 ? 0 : rnd() * 3000;
      const reach = config.baseRadiusM + Math.min(a.accuracyM, config.maxAccuracyM) + Math.min(bAcc, config.maxAccuracyM);
      const bearing = rnd() * 2 * Math.PI;
      const d = rnd() * reach * 0.999;
      const b = at(a.lng + (d * Math.sin(bearing)) / (111_320 * Math.cos((a.lat * Math.PI) / 180)), a.lat + (d * Math.cos(bearing)) / 111_320, bAcc);
      expect(shareAKey(intakeLockKeys(call('a', a), config), intakeLockKeys(call('b', b), config))).toBe(true);
    }
  });

  it('takes a bounded number of locks anywhere, up to the poles (a pole once took every cell of its parallel)', () => {
    const widest = { ...config, maxAccuracyM: 2000 };
    for (const lat of [-90, -89.99, -85.01, -84.99, 0, 36.8, 84.99, 85.01, 89.99, 90]) {
      for (const lng of [-180, 0, 180]) expect(intakeLockKeys(call('p', at(lng, lat, 2000)), widest).length).toBeLessThan(1000);
    }
  });

  it('makes calls that could link across or beyond ±85° contend (the polar caps are one lock each)', () => {
    const pairs = [
      [at(10, 89.999), at(170, 89.999)], // a few hundred metres apart across the pole
      [at(0, 85.001), at(0, 84.999)],
      [at(0, -85.001), at(0, -84.999)],
      [at(0, 90), at(0, 89.998)],
    ];
    for (const [a, b] of pairs) {
      expect(haversineM(a!, b!)).toBeLessThanOrEqual(config.baseRadiusM);
      expect(shareAKey(intakeLockKeys(call('a', a), config), intakeLockKeys(call('b', b), config))).toBe(true);
    }
    // The caps of the two hemispheres are distinct locks.
    expect(shareAKey(intakeLockKeys(call('a', at(0, 89.9)), config), intakeLockKeys(call('b', at(0, -89.9)), config))).toBe(false);
  });

  it('lets calls far apart run in parallel', () => {
    expect(shareAKey(intakeLockKeys(call('a', at(118.2, 36.7, 30)), config), intakeLockKeys(call('b', at(118.4, 36.9, 30)), config))).toBe(false);
  });

  it('are inlined into the opening statement only as bigints: anything else is refused', () => {
    const keys = intakeLockKeys(call('x', at(118.3, 36.8, 50)), config);
    expect(openBatchSql(keys)).toContain(`'{${keys.join(',')}}'::bigint[]`);
    expect(() => openBatchSql(["1}'::bigint[]; DROP TABLE calls; --"])).toThrow(/not a bigint/);
    expect(() => openBatchSql(['12a'])).toThrow(/not a bigint/);
  });
});
