import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineMeters } from '../distance.js';
import type { LngLat } from '../types.js';
import { connectedComponents, type Components } from './components.js';
import { buildCsr, type Csr } from './csr.js';
import { aStar, travelTimesWithin } from './search.js';
import type { RoadGraphOptions, RoadInput, RouteOptions, RouteResult, SnappedNode } from './types.js';

/**
 * Undirected road graph built once from road polylines. Vertices that coincide (to `snapDecimals`) are one
 * node, so roads connect only where they share a vertex (an overpass without a shared vertex stays apart).
 * Edge travel time is length / road speed. Off-road points reach their nearest node in a straight line at
 * `offRoadSpeedKmh`; that leg is part of every distance and duration returned.
 */
export class RoadGraph {
  private readonly csr: Csr;
  private readonly nodeIndex: KDBush;
  private readonly offRoadSpeedMs: number;
  private readonly maxSnapDistanceM: number;
  private componentCache: Components | undefined;

  private constructor(csr: Csr, options: RoadGraphOptions) {
    this.csr = csr;
    this.offRoadSpeedMs = (options.offRoadSpeedKmh ?? 10) / 3.6;
    if (!(this.offRoadSpeedMs > 0)) throw new RangeError('offRoadSpeedKmh must be positive');
    this.maxSnapDistanceM = options.maxSnapDistanceM ?? Infinity;
    this.nodeIndex = new KDBush(csr.lng.length);
    for (let i = 0; i < csr.lng.length; i++) this.nodeIndex.add(csr.lng[i], csr.lat[i]);
    this.nodeIndex.finish();
  }

  static fromRoads(roads: readonly RoadInput[], options: RoadGraphOptions = {}): RoadGraph {
    return new RoadGraph(buildCsr(roads, options.snapDecimals ?? 7), options);
  }

  get nodeCount(): number {
    return this.csr.lng.length;
  }

  /** Number of undirected edges (road segments between distinct nodes). */
  get edgeCount(): number {
    return this.csr.targets.length / 2;
  }

  nodePosition(nodeId: number): LngLat {
    if (!(nodeId >= 0 && nodeId < this.nodeCount)) throw new RangeError(`no node ${nodeId}`);
    return { lng: this.csr.lng[nodeId], lat: this.csr.lat[nodeId] };
  }

  /** Ids of the nodes adjacent to `nodeId`. */
  neighbours(nodeId: number): number[] {
    this.nodePosition(nodeId);
    return Array.from(this.csr.targets.subarray(this.csr.offsets[nodeId], this.csr.offsets[nodeId + 1]));
  }

  /** Id of the node at exactly this position (to `snapDecimals`), if there is one. */
  nodeIdAt(position: LngLat): number | undefined {
    return this.csr.nodeAt(position.lng, position.lat);
  }

  /** Nearest road node to a point, or null when the graph is empty. Ignores `maxSnapDistanceM`. */
  nearestNode(point: LngLat): SnappedNode | null {
    const [nodeId] = around(this.nodeIndex, point.lng, point.lat, 1);
    if (nodeId === undefined) return null;
    const position = this.nodePosition(nodeId);
    return { nodeId, position, distanceM: haversineMeters(point, position) };
  }

  /** Fastest (default) or shortest route between two points, or null when no road path links them. */
  route(from: LngLat, to: LngLat, options: RouteOptions = {}): RouteResult | null {
    const start = this.snap(from);
    const end = this.snap(to);
    if (!start || !end) return null;
    const found = aStar(this.csr, start.nodeId, end.nodeId, options.metric ?? 'time');
    if (!found) return null;
    const path: LngLat[] = [];
    const push = (p: LngLat): void => {
      const last = path[path.length - 1];
      if (!last || last.lng !== p.lng || last.lat !== p.lat) path.push(p);
    };
    push(from);
    for (const node of found.nodes) push(this.nodePosition(node));
    push(to);
    const offRoadM = start.distanceM + end.distanceM;
    return {
      distanceM: found.lengthM + offRoadM,
      durationS: found.timeS + offRoadM / this.offRoadSpeedMs,
      path,
      nodeIds: found.nodes,
    };
  }

  /**
   * Travel time in seconds from `from` to every node reachable within `maxSeconds` (off-road leg included),
   * in order of increasing time.
   */
  isochrone(from: LngLat, maxSeconds: number): Map<number, number> {
    const start = this.snap(from);
    if (!start) return new Map();
    return travelTimesWithin(this.csr, start.nodeId, start.distanceM / this.offRoadSpeedMs, maxSeconds);
  }

  /** Ids of the nodes reachable from `from` within `maxSeconds`. */
  reachableNodes(from: LngLat, maxSeconds: number): Set<number> {
    return new Set(this.isochrone(from, maxSeconds).keys());
  }

  /**
   * Fastest travel time (s) between `origin` and each destination, both off-road legs included, with a
   * single search (roads are two-way, so the direction does not matter); null when unreachable or beyond
   * `maxSeconds`. Use it to rank many candidates (e.g. teams) against one incident.
   */
  travelTimes(origin: LngLat, destinations: readonly LngLat[], maxSeconds = Infinity): (number | null)[] {
    const times = this.isochrone(origin, maxSeconds);
    return destinations.map((destination) => {
      const end = this.snap(destination);
      const atNode = end ? times.get(end.nodeId) : undefined;
      if (!end || atNode === undefined) return null;
      const total = atNode + end.distanceM / this.offRoadSpeedMs;
      return total <= maxSeconds ? total : null;
    });
  }

  /** Connected components of the graph (computed once). */
  components(): Components {
    this.componentCache ??= connectedComponents(this.csr);
    return this.componentCache;
  }

  private snap(point: LngLat): SnappedNode | null {
    const node = this.nearestNode(point);
    return node && node.distanceM <= this.maxSnapDistanceM ? node : null;
  }
}
