import type { CallSource, IncidentFigures } from '../contracts/incidents.js';
import { emptyFigures } from '../grading/figures.js';
import { basisFitsClassification, officerGradeBasis } from '../grading/grade-change.js';
import { findLinkCandidate } from '../linking/find-link-candidate.js';
import { absorbCall, incidentFromCall, sortSources, type AbsorbedCall, type AbsorbingIncident } from './absorb-call.js';
import { incidentTitle } from './incident-title.js';

const T0 = new Date('2026-11-24T08:00:00+08:00');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const PLACE = '东城区';

/** A fire reported once by 119 at T0, with a position and the title Beacon derived. */
function fire(overrides: Partial<AbsorbingIncident> = {}): AbsorbingIncident & { id: string } {
  const base = {
    id: 'inc-1',
    category: 'ACCIDENT' as const,
    type: 'fire' as const,
    address: null,
    title: '',
    figures: emptyFigures(),
    grade: null,
    gradeBasis: null,
    callCount: 1,
    sources: ['119'] as CallSource[],
    firstCallAt: T0,
    lastCallAt: T0,
    lng: 118.3,
    lat: 36.8,
    locationAccuracyM: 10,
    ...overrides,
  };
  return { ...base, title: overrides.title ?? incidentTitle(base, PLACE) };
}

function call(overrides: Partial<AbsorbedCall> = {}): AbsorbedCall {
  return {
    source: '110', receivedAt: at(5), lng: 118.301, lat: 36.801, accuracyM: 50, address: null,
    category: 'ACCIDENT', type: 'fire', figures: {}, ...overrides,
  };
}

const figures = (partial: Partial<IncidentFigures>): IncidentFigures => ({ ...emptyFigures(), ...partial });

describe('absorbCall', () => {
  it('counts the call, adds its source in 110/119/120/manual order and widens the call period', () => {
    const { incident } = absorbCall(fire(), call({ source: '110', receivedAt: at(5) }), PLACE);
    expect(incident.callCount).toBe(2);
    expect(incident.sources).toEqual(['110', '119']);
    expect(incident.firstCallAt).toEqual(T0);
    expect(incident.lastCallAt).toEqual(at(5));
  });

  it('a call that reached its call center earlier moves the first call back, not the last', () => {
    const { incident } = absorbCall(fire(), call({ receivedAt: at(-3) }), PLACE);
    expect(incident.firstCallAt).toEqual(at(-3));
    expect(incident.lastCallAt).toEqual(T0);
  });

  it('a repeat source is listed once', () => {
    const { incident } = absorbCall(fire(), call({ source: '119' }), PLACE);
    expect(incident.sources).toEqual(['119']);
    expect(incident.callCount).toBe(2);
  });

  it('leaves the incident it was given untouched (returns a new one)', () => {
    const before = fire();
    const copy = structuredClone(before);
    absorbCall(before, call({ figures: { deaths: 5 }, address: '化工园区东门' }), PLACE);
    expect(before).toEqual(copy);
  });

  it('keeps every other field of the incident (id and the rest pass through)', () => {
    const { incident } = absorbCall(fire(), call(), PLACE);
    expect(incident.id).toBe('inc-1');
  });

  describe('fills what the incident did not know, never overwrites what it knew', () => {
    it('position: taken from the call only when the incident has none', () => {
      const noPosition = absorbCall(fire({ lng: null, lat: null, locationAccuracyM: null }), call(), PLACE).incident;
      expect([noPosition.lng, noPosition.lat, noPosition.locationAccuracyM]).toEqual([118.301, 36.801, 50]);
      const hasPosition = absorbCall(fire(), call(), PLACE).incident;
      expect([hasPosition.lng, hasPosition.lat, hasPosition.locationAccuracyM]).toEqual([118.3, 36.8, 10]);
    });

    it('position: a call without one leaves a position-less incident without one', () => {
      const { incident } = absorbCall(fire({ lng: null, lat: null, locationAccuracyM: null }), call({ lng: null, lat: null, accuracyM: null, address: '人民路12号' }), PLACE);
      expect([incident.lng, incident.lat]).toEqual([null, null]);
      expect(incident.address).toBe('人民路12号');
    });

    it('location: a much sharper fix moves a call-given position; an officer’s stays', () => {
      const gps = call({ lng: 118.305, lat: 36.802, accuracyM: 5 });
      expect(absorbCall(fire({ locationAccuracyM: 1200 }), gps, PLACE).incident).toMatchObject({ lng: 118.305, lat: 36.802, locationAccuracyM: 5 });
      expect(absorbCall(fire({ locationAccuracyM: 0 }), gps, PLACE).incident).toMatchObject({ lng: 118.3, lat: 36.8, locationAccuracyM: 0 });
    });

    it('address: first one reported wins', () => {
      expect(absorbCall(fire(), call({ address: '人民路12号' }), PLACE).incident.address).toBe('人民路12号');
      expect(absorbCall(fire({ address: '化工园区东门' }), call({ address: '人民路12号' }), PLACE).incident.address).toBe('化工园区东门');
    });

    it('type: filled with its category when the incident had neither', () => {
      const { incident } = absorbCall(fire({ type: null, category: null }), call({ type: 'hazmat', category: null }), PLACE);
      expect(incident.type).toBe('hazmat');
      expect(incident.category).toBe('ACCIDENT');
    });

    it('type: filled when it belongs to the category the incident has', () => {
      const { incident } = absorbCall(fire({ type: null, category: 'ACCIDENT' }), call({ type: 'hazmat', category: 'ACCIDENT' }), PLACE);
      expect(incident.type).toBe('hazmat');
      expect(incident.category).toBe('ACCIDENT');
    });

    it('type: a type of another category is not taken (an unknown type is better than a wrong one)', () => {
      // An untyped ACCIDENT incident (a 110 call that said only 事故) joined by a flood call (NATURAL and ACCIDENT link).
      const { incident } = absorbCall(fire({ type: null, category: 'ACCIDENT' }), call({ type: 'flood', category: 'NATURAL', figures: { deaths: 3 } }), PLACE);
      expect(incident.category).toBe('ACCIDENT');
      expect(incident.type).toBeNull();
      // Graded as what it is classified, an accident (Decree 493 covers every ACCIDENT type), with its basis consistent.
      expect(incident.grade).toBe('III');
      expect(basisFitsClassification(incident)).toBe(true);
    });

    it('type: a known type is not replaced by the call’s', () => {
      expect(absorbCall(fire(), call({ type: 'road_traffic' }), PLACE).incident.type).toBe('fire');
    });

    it('category: a call with a category but no type fills only the category', () => {
      const { incident } = absorbCall(fire({ type: null, category: null }), call({ type: null, category: 'HEALTH' }), PLACE);
      expect(incident.type).toBeNull();
      expect(incident.category).toBe('HEALTH');
    });
  });

  describe('title', () => {
    it('a derived title follows new facts (address, type)', () => {
      const start = fire({ type: null, category: null });
      expect(start.title).toBe('东城区 警情');
      const { incident } = absorbCall(start, call({ type: 'fire', address: '化工园区东门' }), PLACE);
      expect(incident.title).toBe('化工园区东门 火灾');
    });

    it('an officer’s own title is kept', () => {
      const { incident } = absorbCall(fire({ title: '化工厂爆炸' }), call({ address: '化工园区东门' }), PLACE);
      expect(incident.title).toBe('化工厂爆炸');
    });

    it('an empty title counts as derived', () => {
      const { incident } = absorbCall({ ...fire(), title: '' }, call(), PLACE);
      expect(incident.title).toBe('东城区 火灾');
    });
  });

  describe('figures and grade (Decree 493 for a fire)', () => {
    it('each figure becomes the highest reported so far; a lower or missing one never erases it', () => {
      const start = fire({ figures: figures({ deaths: 2, injured: 7, economicLossCny: 5_000_000 }) });
      const { incident } = absorbCall(start, call({ figures: { deaths: 1, injured: 9, trapped: 4 } }), PLACE);
      expect(incident.figures).toEqual(figures({ deaths: 2, injured: 9, trapped: 4, economicLossCny: 5_000_000 }));
    });

    it('2 → 3 deaths raises IV to III and says why', () => {
      const start = fire({ figures: figures({ deaths: 2 }), grade: 'IV', gradeBasis: { table: 'decree_493', criterion: 'deaths', value: 2, reason: 'r' } });
      const { incident, raise } = absorbCall(start, call({ figures: { deaths: 3 } }), PLACE);
      expect(incident.grade).toBe('III');
      expect(incident.gradeBasis).toMatchObject({ table: 'decree_493', criterion: 'deaths', value: 3 });
      expect(raise).toEqual({ from: 'IV', to: 'III', basis: incident.gradeBasis });
    });

    it('a call with the same figures raises nothing', () => {
      const start = fire({ figures: figures({ deaths: 3 }), grade: 'III', gradeBasis: { table: 'decree_493', criterion: 'deaths', value: 3, reason: 'r' } });
      const { incident, raise } = absorbCall(start, call({ figures: { deaths: 3 } }), PLACE);
      expect(raise).toBeNull();
      expect(incident.grade).toBe('III');
    });

    it('a grade never drops through a call', () => {
      const start = fire({ figures: figures({ deaths: 1 }), grade: 'II', gradeBasis: officerGradeBasis('现场核实', 'u1') });
      const { incident, raise } = absorbCall(start, call({ figures: { deaths: 1 } }), PLACE);
      expect(raise).toBeNull();
      expect(incident.grade).toBe('II');
    });

    it('an officer’s lowered grade holds until the figures escalate past what they gave', () => {
      // Figures say III (3 deaths); the officer lowered it to IV.
      const start = fire({ figures: figures({ deaths: 3 }), grade: 'IV', gradeBasis: officerGradeBasis('重复统计', 'u1') });
      const same = absorbCall(start, call({ figures: { deaths: 4 } }), PLACE);
      expect(same.raise).toBeNull();
      expect(same.incident.grade).toBe('IV');
      const escalated = absorbCall(start, call({ figures: { deaths: 10 } }), PLACE);
      expect(escalated.raise).toMatchObject({ from: 'IV', to: 'II' });
    });

    it('a type learned from the call is graded with its own table', () => {
      // An untyped NATURAL incident learns it is a forest fire: burned area now grades it.
      const start = fire({ type: null, category: null, figures: figures({ burnedAreaHa: 150 }) });
      const { incident, raise } = absorbCall(start, call({ type: 'forest_fire', category: 'NATURAL', figures: {} }), PLACE);
      expect(incident.type).toBe('forest_fire');
      expect(raise?.basis.table).toBe('forest_fire');
    });
  });
});

describe('incidentFromCall', () => {
  it('takes the call’s position, address, type, figures and time; one call, one source', () => {
    const opened = incidentFromCall(call({ source: '120', receivedAt: at(2), address: '人民路12号', figures: { injured: 4 } }), PLACE);
    expect(opened).toEqual({
      category: 'ACCIDENT', type: 'fire', address: '人民路12号', lng: 118.301, lat: 36.801, locationAccuracyM: 50,
      sources: ['120'], callCount: 1, firstCallAt: at(2), lastCallAt: at(2),
      figures: figures({ injured: 4 }), title: '人民路12号 火灾', grade: 'IV', gradeBasis: expect.objectContaining({ table: 'decree_493' }),
    });
  });

  it('graded by statute from its first figures: 3 deaths make a fire III', () => {
    const opened = incidentFromCall(call({ figures: { deaths: 3 } }), PLACE);
    expect(opened.grade).toBe('III');
    expect(opened.gradeBasis).toMatchObject({ table: 'decree_493', criterion: 'deaths', value: 3 });
  });

  it('an accident with no figures yet is 一般 (IV) by default; titled from the place when there is no address', () => {
    const opened = incidentFromCall(call(), PLACE);
    expect(opened.figures).toEqual(emptyFigures());
    expect(opened.grade).toBe('IV');
    expect(opened.gradeBasis).toMatchObject({ table: 'decree_493', criterion: 'default' });
    expect(opened.title).toBe('东城区 火灾');
  });

  it('a SOCIAL incident stays ungraded whatever it reports', () => {
    const opened = incidentFromCall(call({ type: 'mass_incident', category: 'SOCIAL', figures: { deaths: 5 } }), PLACE);
    expect([opened.grade, opened.gradeBasis]).toEqual([null, null]);
  });

  it('the category follows the type when the call gives only a type', () => {
    expect(incidentFromCall(call({ type: 'flood', category: null }), PLACE).category).toBe('NATURAL');
    expect(incidentFromCall(call({ type: null, category: 'SOCIAL' }), PLACE)).toMatchObject({ type: null, category: 'SOCIAL', title: '东城区 社会安全事件' });
  });

  it('half a position is no position', () => {
    expect(incidentFromCall(call({ lng: 118.3, lat: null }), PLACE)).toMatchObject({ lng: null, lat: null, locationAccuracyM: null });
  });
});

describe('sortSources', () => {
  it('orders 110, 119, 120, manual and drops repeats', () => {
    expect(sortSources(['manual', '120', '110', '119', '120'])).toEqual(['110', '119', '120', 'manual']);
    expect(sortSources([])).toEqual([]);
  });
});

describe('absorbCall — an incident known only from ambulance calls', () => {
  /** An incident opened by a 120 call at the fire's spot, typed as the patient's condition (or only HEALTH). */
  const ambulanceReport = (over: Partial<AbsorbingIncident> = {}) =>
    fire({ category: 'HEALTH', type: 'cluster_illness', sources: ['120'], lng: 118.301, lat: 36.801, ...over });
  const asLinkable = (i: AbsorbingIncident & { id: string }) => ({
    id: i.id, status: 'reported' as const, location: { lng: i.lng!, lat: i.lat! }, locationAccuracyM: i.locationAccuracyM,
    category: i.category, type: i.type, firstCallAt: i.firstCallAt, lastCallAt: i.lastCallAt, externalRefs: [], sources: i.sources,
  });

  it('takes the nature a fire call names, and with it the statute table that grades it', () => {
    const { incident, raise } = absorbCall(ambulanceReport(), call({ source: '119', type: 'fire', category: 'ACCIDENT', figures: { deaths: 5 } }), PLACE);
    expect(incident).toMatchObject({ category: 'ACCIDENT', type: 'fire', sources: ['119', '120'], grade: 'III' });
    expect(incident.gradeBasis).toMatchObject({ table: 'decree_493', criterion: 'deaths', value: 5 });
    expect(raise).toMatchObject({ from: null, to: 'III' });
    expect(incident.title).toBe(incidentTitle(incident, PLACE));
  });

  it('an untyped HEALTH report takes a crash call\'s type and category', () => {
    const { incident } = absorbCall(ambulanceReport({ type: null }), call({ source: '110', type: 'road_traffic', category: 'ACCIDENT' }), PLACE);
    expect(incident).toMatchObject({ category: 'ACCIDENT', type: 'road_traffic' });
  });

  it('so the next call about the same fire still joins it (报告并联: one fire, one incident)', () => {
    const afterFire = { ...ambulanceReport(), ...absorbCall(ambulanceReport(), call({ source: '119' }), PLACE).incident };
    const next = { source: '119' as const, externalId: '119-0002', receivedAt: at(6), location: { lng: 118.301, lat: 36.801 }, category: 'ACCIDENT' as const, type: 'fire' as const };
    expect(findLinkCandidate(next, [asLinkable(afterFire)])?.incidentId).toBe('inc-1');
  });

  it('keeps its nature when another ambulance call joins, and a fire keeps its own when one does', () => {
    expect(absorbCall(ambulanceReport(), call({ source: '120', category: 'HEALTH', type: 'food_safety' }), PLACE).incident).toMatchObject({ type: 'cluster_illness', category: 'HEALTH' });
    expect(absorbCall(fire(), call({ source: '120', category: 'HEALTH', type: 'cluster_illness' }), PLACE).incident).toMatchObject({ type: 'fire', category: 'ACCIDENT', sources: ['119', '120'] });
  });

  it('an incident that is not 120-only keeps an officer\'s HEALTH reading', () => {
    const corrected = ambulanceReport({ sources: ['120', 'manual'] });
    expect(absorbCall(corrected, call({ source: '119' }), PLACE).incident).toMatchObject({ type: 'cluster_illness', category: 'HEALTH' });
  });
});
