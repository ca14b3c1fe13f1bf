import type { RoadClass } from '@beacon/domain';
import type { Vec } from '../local-frame.js';

/** A road polyline in local metres, before clipping, noding and conversion to WGS-84. */
export interface RawRoad {
  roadClass: RoadClass;
  name: string | null;
  speedKmh: number;
  points: Vec[];
  /** Crosses other roads on bridges: joins only primary roads (interchanges). Used for the expressway. */
  gradeSeparated?: boolean;
}
