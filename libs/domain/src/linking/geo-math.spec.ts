import { EARTH_RADIUS_M, haversineM, isValidLngLat } from './geo-math.js';

describe('haversineM', () => {
  const wuhan = { lng: 114.3055, lat: 30.5928 };

  it('is zero for the same point and symmetric', () => {
    expect(haversineM(wuhan, wuhan)).toBe(0);
    const other = { lng: 114.31, lat: 30.6 };
    expect(haversineM(wuhan, other)).toBeCloseTo(haversineM(other, wuhan), 9);
  });

  it('gives one degree of latitude as R·π/180', () => {
    expect(haversineM({ lng: 0, lat: 0 }, { lng: 0, lat: 1 })).toBeCloseTo((EARTH_RADIUS_M * Math.PI) / 180, 6);
  });

  it('shrinks east-west distance with latitude', () => {
    const atEquator = haversineM({ lng: 0, lat: 0 }, { lng: 1, lat: 0 });
    const at60 = haversineM({ lng: 0, lat: 60 }, { lng: 1, lat: 60 });
    expect(at60 / atEquator).toBeCloseTo(0.5, 3);
  });

  it('measures Beijing (Tiananmen) to Shanghai (People’s Square) at about 1067 km', () => {
    const d = haversineM({ lng: 116.3975, lat: 39.9087 }, { lng: 121.4737, lat: 31.2304 });
    expect(d).toBeGreaterThan(1_060_000);
    expect(d).toBeLessThan(1_075_000);
  });

  it('stays finite for antipodal points', () => {
    expect(haversineM({ lng: 0, lat: 0 }, { lng: 180, lat: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
  });
});

describe('isValidLngLat', () => {
  it.each([
    [{ lng: 114.3, lat: 30.6 }, true],
    [{ lng: 180, lat: -90 }, true],
    [{ lng: 180.0001, lat: 0 }, false],
    [{ lng: 0, lat: 90.5 }, false],
    [{ lng: Number.NaN, lat: 0 }, false],
  ])('%o → %s', (point, valid) => {
    expect(isValidLngLat(point)).toBe(valid);
  });
});
