import { degreesForMetres, METRES_PER_DEGREE, haversineMeters } from './distance.js';

describe('haversineMeters', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    const d = haversineMeters({ lng: 118.3, lat: 36 }, { lng: 118.3, lat: 37 });
    expect(Math.abs(d - 111_200) / 111_200).toBeLessThan(0.005);
  });

  it('shrinks a degree of longitude by cos(latitude)', () => {
    const equator = haversineMeters({ lng: 0, lat: 0 }, { lng: 1, lat: 0 });
    const at60 = haversineMeters({ lng: 0, lat: 60 }, { lng: 1, lat: 60 });
    expect(at60 / equator).toBeCloseTo(0.5, 3);
  });

  it('matches a known city pair (Beijing–Shanghai ≈ 1067 km)', () => {
    const d = haversineMeters({ lng: 116.4074, lat: 39.9042 }, { lng: 121.4737, lat: 31.2304 });
    expect(Math.abs(d - 1_067_000) / 1_067_000).toBeLessThan(0.01);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { lng: 118.3, lat: 36.8 };
    const b = { lng: 118.31, lat: 36.81 };
    expect(haversineMeters(a, a)).toBe(0);
    expect(haversineMeters(a, b)).toBeCloseTo(haversineMeters(b, a), 9);
  });

  it('stays finite for antipodal points', () => {
    expect(haversineMeters({ lng: 0, lat: 0 }, { lng: 180, lat: 0 })).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});

describe('degreesForMetres', () => {
  it('gives a box whose edges lie at the distance asked, on both axes', () => {
    const at = { lng: 118.3, lat: 36.8 };
    const { dLng, dLat } = degreesForMetres(1500, at.lat);
    expect(haversineMeters(at, { lng: at.lng, lat: at.lat + dLat })).toBeCloseTo(1500, 6);
    expect(haversineMeters(at, { lng: at.lng + dLng, lat: at.lat })).toBeCloseTo(1500, 0);
    // The east edge is reached along a great circle slightly shorter than the parallel: never less than asked minus a metre.
    expect(haversineMeters(at, { lng: at.lng + dLng, lat: at.lat })).toBeGreaterThan(1499);
  });

  it('widens in longitude by 1 / cos(latitude)', () => {
    expect(degreesForMetres(1000, 0).dLng).toBeCloseTo(1000 / METRES_PER_DEGREE, 12);
    expect(degreesForMetres(1000, 60).dLng).toBeCloseTo((2 * 1000) / METRES_PER_DEGREE, 9);
  });
});
