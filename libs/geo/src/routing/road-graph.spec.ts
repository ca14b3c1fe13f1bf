import { haversineMeters } from '../distance.js';
import type { LngLat } from '../types.js';
import { RoadGraph } from './road-graph.js';
import type { RoadInput } from './types.js';

const O = { lng: 118.3, lat: 36.8 };
/** Grid position: x, y in units of 0.01°. */
const at = (x: number, y: number): [number, number] => [O.lng + x * 0.01, O.lat + y * 0.01];
const ll = (x: number, y: number): LngLat => ({ lng: at(x, y)[0], lat: at(x, y)[1] });
const road = (speedKmh: number, ...points: [number, number][]): RoadInput => ({ speedKmh, coordinates: points });

/**
 * A ──slow (10 km/h)── B        straight, shortest
 * │                    │
 * C ──fast (100 km/h)─ D        detour via C and D, fastest
 * plus an island road E–F that touches nothing.
 */
const roads: RoadInput[] = [
  road(10, at(0, 0), at(1, 0), at(2, 0)),
  road(50, at(0, 0), at(0, -1)),
  road(100, at(0, -1), at(1, -1), at(2, -1)),
  road(50, at(2, -1), at(2, 0)),
  road(50, at(5, 5), at(6, 5)),
];

describe('RoadGraph', () => {
  const graph = RoadGraph.fromRoads(roads);

  it('merges coincident vertices into one node', () => {
    expect(graph.nodeCount).toBe(8);
    expect(graph.edgeCount).toBe(7);
    expect(graph.components().count).toBe(2);
    expect(graph.components().sizes).toEqual([6, 2]);
  });

  it('looks up a node by exact position', () => {
    const id = graph.nodeIdAt(ll(1, -1));
    expect(id).toBeDefined();
    expect(graph.nodePosition(id as number)).toEqual(ll(1, -1));
    expect(graph.nodeIdAt({ lng: O.lng + 0.00001, lat: O.lat })).toBeUndefined();
    expect(graph.neighbours(id as number).map((n) => graph.nodePosition(n))).toEqual([ll(0, -1), ll(2, -1)]);
  });

  it('finds the nearest node and its distance', () => {
    const snapped = graph.nearestNode({ lng: O.lng + 0.0101, lat: O.lat + 0.0001 });
    expect(snapped?.position).toEqual(ll(1, 0));
    expect(snapped?.distanceM).toBeGreaterThan(0);
    expect(snapped?.distanceM).toBeLessThan(20);
  });

  it('takes the fast detour by default and the straight road for the shortest metric', () => {
    const fastest = graph.route(ll(0, 0), ll(2, 0));
    const shortest = graph.route(ll(0, 0), ll(2, 0), { metric: 'distance' });
    expect(fastest).not.toBeNull();
    expect(shortest).not.toBeNull();
    if (!fastest || !shortest) return;

    expect(shortest.path).toEqual([ll(0, 0), ll(1, 0), ll(2, 0)]);
    expect(fastest.path).toEqual([ll(0, 0), ll(0, -1), ll(1, -1), ll(2, -1), ll(2, 0)]);
    expect(shortest.distanceM).toBeLessThan(fastest.distanceM);
    expect(fastest.durationS).toBeLessThan(shortest.durationS);

    const direct = haversineMeters(ll(0, 0), ll(2, 0));
    expect(shortest.distanceM).toBeCloseTo(direct, 0);
    expect(shortest.durationS).toBeCloseTo(direct / (10 / 3.6), 0);
  });

  it('adds the off-road legs at the slow off-road speed', () => {
    const offset = { lng: O.lng, lat: O.lat + 0.001 }; // ≈111 m north of A
    const onRoad = graph.route(ll(0, 0), ll(2, 0));
    const offRoad = graph.route(offset, ll(2, 0));
    if (!onRoad || !offRoad) throw new Error('expected routes');
    const leg = haversineMeters(offset, ll(0, 0));
    expect(offRoad.distanceM - onRoad.distanceM).toBeCloseTo(leg, 3);
    expect(offRoad.durationS - onRoad.durationS).toBeCloseTo(leg / (10 / 3.6), 3);
    expect(offRoad.path[0]).toEqual(offset);
  });

  it('returns null between disconnected parts', () => {
    expect(graph.route(ll(0, 0), ll(6, 5))).toBeNull();
    expect(graph.travelTimes(ll(0, 0), [ll(6, 5), ll(2, 0)])[0]).toBeNull();
  });

  it('returns null when a point is beyond the snap limit', () => {
    const strict = RoadGraph.fromRoads(roads, { maxSnapDistanceM: 50 });
    expect(strict.route({ lng: O.lng, lat: O.lat + 0.01 }, ll(2, 0))).toBeNull();
    expect(strict.route(ll(0, 0), ll(2, 0))).not.toBeNull();
  });

  it('routes a point to itself with zero cost', () => {
    const r = graph.route(ll(1, -1), ll(1, -1));
    expect(r).toEqual({ distanceM: 0, durationS: 0, path: [ll(1, -1)], nodeIds: [expect.any(Number)] });
  });

  it('grows isochrones monotonically and agrees with routes', () => {
    const budgets = [0, 60, 120, 300, 600, 3600];
    let previous = new Map<number, number>();
    for (const seconds of budgets) {
      const iso = graph.isochrone(ll(0, 0), seconds);
      for (const [node, t] of previous) expect(iso.get(node)).toBeCloseTo(t, 9);
      for (const t of iso.values()) expect(t).toBeLessThanOrEqual(seconds);
      expect(iso.size).toBeGreaterThanOrEqual(previous.size);
      previous = iso;
    }
    expect(previous.size).toBe(6); // never the island

    const times = [...previous.values()];
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const toB = graph.route(ll(0, 0), ll(2, 0));
    const nodeB = graph.nearestNode(ll(2, 0))?.nodeId ?? -1;
    expect(previous.get(nodeB)).toBeCloseTo(toB?.durationS ?? NaN, 6);
    expect(graph.reachableNodes(ll(0, 0), 0)).toEqual(new Set([graph.nearestNode(ll(0, 0))?.nodeId]));
  });

  it('ranks many destinations with one search, matching individual routes', () => {
    const destinations = [ll(2, 0), ll(1, -1), { lng: O.lng + 0.0205, lat: O.lat + 0.0003 }];
    const times = graph.travelTimes(ll(0, 0), destinations);
    destinations.forEach((d, i) => expect(times[i]).toBeCloseTo(graph.route(ll(0, 0), d)?.durationS ?? NaN, 6));
    expect(graph.travelTimes(ll(0, 0), destinations, 1)).toEqual([null, null, null]);
  });

  it('rejects non-positive speeds', () => {
    expect(() => RoadGraph.fromRoads([road(0, at(0, 0), at(1, 0))])).toThrow(RangeError);
  });
});
