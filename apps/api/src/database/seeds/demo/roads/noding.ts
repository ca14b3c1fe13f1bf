import { BoxIndex, type BBox } from '@beacon/geo';
import type { Vec } from '../local-frame.js';
import { dist, lerp, segmentIntersection } from '../planar.js';
import type { RawRoad } from './raw-road.js';

/** Crossings closer than this to a segment end reuse that end vertex instead of adding a new one. */
const SNAP_M = 1;

interface Segment {
  road: number;
  index: number;
  a: Vec;
  b: Vec;
}

interface Split {
  t: number;
  p: Vec;
}

const samePoint = (p: Vec, q: Vec): boolean => p[0] === q[0] && p[1] === q[1];

/** Whether two roads meet where they cross: grade-separated roads only join primary roads (interchanges). */
function joins(x: RawRoad, y: RawRoad): boolean {
  if (x.gradeSeparated || y.gradeSeparated) return x.roadClass === 'primary' && y.roadClass === 'primary';
  return true;
}

/**
 * Inserts a shared vertex wherever two roads cross, so a graph built by snapping identical coordinates
 * sees a junction there. The crossing point is the same Vec object in both roads; crossings near an
 * existing vertex reuse that vertex.
 */
export function nodeRoads(roads: readonly RawRoad[]): RawRoad[] {
  const segments: Segment[] = [];
  roads.forEach((road, r) => {
    for (let k = 0; k + 1 < road.points.length; k++) segments.push({ road: r, index: k, a: road.points[k], b: road.points[k + 1] });
  });
  const boxOf = (s: Segment): BBox => [
    Math.min(s.a[0], s.b[0]),
    Math.min(s.a[1], s.b[1]),
    Math.max(s.a[0], s.b[0]),
    Math.max(s.a[1], s.b[1]),
  ];
  const boxes = segments.map(boxOf);
  const index = new BoxIndex(boxes, (b) => b);
  const splits = roads.map((road) => road.points.map((): Split[] => []));

  segments.forEach((s, i) => {
    for (const j of index.searchIndices(boxes[i])) {
      if (j <= i) continue;
      const o = segments[j];
      if (o.road === s.road && Math.abs(o.index - s.index) <= 1) continue;
      if (!joins(roads[s.road], roads[o.road])) continue;
      const hit = segmentIntersection(s.a, s.b, o.a, o.b);
      if (!hit) continue;
      const ls = dist(s.a, s.b);
      const lo = dist(o.a, o.b);
      const candidates: [boolean, Vec][] = [
        [hit.t * ls < SNAP_M, s.a],
        [(1 - hit.t) * ls < SNAP_M, s.b],
        [hit.u * lo < SNAP_M, o.a],
        [(1 - hit.u) * lo < SNAP_M, o.b],
      ];
      const p = candidates.find(([near]) => near)?.[1] ?? lerp(s.a, s.b, hit.t);
      const inS = samePoint(p, s.a) || samePoint(p, s.b);
      const inO = samePoint(p, o.a) || samePoint(p, o.b);
      if (!inS) splits[s.road][s.index].push({ t: hit.t, p });
      if (!inO) splits[o.road][o.index].push({ t: hit.u, p });
    }
  });

  return roads.map((road, r) => {
    const points: Vec[] = [road.points[0]];
    const push = (p: Vec): void => {
      if (!samePoint(points[points.length - 1], p)) points.push(p);
    };
    for (let k = 0; k + 1 < road.points.length; k++) {
      for (const { p } of splits[r][k].sort((x, y) => x.t - y.t)) push(p);
      push(road.points[k + 1]);
    }
    return { ...road, points };
  });
}
