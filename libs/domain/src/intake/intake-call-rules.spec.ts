import { DEFAULT_SERVICE_AREA_MARGIN_M, intakeCallProblems, serviceAreaProblem } from './intake-call-rules.js';

describe('intakeCallProblems', () => {
  it('accepts a call with a position, an address, or both', () => {
    expect(intakeCallProblems({ location: { lng: 118.3, lat: 36.8 } })).toBeNull();
    expect(intakeCallProblems({ address: '齐都大道 1 号' })).toBeNull();
    expect(intakeCallProblems({ location: { lng: 118.3, lat: 36.8 }, address: '齐都大道' })).toBeNull();
  });

  it('names both location and address when neither says where', () => {
    expect(intakeCallProblems({})).toEqual({ location: expect.any(String), address: expect.any(String) });
    expect(intakeCallProblems({ address: '   ' })).toEqual({ location: expect.any(String), address: expect.any(String) });
  });

  it('accepts a sub-type alone or with its own category, and names a mismatch', () => {
    expect(intakeCallProblems({ address: 'x', type: 'fire' })).toBeNull();
    expect(intakeCallProblems({ address: 'x', category: 'ACCIDENT', type: 'fire' })).toBeNull();
    expect(intakeCallProblems({ address: 'x', category: 'NATURAL', type: 'fire' })).toEqual({ type: 'not a sub-type of NATURAL' });
  });
});

describe('serviceAreaProblem', () => {
  // A district of about 27 × 25 km.
  const area = [118.15, 36.7, 118.45, 36.92] as const;

  it('accepts a point inside the area or within the margin of its edge', () => {
    expect(serviceAreaProblem({ lng: 118.3, lat: 36.8 }, area)).toBeNull();
    // 49.9 km north and south of the area: a degree of latitude is 111.32 km.
    expect(serviceAreaProblem({ lng: 118.3, lat: 36.92 + 49_900 / 111_320 }, area)).toBeNull();
    expect(serviceAreaProblem({ lng: 118.3, lat: 36.7 - 49_900 / 111_320 }, area)).toBeNull();
    // 49.9 km east and west, measured along the area's edges.
    const dLng = 49_900 / (111_320 * Math.cos((36.92 * Math.PI) / 180));
    expect(serviceAreaProblem({ lng: 118.45 + dLng, lat: 36.8 }, area)).toBeNull();
    expect(serviceAreaProblem({ lng: 118.15 - dLng, lat: 36.8 }, area)).toBeNull();
  });

  it('refuses a point beyond the margin on any side, naming the position and the area', () => {
    expect(serviceAreaProblem({ lng: 118.3, lat: 36.92 + 50_100 / 111_320 }, area)).toMatch(/more than 50 km outside/);
    expect(serviceAreaProblem({ lng: 118.3, lat: 36.7 - 50_100 / 111_320 }, area)).not.toBeNull();
    const dLng = 51_000 / (111_320 * Math.cos((36.7 * Math.PI) / 180));
    expect(serviceAreaProblem({ lng: 118.45 + dLng, lat: 36.8 }, area)).not.toBeNull();
    expect(serviceAreaProblem({ lng: 118.15 - dLng, lat: 36.8 }, area)).not.toBeNull();
  });

  it('refuses the usual faults of a sender: null island, another city, a pole', () => {
    expect(serviceAreaProblem({ lng: 0, lat: 0 }, area)).toContain('(0, 0)');
    expect(serviceAreaProblem({ lng: 116.4, lat: 39.9 }, area)).not.toBeNull(); // Beijing, ~400 km away
    expect(serviceAreaProblem({ lng: 118.3, lat: 90 }, area)).not.toBeNull();
    expect(serviceAreaProblem({ lng: 118.3, lat: -90 }, area)).not.toBeNull();
  });

  it('holds nothing to an area a jurisdiction without a boundary does not have', () => {
    expect(serviceAreaProblem({ lng: 0, lat: 0 }, null)).toBeNull();
  });

  it('is one of intakeCallProblems when the service area is given, naming location', () => {
    expect(intakeCallProblems({ location: { lng: 118.3, lat: 36.8 } }, { area })).toBeNull();
    expect(intakeCallProblems({ location: { lng: 0, lat: 0 }, category: 'NATURAL', type: 'fire' }, { area })).toEqual({ location: expect.stringContaining('outside'), type: 'not a sub-type of NATURAL' });
    expect(intakeCallProblems({ location: { lng: 0, lat: 0 } }, { area: null })).toBeNull();
    expect(intakeCallProblems({ location: { lng: 0, lat: 0 } })).toBeNull();
  });

  it('takes the margin as configured', () => {
    const justOutside = { lng: 118.3, lat: 36.92 + 2_000 / 111_320 };
    expect(serviceAreaProblem(justOutside, area, 1_000)).toMatch(/more than 1 km outside/);
    expect(serviceAreaProblem(justOutside, area, 3_000)).toBeNull();
    expect(DEFAULT_SERVICE_AREA_MARGIN_M).toBe(50_000);
  });
});
