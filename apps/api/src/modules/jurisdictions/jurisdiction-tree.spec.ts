import type { JurisdictionDto, Polygon } from '@beacon/domain';
import { JurisdictionTree } from './jurisdiction-tree.js';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const j = (id: string, level: JurisdictionDto['level'], parentId: string | null, geometry: Polygon | null): JurisdictionDto => ({
  id, code: id, name: id, level, parentId, geometry, centroid: null,
});
const tree = new JurisdictionTree([
  j('city', 'city', null, square(0, 0, 10, 10)),
  j('d1', 'district', 'city', square(0, 0, 5, 10)),
  j('d2', 'district', 'city', square(5, 0, 10, 10)),
  j('t1', 'town', 'd1', square(0, 0, 5, 5)),
  j('t2', 'town', 'd1', square(0, 5, 5, 10)),
]);

describe('JurisdictionTree', () => {
  it('lists a jurisdiction and everything below it', () => {
    expect([...tree.descendants('d1')].sort()).toEqual(['d1', 't1', 't2']);
    expect(tree.descendants('t1')).toEqual(new Set(['t1']));
    expect(tree.descendants('city').size).toBe(5);
  });

  it('lists a jurisdiction and every level above it, nearest first', () => {
    expect(tree.ancestors('t2')).toEqual(['t2', 'd1', 'city']);
    expect(tree.ancestors('city')).toEqual(['city']);
  });

  it('locates the most specific jurisdiction containing a point', () => {
    expect(tree.locate({ lng: 1, lat: 6 })?.id).toBe('t2');
    expect(tree.locate({ lng: 7, lat: 6 })?.id).toBe('d2');
    expect(tree.locate({ lng: 20, lat: 20 })).toBeNull();
  });

  it('gives a jurisdiction\'s bounding box, null without a boundary or for an unknown id', () => {
    expect(tree.bounds('d2')).toEqual([5, 0, 10, 10]);
    expect(tree.bounds('t2')).toEqual([0, 5, 5, 10]);
    expect(new JurisdictionTree([j('x', 'town', null, null)]).bounds('x')).toBeNull();
    expect(tree.bounds('nowhere')).toBeNull();
  });

  it('searches only below the receiving jurisdiction when scoped', () => {
    expect(tree.locate({ lng: 1, lat: 1 }, 'd1')?.id).toBe('t1');
    expect(tree.locate({ lng: 7, lat: 6 }, 'd1')).toBeNull();
  });
});
