import Flatbush from 'flatbush';
import type { BBox } from './types.js';

/**
 * Immutable index of axis-aligned boxes (Flatbush packed R-tree), built once. Coordinates are planar:
 * use [minLng, minLat, maxLng, maxLat] for lines/polygons in degrees, or any projected units.
 */
export class BoxIndex<T> {
  private readonly index: Flatbush | null;
  private readonly items: readonly T[];

  constructor(items: readonly T[], box: (item: T) => BBox) {
    this.items = items.slice();
    if (this.items.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(this.items.length);
    for (const item of this.items) {
      const [minX, minY, maxX, maxY] = box(item);
      this.index.add(minX, minY, maxX, maxY);
    }
    this.index.finish();
  }

  get size(): number {
    return this.items.length;
  }

  /** Items whose box intersects (or touches) `bbox`, in insertion order. */
  search(bbox: BBox): T[] {
    if (!this.index) return [];
    return this.searchIndices(bbox).map((i) => this.items[i]);
  }

  /** Positions (in the constructor's list) of the items whose box intersects `bbox`, ascending. */
  searchIndices(bbox: BBox): number[] {
    if (!this.index) return [];
    return this.index.search(bbox[0], bbox[1], bbox[2], bbox[3]).sort((a, b) => a - b);
  }
}
