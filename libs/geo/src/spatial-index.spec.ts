import { haversineMeters } from './distance.js';
import { PointIndex } from './spatial-index.js';
import type { LngLat } from './types.js';

const center: LngLat = { lng: 118.3, lat: 36.8 };
/** A point `m` metres due north of the centre. */
const north = (m: number): LngLat => ({ lng: center.lng, lat: center.lat + m / 111_194.93 });

describe('PointIndex', () => {
  const stations = [
    { name: 'a', at: north(100) },
    { name: 'b', at: north(999) },
    { name: 'c', at: north(1001) },
    { name: 'd', at: north(5000) },
    { name: 'e', at: { lng: 118.31, lat: 36.8 } },
  ];
  const index = new PointIndex(stations, (s) => s.at);

  it('returns items within the radius, nearest first, with distances', () => {
    const hits = index.within(center, 1000);
    expect(hits.map((h) => h.item.name)).toEqual(['a', 'e', 'b']);
    for (const hit of hits) expect(hit.distanceM).toBeCloseTo(haversineMeters(center, hit.item.at), 6);
  });

  it('includes an item exactly on the radius', () => {
    const exact = haversineMeters(center, stations[1].at);
    expect(index.within(center, exact).map((h) => h.item.name)).toContain('b');
    expect(index.within(center, exact - 0.01).map((h) => h.item.name)).not.toContain('b');
  });

  it('returns the k nearest, optionally capped by distance', () => {
    expect(index.nearest(center, 2).map((h) => h.item.name)).toEqual(['a', 'e']);
    expect(index.nearest(center, 10).map((h) => h.item.name)).toEqual(['a', 'e', 'b', 'c', 'd']);
    expect(index.nearest(center, 10, 1000.5).map((h) => h.item.name)).toEqual(['a', 'e', 'b']);
    expect(index.nearest(center, 0)).toEqual([]);
  });

  it('accepts items that are themselves positions', () => {
    const plain = new PointIndex([{ lng: 0, lat: 0, id: 1 }, { lng: 1, lat: 1, id: 2 }]);
    expect(plain.nearest({ lng: 0.9, lat: 0.9 }, 1)[0]?.item.id).toBe(2);
    expect(plain.size).toBe(2);
  });

  it('answers nothing when empty', () => {
    const empty = new PointIndex<LngLat>([]);
    expect(empty.within(center, 1e6)).toEqual([]);
    expect(empty.nearest(center, 3)).toEqual([]);
  });
});
