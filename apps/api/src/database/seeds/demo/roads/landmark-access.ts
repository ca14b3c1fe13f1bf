import { DEMO_LANDMARK_KEYS, LANDMARK_OFFSETS_M, type DemoLandmarkKey } from '../landmarks.js';
import { densify, dist, PointBuckets } from '../planar.js';
import type { RawRoad } from './raw-road.js';

const ACCESS: Readonly<Record<DemoLandmarkKey, Pick<RawRoad, 'roadClass' | 'name' | 'speedKmh'> | null>> = {
  chemicalPlant: { roadClass: 'secondary', name: '化工园区大道', speedKmh: 50 },
  riverbank: { roadClass: 'tertiary', name: '淄河堤顶路', speedKmh: 30 },
  forestPark: { roadClass: 'tertiary', name: '林场路', speedKmh: 30 },
  oldTown: { roadClass: 'residential', name: null, speedKmh: 25 },
  school: { roadClass: 'residential', name: null, speedKmh: 25 },
  expresswayInterchange: null, // already where the expressway meets 稷下大道
};

/** A short road from each landmark to the nearest vertex of an ordinary road, ending exactly on the landmark. */
export function landmarkAccessRoads(roads: readonly RawRoad[]): RawRoad[] {
  const out: RawRoad[] = [];
  const anchors = new PointBuckets(roads.filter((r) => !r.gradeSeparated).flatMap((r) => r.points));
  for (const key of DEMO_LANDMARK_KEYS) {
    const style = ACCESS[key];
    if (!style) continue;
    const landmark = LANDMARK_OFFSETS_M[key];
    const best = anchors.nearest(landmark);
    if (best && dist(best, landmark) > 0) out.push({ ...style, points: densify([best, landmark], 200) });
  }
  return out;
}
