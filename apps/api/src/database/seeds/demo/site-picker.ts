import type { JurisdictionDto, LngLat, MultiPolygon, Polygon } from '@beacon/domain';
import { haversineMeters, PointIndex, pointInPolygon, type RoadGraph } from '@beacon/geo';
import { toLngLat, type Vec } from './local-frame.js';
import type { Rng } from './prng.js';

export interface PickOptions {
  /** Random spread of the target before snapping, metres. */
  spreadM: number;
  /** The site must lie in this town (index into the towns list). */
  townIndex?: number;
}

export interface Site {
  location: LngLat;
  /** Index of the town containing the site. */
  townIndex: number;
}

/** Keep facilities at least this far apart so map markers do not pile up. */
const MIN_SPACING_M = 120;

/**
 * Chooses facility sites on road nodes (so every facility is routable), near a target, inside a given
 * town if asked, never closer than MIN_SPACING_M to an earlier site.
 */
export class SitePicker {
  private readonly nodes: PointIndex<LngLat>;
  private readonly taken: LngLat[] = [];

  constructor(
    graph: RoadGraph,
    private readonly towns: readonly JurisdictionDto[],
  ) {
    const positions = Array.from({ length: graph.nodeCount }, (_, i) => graph.nodePosition(i));
    this.nodes = new PointIndex(positions);
  }

  /** Index of the town containing the point, or -1 outside the district. */
  townOf(p: LngLat): number {
    return this.towns.findIndex((t) => pointInPolygon(p, t.geometry as Polygon | MultiPolygon, { ignoreBoundary: true }));
  }

  pick(rng: Rng, target: Vec, options: PickOptions): Site {
    const angle = rng.range(0, 2 * Math.PI);
    const r = options.spreadM * Math.sqrt(rng.float());
    const aims = [toLngLat([target[0] + r * Math.cos(angle), target[1] + r * Math.sin(angle)]), toLngLat(target)];
    for (const [aim, k] of [[aims[0], 40], [aims[1], 400], [aims[1], 4000]] as const) {
      for (const { item } of this.nodes.nearest(aim, k)) {
        if (this.taken.some((t) => haversineMeters(t, item) < MIN_SPACING_M)) continue;
        const townIndex = this.townOf(item);
        if (townIndex < 0 || (options.townIndex !== undefined && townIndex !== options.townIndex)) continue;
        this.taken.push(item);
        return { location: item, townIndex };
      }
    }
    throw new Error('demo generator: no free road node for a facility site');
  }
}
