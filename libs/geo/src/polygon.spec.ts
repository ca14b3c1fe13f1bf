import { centroid, interiorPoint, pointInPolygon, polygonAreaM2 } from './polygon.js';
import type { MultiPolygon, Polygon } from './types.js';

const square = (x: number, y: number, size: number): number[][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2).reverse()] };
const twoIslands: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[square(0, 0, 1)], [square(5, 5, 1), square(5.25, 5.25, 0.5)]],
};

describe('pointInPolygon', () => {
  it('includes the solid part of a polygon and excludes its hole', () => {
    expect(pointInPolygon({ lng: 1, lat: 1 }, withHole)).toBe(true);
    expect(pointInPolygon({ lng: 5, lat: 5 }, withHole)).toBe(false);
    expect(pointInPolygon({ lng: 3.9, lat: 5 }, withHole)).toBe(true);
    expect(pointInPolygon({ lng: 11, lat: 5 }, withHole)).toBe(false);
  });

  it('treats edges as inside unless ignoreBoundary is set', () => {
    expect(pointInPolygon({ lng: 0, lat: 5 }, withHole)).toBe(true);
    expect(pointInPolygon({ lng: 0, lat: 5 }, withHole, { ignoreBoundary: true })).toBe(false);
  });

  it('finds points in any member of a multipolygon, honouring holes', () => {
    expect(pointInPolygon({ lng: 0.5, lat: 0.5 }, twoIslands)).toBe(true);
    expect(pointInPolygon({ lng: 5.1, lat: 5.1 }, twoIslands)).toBe(true);
    expect(pointInPolygon({ lng: 5.5, lat: 5.5 }, twoIslands)).toBe(false);
    expect(pointInPolygon({ lng: 3, lat: 3 }, twoIslands)).toBe(false);
  });
});

describe('polygonAreaM2', () => {
  it('gives a 0.01° square at the equator about 1.236 km²', () => {
    const a = polygonAreaM2({ type: 'Polygon', coordinates: [square(0, 0, 0.01)] });
    expect(Math.abs(a - 1_236_000) / 1_236_000).toBeLessThan(0.01);
  });

  it('subtracts holes', () => {
    const outer = polygonAreaM2({ type: 'Polygon', coordinates: [square(0, 0, 0.1)] });
    const holed = polygonAreaM2({ type: 'Polygon', coordinates: [square(0, 0, 0.1), square(0.04, 0.04, 0.02)] });
    expect(holed / outer).toBeCloseTo(1 - 0.04, 3);
  });
});

describe('centroid and interiorPoint', () => {
  it('puts the centroid of a square at its centre', () => {
    const c = centroid({ type: 'Polygon', coordinates: [square(2, 4, 2)] });
    expect(c.lng).toBeCloseTo(3, 9);
    expect(c.lat).toBeCloseTo(5, 9);
  });

  it('keeps the interior point inside a C-shape whose centroid is outside', () => {
    const cShape: Polygon = {
      type: 'Polygon',
      coordinates: [[[0, 0], [10, 0], [10, 1], [1, 1], [1, 9], [10, 9], [10, 10], [0, 10], [0, 0]]],
    };
    const c = centroid(cShape);
    expect(pointInPolygon(c, cShape)).toBe(false);
    const p = interiorPoint(cShape);
    expect(p).not.toBeNull();
    expect(pointInPolygon(p as { lng: number; lat: number }, cShape, { ignoreBoundary: true })).toBe(true);
  });

  it('returns the centroid itself when it is inside', () => {
    const poly: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 4)] };
    expect(interiorPoint(poly)).toEqual(centroid(poly));
  });
});
