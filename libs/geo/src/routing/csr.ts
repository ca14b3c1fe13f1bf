import { haversineMeters } from '../distance.js';
import type { RoadInput } from './types.js';

/** Compressed adjacency (CSR) form of an undirected road graph; edges appear once per direction. */
export interface Csr {
  lng: Float64Array;
  lat: Float64Array;
  /** Edges of node n are offsets[n] .. offsets[n + 1] - 1. */
  offsets: Int32Array;
  targets: Int32Array;
  lengthM: Float64Array;
  timeS: Float64Array;
  /** Fastest edge speed in the graph, m/s (for an admissible A* time heuristic). */
  maxSpeedMs: number;
  /** Node id of a coordinate, by the same rounding used to merge vertices. */
  nodeAt: (lng: number, lat: number) => number | undefined;
}

/** Snaps road vertices to nodes by rounded coordinate and links consecutive vertices. */
export function buildCsr(roads: readonly RoadInput[], snapDecimals: number): Csr {
  const scale = 10 ** snapDecimals;
  const nodeOf = new Map<string, number>();
  const keyOf = (lng: number, lat: number): string => `${Math.round(lng * scale)},${Math.round(lat * scale)}`;
  const lngs: number[] = [];
  const lats: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const length: number[] = [];
  const time: number[] = [];
  let maxSpeedMs = 0;

  const nodeFor = (c: readonly number[]): number => {
    const key = keyOf(c[0], c[1]);
    let id = nodeOf.get(key);
    if (id === undefined) {
      id = lngs.length;
      nodeOf.set(key, id);
      lngs.push(c[0]);
      lats.push(c[1]);
    }
    return id;
  };

  for (const road of roads) {
    if (!(road.speedKmh > 0)) throw new RangeError(`road speed must be positive, got ${road.speedKmh}`);
    const speedMs = road.speedKmh / 3.6;
    maxSpeedMs = Math.max(maxSpeedMs, speedMs);
    let prev = -1;
    for (const c of road.coordinates) {
      const node = nodeFor(c);
      if (prev >= 0 && prev !== node) {
        const m = haversineMeters({ lng: lngs[prev], lat: lats[prev] }, { lng: lngs[node], lat: lats[node] });
        from.push(prev);
        to.push(node);
        length.push(m);
        time.push(m / speedMs);
      }
      prev = node;
    }
  }

  const n = lngs.length;
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    degree[from[e] + 1]++;
    degree[to[e] + 1]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i + 1];
  const cursor = offsets.slice(0, n);
  const m2 = from.length * 2;
  const targets = new Int32Array(m2);
  const lengthM = new Float64Array(m2);
  const timeS = new Float64Array(m2);
  const put = (a: number, b: number, e: number): void => {
    const slot = cursor[a]++;
    targets[slot] = b;
    lengthM[slot] = length[e];
    timeS[slot] = time[e];
  };
  for (let e = 0; e < from.length; e++) {
    put(from[e], to[e], e);
    put(to[e], from[e], e);
  }
  const nodeAt = (lng: number, lat: number): number | undefined => nodeOf.get(keyOf(lng, lat));
  return { lng: Float64Array.from(lngs), lat: Float64Array.from(lats), offsets, targets, lengthM, timeS, maxSpeedMs, nodeAt };
}
