import type { LngLat } from '../contracts/geo.js';
import type { IncidentStatus } from '../contracts/incidents.js';
import { findLinkCandidate, linkCandidates, officerLinkReason } from './find-link-candidate.js';
import { EARTH_RADIUS_M } from './geo-math.js';
import { DEFAULT_LINKING_CONFIG } from './linking-config.js';
import type { CallForLinking, IncidentForLinking } from './linking-types.js';

const SPOT: LngLat = { lng: 114.3055, lat: 30.5928 };
const T0 = new Date('2026-11-23T08:00:00+08:00');
const minutes = (m: number): Date => new Date(T0.getTime() + m * 60_000);
/** A point `metres` due north of `from` (along a meridian haversine is exact). */
const north = (metres: number, from: LngLat = SPOT): LngLat => ({ lng: from.lng, lat: from.lat + (metres / EARTH_RADIUS_M) * (180 / Math.PI) });
const east = (metres: number, from: LngLat = SPOT): LngLat => ({
  lng: from.lng + ((metres / EARTH_RADIUS_M) * (180 / Math.PI)) / Math.cos((from.lat * Math.PI) / 180),
  lat: from.lat,
});

const incident = (over: Partial<IncidentForLinking> = {}): IncidentForLinking => ({
  id: 'inc-1',
  status: 'acknowledged',
  location: SPOT,
  category: 'ACCIDENT',
  type: 'fire',
  lastCallAt: T0,
  externalRefs: [{ source: '119', externalId: '119-0001' }],
  ...over,
});

const call = (over: Partial<CallForLinking> = {}): CallForLinking => ({
  source: '119',
  externalId: '119-0002',
  receivedAt: minutes(4),
  location: SPOT,
  category: 'ACCIDENT',
  type: 'fire',
  ...over,
});

describe('findLinkCandidate — proximity radius', () => {
  it.each<[number, boolean]>([
    [0, true],
    [299, true],
    [300, true],
    [301, false],
  ])('exact positions, %i m apart → linked %s', (metres, linked) => {
    const result = findLinkCandidate(call({ location: north(metres) }), [incident()]);
    expect(result !== null).toBe(linked);
    if (result) expect(result.reason).toMatchObject({ rule: 'proximity', distanceM: metres });
  });

  it.each<[number, boolean]>([
    [449, true],
    [450, true],
    [451, false],
  ])('call accuracy 50 m, incident accuracy 100 m (radius 450), %i m apart → linked %s', (metres, linked) => {
    const c = call({ location: { ...north(metres), accuracyM: 50 } });
    expect(findLinkCandidate(c, [incident({ locationAccuracyM: 100 })]) !== null).toBe(linked);
  });

  it.each<[number, boolean]>([
    [2300, true],
    [2301, false],
  ])('call accuracy 5 km is capped at 2 km (radius 2300), %i m apart → linked %s', (metres, linked) => {
    const c = call({ location: { ...north(metres), accuracyM: 5000 } });
    expect(findLinkCandidate(c, [incident()]) !== null).toBe(linked);
  });

  it('measures east-west as well as north-south', () => {
    expect(findLinkCandidate(call({ location: east(295) }), [incident()])).not.toBeNull();
    expect(findLinkCandidate(call({ location: east(310) }), [incident()])).toBeNull();
  });

  it('keeps two fires 1 km apart as two incidents', () => {
    expect(findLinkCandidate(call({ location: north(1000) }), [incident()])).toBeNull();
  });

  it('cannot use proximity when either side has no position', () => {
    expect(findLinkCandidate(call({ location: null }), [incident()])).toBeNull();
    expect(findLinkCandidate(call({ location: undefined }), [incident()])).toBeNull();
    expect(findLinkCandidate(call(), [incident({ location: null })])).toBeNull();
  });

  it('honours a tighter configuration (field-notes 80 m / 10 min)', () => {
    const tight = { ...DEFAULT_LINKING_CONFIG, baseRadiusM: 80, windowMinutes: 10 };
    expect(findLinkCandidate(call({ location: north(80), receivedAt: minutes(10) }), [incident()], tight)).not.toBeNull();
    expect(findLinkCandidate(call({ location: north(81) }), [incident()], tight)).toBeNull();
    expect(findLinkCandidate(call({ receivedAt: minutes(11) }), [incident()], tight)).toBeNull();
  });
});

describe('findLinkCandidate — time window', () => {
  it.each<[number, boolean]>([
    [29, true],
    [30, true],
    [30.001, false],
    [31, false],
  ])('call %f min after the last call → linked %s', (m, linked) => {
    expect(findLinkCandidate(call({ receivedAt: minutes(m) }), [incident()]) !== null).toBe(linked);
  });

  it.each<[number, boolean]>([
    [-10, true],
    [-30, true],
    [-31, false],
  ])('out-of-order call %i min before the only call → linked %s', (m, linked) => {
    const result = findLinkCandidate(call({ receivedAt: minutes(m) }), [incident()]);
    expect(result !== null).toBe(linked);
    if (result) expect(result.reason.minutes).toBe(Math.abs(m));
  });

  it('accepts a late-delivered call that falls inside a long incident', () => {
    const long = incident({ firstCallAt: minutes(-120), lastCallAt: T0 });
    expect(findLinkCandidate(call({ receivedAt: minutes(-60) }), [long])?.reason.minutes).toBe(0);
    expect(findLinkCandidate(call({ receivedAt: minutes(-150) }), [long])?.reason.minutes).toBe(30);
    expect(findLinkCandidate(call({ receivedAt: minutes(-151) }), [long])).toBeNull();
  });

  it('tolerates firstCallAt after lastCallAt (bad data) by using the span between them', () => {
    const swapped = incident({ firstCallAt: minutes(10), lastCallAt: T0 });
    expect(findLinkCandidate(call({ receivedAt: minutes(40) }), [swapped])).not.toBeNull();
    expect(findLinkCandidate(call({ receivedAt: minutes(41) }), [swapped])).toBeNull();
  });
});

describe('findLinkCandidate — types', () => {
  it('does not link incompatible types at the same spot', () => {
    expect(findLinkCandidate(call({ category: 'SOCIAL', type: 'mass_incident' }), [incident({ category: 'NATURAL', type: 'flood' })])).toBeNull();
    expect(findLinkCandidate(call({ category: 'NATURAL', type: 'flood' }), [incident()])).toBeNull();
  });

  it('links an ambulance call to the fire at the same spot', () => {
    const ambulance = call({ source: '120', externalId: '120-77', category: 'HEALTH', type: null });
    expect(findLinkCandidate(ambulance, [incident()])?.incidentId).toBe('inc-1');
  });

  it('links a fire call to an incident opened by an ambulance call', () => {
    const fromAmbulance = incident({ category: 'HEALTH', type: null, externalRefs: [{ source: '120', externalId: '120-1' }] });
    expect(findLinkCandidate(call(), [fromAmbulance])?.incidentId).toBe('inc-1');
  });

  it('takes the incident’s sources from `sources` when given, not from the refs passed', () => {
    // The API passes only the refs that could match the batch's calls, with all the sources beside them.
    // A flood call joins a HEALTH incident only through the 120 rule (its calls all from 120).
    const flood = call({ category: 'NATURAL', type: 'flood' });
    const fromAmbulance = incident({ category: 'HEALTH', type: null, externalRefs: [], sources: ['120'] });
    expect(findLinkCandidate(flood, [fromAmbulance])?.incidentId).toBe('inc-1');
    const alsoPolice = incident({ category: 'HEALTH', type: null, externalRefs: [{ source: '120', externalId: '120-1' }], sources: ['110', '120'] });
    expect(findLinkCandidate(flood, [alsoPolice])).toBeNull();
  });

  it('links a call of unknown type', () => {
    expect(findLinkCandidate(call({ category: undefined, type: undefined }), [incident()])).not.toBeNull();
  });
});

describe('findLinkCandidate — external reference', () => {
  const far = north(5000);

  it('links through another source’s case id regardless of distance, time and type', () => {
    const c = call({ source: '110', externalId: '110-9', relatedExternalIds: ['119-0001'], location: far, receivedAt: minutes(180), category: 'SOCIAL', type: 'major_crime' });
    const result = findLinkCandidate(c, [incident()]);
    expect(result?.incidentId).toBe('inc-1');
    expect(result?.reason.rule).toBe('external_reference');
    expect(result?.reason.distanceM).toBe(5000);
    expect(result?.reason.detail).toBe('关联 119 案件编号 119-0001，距离 5000 米，间隔 180 分钟');
  });

  it('links when an earlier call on the incident referred to this call', () => {
    const inc = incident({ externalRefs: [{ source: '110', externalId: '110-1', relatedExternalIds: ['119-0009'] }] });
    const result = findLinkCandidate(call({ externalId: '119-0009', location: far }), [inc]);
    expect(result?.reason.rule).toBe('external_reference');
  });

  it('links when the call carries the same case id as another source (shared case number)', () => {
    const result = findLinkCandidate(call({ source: '110', externalId: '119-0001', location: null }), [incident()]);
    expect(result?.reason).toMatchObject({ rule: 'external_reference' });
    expect(result?.reason.distanceM).toBeUndefined();
  });

  it('does not treat the same source’s id as a cross-reference', () => {
    expect(findLinkCandidate(call({ externalId: '119-0001', location: far }), [incident()])).toBeNull();
    expect(findLinkCandidate(call({ relatedExternalIds: ['119-0001'], location: far }), [incident()])).toBeNull();
  });
});

describe('findLinkCandidate — open incidents only', () => {
  it.each<[IncidentStatus, boolean]>([
    ['reported', true],
    ['acknowledged', true],
    ['responding', true],
    ['controlled', true],
    ['closed', false],
    ['merged', false],
  ])('%s incident → linked %s (by proximity or by reference)', (status, linked) => {
    expect(findLinkCandidate(call(), [incident({ status })]) !== null).toBe(linked);
    const byRef = call({ source: '110', relatedExternalIds: ['119-0001'] });
    expect(findLinkCandidate(byRef, [incident({ status })]) !== null).toBe(linked);
  });
});

describe('findLinkCandidate — best candidate', () => {
  it('prefers the nearest incident', () => {
    const candidates = [incident({ id: 'far', location: north(250) }), incident({ id: 'near', location: north(100) })];
    expect(findLinkCandidate(call(), candidates)?.incidentId).toBe('near');
  });

  it('breaks a distance tie by the most recent activity', () => {
    const candidates = [incident({ id: 'older', lastCallAt: minutes(-5) }), incident({ id: 'newer', lastCallAt: minutes(1) })];
    expect(findLinkCandidate(call(), candidates)?.incidentId).toBe('newer');
  });

  it('breaks a full tie by id so the answer is stable', () => {
    const candidates = [incident({ id: 'b' }), incident({ id: 'a' })];
    expect(findLinkCandidate(call(), candidates)?.incidentId).toBe('a');
  });

  it('prefers an external reference over a nearer proximity match', () => {
    const candidates = [
      incident({ id: 'here' }),
      incident({ id: 'referenced', location: north(3000), externalRefs: [{ source: '110', externalId: '110-5' }] }),
    ];
    expect(findLinkCandidate(call({ relatedExternalIds: ['110-5'] }), candidates)?.incidentId).toBe('referenced');
  });

  it('skips closed incidents and takes the next best', () => {
    const candidates = [incident({ id: 'closed', status: 'closed' }), incident({ id: 'open', location: north(200) })];
    expect(findLinkCandidate(call(), candidates)?.incidentId).toBe('open');
  });

  it('returns null with no candidates', () => {
    expect(findLinkCandidate(call(), [])).toBeNull();
  });

  it('lists every candidate best first', () => {
    const candidates = [
      incident({ id: 'p200', location: north(200) }),
      incident({ id: 'ref', location: north(3000), externalRefs: [{ source: '110', externalId: '110-5' }] }),
      incident({ id: 'p50', location: north(50) }),
      incident({ id: 'toofar', location: north(900) }),
    ];
    expect(linkCandidates(call({ relatedExternalIds: ['110-5'] }), candidates, DEFAULT_LINKING_CONFIG).map((c) => c.incidentId)).toEqual(['ref', 'p50', 'p200']);
  });
});

describe('link reasons', () => {
  it('explains a proximity link in Chinese with rounded figures', () => {
    const result = findLinkCandidate(call({ location: north(120.4) }), [incident({ type: 'hazmat' })]);
    expect(result?.reason).toEqual({ rule: 'proximity', distanceM: 120, minutes: 4, detail: '距离 120 米，间隔 4 分钟，类型相容（火灾/危化品）' });
  });

  it('mentions the widened radius when accuracy counted', () => {
    const result = findLinkCandidate(call({ location: { ...north(400), accuracyM: 150 }, receivedAt: minutes(0.5) }), [incident()]);
    expect(result?.reason.detail).toBe('距离 400 米（含定位误差，有效半径 450 米），间隔不到 1 分钟，类型相同（火灾）');
  });

  it('records an officer’s manual link', () => {
    expect(officerLinkReason('  同一起火灾  ')).toEqual({ rule: 'officer', detail: '值班员手动关联：同一起火灾' });
    expect(officerLinkReason('')).toEqual({ rule: 'officer', detail: '值班员手动关联' });
  });
});
