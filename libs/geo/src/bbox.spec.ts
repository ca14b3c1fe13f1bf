import { BBoxParseError, bboxContains, bboxIntersects, bboxOfGeometry, bboxOfPoints, parseBBox } from './bbox.js';

describe('bbox helpers', () => {
  it('bounds a set of points and returns null for none', () => {
    expect(bboxOfPoints([{ lng: 1, lat: 5 }, { lng: -2, lat: 3 }, { lng: 0, lat: 7 }])).toEqual([-2, 3, 1, 7]);
    expect(bboxOfPoints([])).toBeNull();
  });

  it('bounds every kind of geometry', () => {
    expect(bboxOfGeometry({ type: 'Point', coordinates: [3, 4] })).toEqual([3, 4, 3, 4]);
    expect(bboxOfGeometry({ type: 'LineString', coordinates: [[0, 0], [2, -1]] })).toEqual([0, -1, 2, 0]);
    expect(
      bboxOfGeometry({
        type: 'MultiPolygon',
        coordinates: [
          [[[0, 0], [1, 0], [1, 1], [0, 0]]],
          [[[5, 5], [6, 5], [6, 8], [5, 5]]],
        ],
      }),
    ).toEqual([0, 0, 6, 8]);
  });

  it('contains points inside and on the edge, not outside', () => {
    const b = [0, 0, 10, 5] as const;
    expect(bboxContains(b, { lng: 5, lat: 2 })).toBe(true);
    expect(bboxContains(b, { lng: 10, lat: 5 })).toBe(true);
    expect(bboxContains(b, { lng: 10.0001, lat: 2 })).toBe(false);
    expect(bboxContains(b, { lng: 5, lat: -0.1 })).toBe(false);
  });

  it('detects intersecting and disjoint boxes', () => {
    expect(bboxIntersects([0, 0, 2, 2], [1, 1, 3, 3])).toBe(true);
    expect(bboxIntersects([0, 0, 2, 2], [2, 2, 3, 3])).toBe(true);
    expect(bboxIntersects([0, 0, 2, 2], [2.1, 0, 3, 3])).toBe(false);
  });
});

describe('parseBBox', () => {
  it('parses four numbers with optional spaces', () => {
    expect(parseBBox('118.1,36.7,118.5,36.9')).toEqual([118.1, 36.7, 118.5, 36.9]);
    expect(parseBBox(' -1.5 , -2 , 3e1 , 4 ')).toEqual([-1.5, -2, 30, 4]);
  });

  it.each([
    ['', 'four'],
    ['1,2,3', 'four'],
    ['1,2,3,4,5', 'four'],
    ['a,2,3,4', 'not a number'],
    ['1,,3,4', 'not a number'],
    ['0x10,2,30,4', 'not a number'],
    ['Infinity,2,3,4', 'not a number'],
    ['-181,0,0,1', 'longitude'],
    ['0,-91,1,1', 'latitude'],
    ['2,0,1,1', 'minLng'],
    ['0,2,1,1', 'minLat'],
  ])('rejects %p', (text, reason) => {
    expect(() => parseBBox(text)).toThrow(BBoxParseError);
    expect(() => parseBBox(text)).toThrow(new RegExp(reason));
  });
});
