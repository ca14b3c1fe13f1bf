import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineMeters } from './distance.js';
import type { LngLat } from './types.js';

export interface IndexHit<T> {
  item: T;
  /** Great-circle distance from the query centre, metres. */
  distanceM: number;
}

/** geokdbush uses a 6371 km sphere; widen its cut-off slightly and apply ours exactly afterwards. */
const QUERY_SLACK = 1 + 1e-5;

/**
 * Immutable geographic point index (kdbush + geokdbush), built once from a list of items.
 * Queries return items with their distance, nearest first.
 */
export class PointIndex<T> {
  private readonly index: KDBush;
  private readonly items: readonly T[];
  private readonly positions: readonly LngLat[];

  constructor(items: readonly (T & LngLat)[]);
  constructor(items: readonly T[], position: (item: T) => LngLat);
  constructor(items: readonly T[], position?: (item: T) => LngLat) {
    this.items = items.slice();
    // Without an accessor the first overload guarantees each item is itself a LngLat.
    this.positions = this.items.map((item) => (position ? position(item) : (item as T & LngLat)));
    this.index = new KDBush(this.items.length);
    for (const p of this.positions) this.index.add(p.lng, p.lat);
    this.index.finish();
  }

  get size(): number {
    return this.items.length;
  }

  /** Every item within `radiusM` metres of `center` (boundary inclusive), nearest first. */
  within(center: LngLat, radiusM: number): IndexHit<T>[] {
    if (!(radiusM >= 0)) return [];
    return this.query(center, Infinity, radiusM);
  }

  /** Up to `k` items nearest to `center`, optionally no farther than `maxDistanceM`, nearest first. */
  nearest(center: LngLat, k: number, maxDistanceM = Infinity): IndexHit<T>[] {
    if (!(k >= 1) || !(maxDistanceM >= 0)) return [];
    return this.query(center, Math.floor(k), maxDistanceM);
  }

  private query(center: LngLat, maxResults: number, maxDistanceM: number): IndexHit<T>[] {
    const maxKm = Number.isFinite(maxDistanceM) ? (maxDistanceM / 1000) * QUERY_SLACK + 1e-9 : Infinity;
    // Both sides rank by haversine distance, so geokdbush's order and cut at k agree with ours.
    const ids = around(this.index, center.lng, center.lat, maxResults, maxKm);
    const hits: IndexHit<T>[] = [];
    for (const id of ids) {
      const distanceM = haversineMeters(center, this.positions[id]);
      if (distanceM <= maxDistanceM) hits.push({ item: this.items[id], distanceM });
    }
    return hits;
  }
}
