import type { JurisdictionDto, LngLat, MultiPolygon, Polygon } from '@beacon/domain';
import { pointInPolygon } from '@beacon/geo';

/** The jurisdiction tree held in memory: tiny, read on every request and every emitted event. */
export class JurisdictionTree {
  private readonly byId = new Map<string, JurisdictionDto>();
  private readonly children = new Map<string, string[]>();

  constructor(readonly all: JurisdictionDto[]) {
    for (const j of all) {
      this.byId.set(j.id, j);
      if (j.parentId) this.children.set(j.parentId, [...(this.children.get(j.parentId) ?? []), j.id]);
    }
  }

  get(id: string): JurisdictionDto | undefined {
    return this.byId.get(id);
  }

  /** The jurisdiction itself and everything below it: what a user of it may see. */
  descendants(id: string): Set<string> {
    const out = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      if (out.has(next)) continue;
      out.add(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out;
  }

  /** The jurisdiction itself and every level above it: who must hear about an event in it. */
  ancestors(id: string): string[] {
    const out: string[] = [];
    let cursor: string | null | undefined = id;
    while (cursor && !out.includes(cursor)) {
      out.push(cursor);
      cursor = this.byId.get(cursor)?.parentId;
    }
    return out;
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
