import { findLinkCandidate } from './find-link-candidate.js';
import { DEFAULT_LINKING_CONFIG } from './linking-config.js';
import type { CallForLinking, IncidentForLinking } from './linking-types.js';
import { acceptedReceivedAt, DEFAULT_CLOCK_TOLERANCE_S, MAX_DELIVERY_DELAY_S, sourceClockSkew } from './received-at.js';

const now = new Date('2026-11-25T10:00:00.000Z');
const plus = (s: number): Date => new Date(now.getTime() + s * 1000);

describe('acceptedReceivedAt', () => {
  it('keeps a source time up to the tolerance ahead of the server as reported', () => {
    expect(DEFAULT_CLOCK_TOLERANCE_S).toBe(60);
    expect(acceptedReceivedAt(plus(60), now)).toEqual({ receivedAt: plus(60), reportedReceivedAt: null });
    expect(acceptedReceivedAt(now, now)).toEqual({ receivedAt: now, reportedReceivedAt: null });
  });

  it('keeps a call from a clock just past the tolerance at the server time, with the source time beside it', () => {
    const reported = new Date(now.getTime() + 60_001);
    expect(acceptedReceivedAt(reported, now)).toEqual({ receivedAt: now, reportedReceivedAt: reported });
  });

  it('keeps times in the past as reported, up to a week old (a late delivery)', () => {
    expect(MAX_DELIVERY_DELAY_S).toBe(7 * 24 * 3600);
    expect(acceptedReceivedAt(plus(-3 * 3600), now)).toEqual({ receivedAt: plus(-3 * 3600), reportedReceivedAt: null });
    expect(acceptedReceivedAt(plus(-MAX_DELIVERY_DELAY_S), now)).toEqual({ receivedAt: plus(-MAX_DELIVERY_DELAY_S), reportedReceivedAt: null });
  });

  it('keeps a time older than a week at the server time, with the source time beside it (a wrong clock, not a late delivery)', () => {
    const old = plus(-MAX_DELIVERY_DELAY_S - 1);
    expect(acceptedReceivedAt(old, now)).toEqual({ receivedAt: now, reportedReceivedAt: old });
    const in1900 = new Date('1900-01-01T00:00:00+08:00');
    expect(acceptedReceivedAt(in1900, now)).toEqual({ receivedAt: now, reportedReceivedAt: in1900 });
    expect(acceptedReceivedAt(plus(-3600), now, 60, 1800).reportedReceivedAt).toEqual(plus(-3600));
  });

  it('takes the tolerance it is given', () => {
    expect(acceptedReceivedAt(plus(10), now, 5).reportedReceivedAt).toEqual(plus(10));
    expect(acceptedReceivedAt(plus(5), now, 5).reportedReceivedAt).toBeNull();
    expect(acceptedReceivedAt(plus(1), now, 0).receivedAt).toEqual(now);
  });

  it('does not hand back the server clock object itself', () => {
    expect(acceptedReceivedAt(plus(7200), now).receivedAt).not.toBe(now);
  });

  it('stops a fast source clock from stretching the linking window', () => {
    // A fire is reported at 10:00; a second report of it comes from a 119 centre whose clock is two
    // hours ahead. 45 minutes later (real time) another fire is reported 100 m away: past the
    // 30-minute window, a new event.
    const fast = acceptedReceivedAt(plus(2 * 3600), now);
    const incidentAt = (lastCallAt: Date): IncidentForLinking => ({
      id: 'fire-1', status: 'acknowledged', location: { lng: 121.4737, lat: 31.2304 }, category: 'ACCIDENT', type: 'fire',
      firstCallAt: now, lastCallAt, externalRefs: [{ source: '110', externalId: 'A-1' }, { source: '119', externalId: 'F-1' }],
    });
    const later: CallForLinking = {
      source: '119', externalId: 'F-2', receivedAt: plus(45 * 60), location: { lng: 121.4747, lat: 31.2304 }, category: 'ACCIDENT', type: 'fire',
    };
    expect(findLinkCandidate(later, [incidentAt(fast.receivedAt)], DEFAULT_LINKING_CONFIG)).toBeNull();
    // As reported, the incident's calls would span 10:00–12:00 and the new one would fall inside them.
    expect(findLinkCandidate(later, [incidentAt(fast.reportedReceivedAt!)], DEFAULT_LINKING_CONFIG)).not.toBeNull();
  });
});

describe('sourceClockSkew', () => {
  it.each<[number, boolean, number, string]>([
    [61, true, 1, 'minutes'],
    [89, true, 1, 'minutes'],
    [90, true, 2, 'minutes'],
    [119 * 60, true, 119, 'minutes'],
    [119.5 * 60, true, 2, 'hours'],
    [47.5 * 3600, true, 2, 'days'],
    [7200, true, 2, 'hours'],
    [-47 * 3600, false, 47, 'hours'],
    [-48 * 3600, false, 2, 'days'],
    [-9 * 86400, false, 9, 'days'],
  ])('%i s → ahead %p, %i %s', (seconds, ahead, amount, unit) => {
    expect(sourceClockSkew(now, plus(seconds))).toEqual({ ahead, amount, unit });
  });

  it('reads a clock a century off in days', () => {
    expect(sourceClockSkew(now, new Date('1900-01-01T00:00:00Z'))).toMatchObject({ ahead: false, unit: 'days', amount: 46_349 });
  });
});
