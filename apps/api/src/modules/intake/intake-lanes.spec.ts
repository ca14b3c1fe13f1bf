import { laneOf } from './intake-lanes.js';

describe('laneOf', () => {
  const area: [number, number, number, number] = [118.0, 36.0, 118.4, 36.5];

  it('cuts the area into equal bands of longitude, west to east', () => {
    expect(laneOf(118.0, area, 2)).toBe(0);
    expect(laneOf(118.1999, area, 2)).toBe(0);
    expect(laneOf(118.2, area, 2)).toBe(1);
    expect(laneOf(118.4, area, 2)).toBe(1);
    expect([118.05, 118.15, 118.25, 118.35].map((lng) => laneOf(lng, area, 4))).toEqual([0, 1, 2, 3]);
  });

  it('puts calls outside the area into the nearest band', () => {
    expect(laneOf(117.5, area, 3)).toBe(0);
    expect(laneOf(119, area, 3)).toBe(2);
  });

  it('uses the first lane without a position, an area, a width or a second lane', () => {
    expect(laneOf(null, area, 2)).toBe(0);
    expect(laneOf(undefined, area, 2)).toBe(0);
    expect(laneOf(118.3, null, 2)).toBe(0);
    expect(laneOf(118.3, [118.3, 36, 118.3, 37], 2)).toBe(0);
    expect(laneOf(118.3, area, 1)).toBe(0);
  });
});
