import TinyQueue from 'tinyqueue';
import { haversineMeters } from '../distance.js';
import type { Csr } from './csr.js';
import type { RouteMetric } from './types.js';

interface QueueItem {
  node: number;
  /** Cost so far (g). */
  g: number;
  /** Priority: g plus the heuristic (equals g for plain Dijkstra). */
  f: number;
}

const byPriority = (a: QueueItem, b: QueueItem): number => a.f - b.f;

export interface PathSearchResult {
  nodes: number[];
  lengthM: number;
  timeS: number;
}

/**
 * A* between two nodes. Edge lengths are great-circle distances between their end nodes, so straight-line
 * distance (divided by the fastest speed, for the time metric) never overestimates: the result is optimal.
 */
export function aStar(csr: Csr, source: number, target: number, metric: RouteMetric): PathSearchResult | null {
  const n = csr.lng.length;
  const weight = metric === 'time' ? csr.timeS : csr.lengthM;
  const heuristicScale = metric === 'time' ? 1 / csr.maxSpeedMs : 1;
  const goal = { lng: csr.lng[target], lat: csr.lat[target] };
  const h = (node: number): number =>
    haversineMeters({ lng: csr.lng[node], lat: csr.lat[node] }, goal) * heuristicScale;

  const g = new Float64Array(n).fill(Infinity);
  const viaEdge = new Int32Array(n).fill(-1);
  const viaNode = new Int32Array(n).fill(-1);
  const queue = new TinyQueue<QueueItem>([], byPriority);
  g[source] = 0;
  queue.push({ node: source, g: 0, f: h(source) });

  while (queue.length > 0) {
    const item = queue.pop() as QueueItem;
    if (item.g > g[item.node]) continue; // stale entry
    if (item.node === target) return trace(csr, source, target, viaNode, viaEdge);
    for (let e = csr.offsets[item.node]; e < csr.offsets[item.node + 1]; e++) {
      const next = csr.targets[e];
      const cost = item.g + weight[e];
      if (cost < g[next]) {
        g[next] = cost;
        viaEdge[next] = e;
        viaNode[next] = item.node;
        queue.push({ node: next, g: cost, f: cost + h(next) });
      }
    }
  }
  return null;
}

function trace(csr: Csr, source: number, target: number, viaNode: Int32Array, viaEdge: Int32Array): PathSearchResult {
  const nodes: number[] = [];
  let lengthM = 0;
  let timeS = 0;
  for (let node = target; node !== source; node = viaNode[node]) {
    nodes.push(node);
    lengthM += csr.lengthM[viaEdge[node]];
    timeS += csr.timeS[viaEdge[node]];
  }
  nodes.push(source);
  nodes.reverse();
  return { nodes, lengthM, timeS };
}

/**
 * Dijkstra on travel time from `source`, which is reached at `startS` seconds. Returns every node reachable
 * within `maxS` seconds with its earliest arrival time, in order of increasing time.
 */
export function travelTimesWithin(csr: Csr, source: number, startS: number, maxS: number): Map<number, number> {
  const reached = new Map<number, number>();
  if (!(startS <= maxS)) return reached;
  const best = new Float64Array(csr.lng.length).fill(Infinity);
  const queue = new TinyQueue<QueueItem>([], byPriority);
  best[source] = startS;
  queue.push({ node: source, g: startS, f: startS });
  while (queue.length > 0) {
    const item = queue.pop() as QueueItem;
    if (item.g > best[item.node] || reached.has(item.node)) continue;
    reached.set(item.node, item.g);
    for (let e = csr.offsets[item.node]; e < csr.offsets[item.node + 1]; e++) {
      const next = csr.targets[e];
      const t = item.g + csr.timeS[e];
      if (t <= maxS && t < best[next]) {
        best[next] = t;
        queue.push({ node: next, g: t, f: t });
      }
    }
  }
  return reached;
}
