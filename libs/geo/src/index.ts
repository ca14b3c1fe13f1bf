export type { AreaGeometry, BBox, Geometry, LineString, LngLat, MultiPolygon, Point, Polygon } from './types.js';
export { EARTH_RADIUS_M, METRES_PER_DEGREE, degreesForMetres, haversineMeters } from './distance.js';
export { BBoxParseError, bboxContains, bboxIntersects, bboxOfGeometry, bboxOfPoints, parseBBox } from './bbox.js';
export { centroid, interiorPoint, pointInPolygon, polygonAreaM2, type PointInPolygonOptions } from './polygon.js';
export { PointIndex, type IndexHit } from './spatial-index.js';
export { BoxIndex } from './box-index.js';
export { RoadGraph } from './routing/road-graph.js';
export type { Components } from './routing/components.js';
export type {
  RoadGraphOptions,
  RoadInput,
  RouteMetric,
  RouteOptions,
  RouteResult,
  SnappedNode,
} from './routing/types.js';
