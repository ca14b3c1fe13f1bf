import { findLinkCandidate } from '../linking/find-link-candidate.js';
import { DEFAULT_LINKING_CONFIG } from '../linking/linking-config.js';
import {
  OFFICER_POSITION_ACCURACY_M, isSharperFix, positionAfterCallsLeave, positionFromCalls, positionWithCall, type CallFix, type IncidentPosition,
} from './incident-position.js';

const towerFix: IncidentPosition = { lng: 118.3, lat: 36.8, locationAccuracyM: 1500 };
const fix = (lng: number, lat: number, accuracyM: number | null): CallFix => ({ lng, lat, accuracyM });

describe('isSharperFix', () => {
  it.each([
    ['half the incident’s radius exactly', fix(118.31, 36.8, 750), true],
    ['just over half', fix(118.31, 36.8, 750.01), false],
    ['a GPS fix against a cell-tower one', fix(118.31, 36.8, 8), true],
    ['an exact fix (accuracy 0)', fix(118.31, 36.8, 0), true],
    ['an unknown accuracy proves nothing', fix(118.31, 36.8, null), false],
    ['a call with no position', { lng: null, lat: null, accuracyM: 5 }, false],
  ])('%s', (_, call, expected) => {
    expect(isSharperFix(call, towerFix)).toBe(expected);
  });

  it('never betters an officer’s position, nor one of unknown accuracy, nor no position', () => {
    const gps = fix(118.31, 36.8, 1);
    expect(isSharperFix(gps, { lng: 118.3, lat: 36.8, locationAccuracyM: OFFICER_POSITION_ACCURACY_M })).toBe(false);
    expect(isSharperFix(gps, { lng: 118.3, lat: 36.8, locationAccuracyM: null })).toBe(false);
    expect(isSharperFix(gps, { lng: null, lat: null, locationAccuracyM: null })).toBe(false);
  });
});

describe('positionWithCall', () => {
  it('places an incident that had no position', () => {
    expect(positionWithCall({ lng: null, lat: null, locationAccuracyM: null }, fix(118.4, 36.9, null))).toEqual({ lng: 118.4, lat: 36.9, locationAccuracyM: null });
  });

  it('moves to a much sharper fix, with its accuracy', () => {
    expect(positionWithCall(towerFix, fix(118.31, 36.801, 20))).toEqual({ lng: 118.31, lat: 36.801, locationAccuracyM: 20 });
  });

  it('keeps its position against a fix about as good, or a call with none', () => {
    expect(positionWithCall(towerFix, fix(118.31, 36.801, 1000))).toBe(towerFix);
    expect(positionWithCall(towerFix, { lng: null, lat: null, accuracyM: null })).toBe(towerFix);
  });

  it('so a vague first fix stops widening "near" once a sharp one joined', () => {
    // 1.5 km from the tower fix: within its reach (300 + 1500 + 20 m) while it stands…
    const otherFire = { source: '119' as const, externalId: 'F-2', location: { lng: 118.3 + 1500 / 89_000, lat: 36.8, accuracyM: 20 }, receivedAt: new Date('2026-11-24T08:10:00Z'), type: 'fire' as const };
    const incident = (p: IncidentPosition) => ({
      id: 'inc', status: 'reported' as const, location: p.lng === null || p.lat === null ? null : { lng: p.lng, lat: p.lat }, locationAccuracyM: p.locationAccuracyM,
      category: 'ACCIDENT' as const, type: 'fire' as const, sources: ['119' as const],
      firstCallAt: new Date('2026-11-24T08:00:00Z'), lastCallAt: new Date('2026-11-24T08:05:00Z'), externalRefs: [],
    });
    expect(findLinkCandidate(otherFire, [incident(towerFix)], DEFAULT_LINKING_CONFIG)).not.toBeNull();
    // …but not once a GPS call placed the fire at the tower fix's centre.
    const sharpened = positionWithCall(towerFix, fix(118.3, 36.8, 10));
    expect(findLinkCandidate(otherFire, [incident(sharpened)], DEFAULT_LINKING_CONFIG)).toBeNull();
  });
});

describe('positionFromCalls', () => {
  it('replays intake: the first located call, then each much sharper one', () => {
    expect(positionFromCalls([
      { lng: null, lat: null, accuracyM: null },
      fix(1, 1, 2000),
      fix(2, 2, 1200), // not sharp enough (> 1000)
      fix(3, 3, 900),
      fix(4, 4, 500), // not sharp enough (> 450)
    ])).toEqual({ lng: 3, lat: 3, locationAccuracyM: 900 });
  });

  it('is null when no call is located', () => {
    expect(positionFromCalls([])).toBeNull();
    expect(positionFromCalls([{ lng: null, lat: null, accuracyM: 10 }])).toBeNull();
  });
});

describe('positionAfterCallsLeave', () => {
  const first = fix(118.3, 36.8, 1500);
  const sharp = fix(118.31, 36.801, 15);

  it('a position the departed call gave follows the calls that remain', () => {
    const incident = { lng: sharp.lng, lat: sharp.lat, locationAccuracyM: sharp.accuracyM };
    expect(positionAfterCallsLeave(incident, [first])).toEqual({ lng: 118.3, lat: 36.8, locationAccuracyM: 1500 });
  });

  it('one a remaining call gave stays', () => {
    const incident = { lng: sharp.lng, lat: sharp.lat, locationAccuracyM: sharp.accuracyM };
    expect(positionAfterCallsLeave(incident, [first, sharp])).toBe(incident);
  });

  it('an officer’s position stays, whatever left', () => {
    const incident = { lng: 118.5, lat: 36.5, locationAccuracyM: OFFICER_POSITION_ACCURACY_M };
    expect(positionAfterCallsLeave(incident, [first])).toBe(incident);
  });

  it('stays on the map when no remaining call is located', () => {
    const incident = { lng: sharp.lng, lat: sharp.lat, locationAccuracyM: sharp.accuracyM };
    expect(positionAfterCallsLeave(incident, [{ lng: null, lat: null, accuracyM: null }])).toBe(incident);
  });

  it('an incident with no position takes one from the calls that remain', () => {
    expect(positionAfterCallsLeave({ lng: null, lat: null, locationAccuracyM: null }, [first])).toEqual({ lng: 118.3, lat: 36.8, locationAccuracyM: 1500 });
  });
});
