import type { JurisdictionDto } from '@beacon/domain';
import { outsideOwnArea } from './outsideArea';

const square = (id: string, west: number, south: number, size: number): JurisdictionDto => ({
  id, code: id, name: `区 ${id}`, level: 'district', parentId: null, centroid: null,
  geometry: { type: 'Polygon', coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] },
});
const area = [square('d1', 118, 36.7, 0.2), square('d2', 118.2, 36.7, 0.2)];

describe('a picked position and the officer’s own area', () => {
  it('is nothing to say about inside the area, or on its edge', () => {
    expect(outsideOwnArea({ lng: 118.1, lat: 36.8 }, area, 'd1')).toBeNull();
    expect(outsideOwnArea({ lng: 118, lat: 36.8 }, area, 'd1')).toBeNull();
  });

  it('names the area a position lies outside of, a neighbour’s included', () => {
    expect(outsideOwnArea({ lng: 118.3, lat: 36.8 }, area, 'd1')?.id).toBe('d1');
    expect(outsideOwnArea({ lng: 118.1, lat: 36.538 }, area, 'd1')?.name).toBe('区 d1');
  });

  it('says nothing without a boundary to hold the position to', () => {
    expect(outsideOwnArea({ lng: 0, lat: 0 }, undefined, 'd1')).toBeNull();
    expect(outsideOwnArea({ lng: 0, lat: 0 }, [{ ...area[0]!, geometry: null }], 'd1')).toBeNull();
    expect(outsideOwnArea({ lng: 0, lat: 0 }, area, 'unknown')).toBeNull();
  });
});
