import { jurisdictionAncestors, jurisdictionDescendants, type JurisdictionDto, type LngLat, type MultiPolygon, type Polygon } from '@beacon/domain';
import { bboxOfGeometry, pointInPolygon, type BBox, type Geometry } from '@beacon/geo';

/**
 * The jurisdiction tree held in memory: tiny, read on every request and every emitted event.
 * The traversal rules are libs/domain's; this adds lookups, memoisation and point location.
 */
export class JurisdictionTree {
  private readonly byId = new Map<string, JurisdictionDto>();
  private readonly below = new Map<string, Set<string>>();
  private readonly above = new Map<string, string[]>();
  private readonly boxes = new Map<string, BBox | null>();

  constructor(readonly all: JurisdictionDto[]) {
    for (const j of all) this.byId.set(j.id, j);
  }

  get(id: string): JurisdictionDto | undefined {
    return this.byId.get(id);
  }

  /** The jurisdiction itself and everything below it: what a user of it may see. */
  descendants(id: string): ReadonlySet<string> {
    let set = this.below.get(id);
    if (!set) this.below.set(id, (set = jurisdictionDescendants(this.all, id)));
    return set;
  }

  /** The jurisdiction itself and every level above it: who must hear about an event in it. */
  ancestors(id: string): string[] {
    let chain = this.above.get(id);
    if (!chain) {
      const ids = jurisdictionAncestors(this.all, id).map((j) => j.id);
      // An id missing from the tree still reaches its own room.
      this.above.set(id, (chain = ids.length ? ids : [id]));
    }
    return chain;
  }

  /** The bounding box of the jurisdiction's boundary, or null when it has none (or is unknown). */
  bounds(id: string): BBox | null {
    let box = this.boxes.get(id);
    if (box === undefined) {
      const geometry = this.byId.get(id)?.geometry;
      this.boxes.set(id, (box = geometry ? bboxOfGeometry(geometry as Geometry) : null));
    }
    return box;
  }

  /**
   * The most specific jurisdiction whose boundary contains the point (towns before districts),
   * searched only below `within` when given: a receiving center keeps what falls outside its area.
   */
  locate(point: LngLat, within?: string): JurisdictionDto | null {
    const scope = within ? this.descendants(within) : null;
    let best: JurisdictionDto | null = null;
    for (const j of this.all) {
      if (scope && !scope.has(j.id)) continue;
      if (!j.geometry || !pointInPolygon(point, j.geometry as Polygon | MultiPolygon)) continue;
      if (!best || this.depth(j.id) > this.depth(best.id)) best = j;
    }
    return best;
  }

  private depth(id: string): number {
    return this.ancestors(id).length;
  }
}
