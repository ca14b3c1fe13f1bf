import type { IncidentFigures } from '../contracts/incidents.js';
import { MAX_MAGNITUDE, MAX_PEOPLE_COUNT, MIN_MAGNITUDE, emptyFigures, figureBounds, figureErrors, figuresAfterCallsLeave, figuresAfterUnmerge, figuresFromIntake, isPeopleCount, maxFigures } from './figures.js';

describe('emptyFigures', () => {
  it('has zero casualties and unknown measures', () => {
    expect(emptyFigures()).toEqual({
      deaths: 0,
      seriousInjuries: 0,
      injured: 0,
      missing: 0,
      trapped: 0,
      economicLossCny: null,
      burnedAreaHa: null,
      magnitude: null,
      relocated: null,
    });
  });

  it('returns a fresh object each time', () => {
    const a = emptyFigures();
    a.deaths = 5;
    expect(emptyFigures().deaths).toBe(0);
  });
});

describe('maxFigures (highest so far)', () => {
  const base: IncidentFigures = { ...emptyFigures(), deaths: 3, injured: 10, economicLossCny: 2_000_000, magnitude: 5.1 };

  it('raises a figure when the new report is higher', () => {
    expect(maxFigures(base, { deaths: 5, injured: 12 })).toMatchObject({ deaths: 5, injured: 12 });
  });

  it('never lowers a figure', () => {
    expect(maxFigures(base, { deaths: 1, economicLossCny: 100, magnitude: 4.8 })).toEqual(base);
  });

  it('ignores absent, null and non-finite values', () => {
    expect(maxFigures(base, { economicLossCny: null, magnitude: null })).toEqual(base);
    expect(maxFigures(base, { deaths: Number.NaN, injured: Number.POSITIVE_INFINITY })).toEqual(base);
    expect(maxFigures(base, {})).toEqual(base);
  });

  it('fills an unknown measure from the first report, including zero', () => {
    expect(maxFigures(base, { burnedAreaHa: 0 }).burnedAreaHa).toBe(0);
    expect(maxFigures(base, { relocated: 300 }).relocated).toBe(300);
  });

  it('ignores negative values except for magnitude', () => {
    expect(maxFigures(emptyFigures(), { deaths: -1, economicLossCny: -5 })).toEqual(emptyFigures());
    expect(maxFigures(emptyFigures(), { magnitude: -0.5 }).magnitude).toBe(-0.5);
  });

  it('does not mutate its inputs', () => {
    const a = { ...base };
    const b = { deaths: 9 };
    maxFigures(a, b);
    expect(a).toEqual(base);
    expect(b).toEqual({ deaths: 9 });
  });
});

describe('figuresFromIntake', () => {
  it('collects casualties and measures a call reports', () => {
    expect(figuresFromIntake({ casualties: { deaths: 2, trapped: 4 }, economicLossCny: 1000, magnitude: 4.2 })).toEqual({
      deaths: 2,
      trapped: 4,
      economicLossCny: 1000,
      magnitude: 4.2,
    });
    expect(figuresFromIntake({})).toEqual({});
  });
});

describe('figureErrors', () => {
  it('accepts plausible figures', () => {
    expect(figureErrors({ deaths: 0, injured: 3, economicLossCny: 0.5, burnedAreaHa: 0.01, magnitude: -1, relocated: 0 })).toBeNull();
    expect(figureErrors({ economicLossCny: null })).toBeNull();
  });

  it('names each impossible field, with its bounds', () => {
    expect(figureErrors({ deaths: -1, injured: 1.5, relocated: 2.5, economicLossCny: -1, burnedAreaHa: Number.NaN, magnitude: 11 })).toEqual({
      deaths: 'must be a whole number between 0 and 100000000',
      injured: 'must be a whole number between 0 and 100000000',
      relocated: 'must be a whole number between 0 and 100000000',
      economicLossCny: 'must be a number between 0 and 99999999999999',
      burnedAreaHa: 'must be a number between 0 and 300000000',
      magnitude: 'must be a number between -3 and 10',
    });
  });

  it('takes every figure up to its bound and refuses one past it (a count of 2^53 is no count)', () => {
    for (const key of Object.keys(emptyFigures()) as (keyof IncidentFigures)[]) {
      const { min, max } = figureBounds(key);
      expect(figureErrors({ [key]: max })).toBeNull();
      expect(figureErrors({ [key]: min })).toBeNull();
      expect(figureErrors({ [key]: max + 1 })).toHaveProperty(key);
      expect(figureErrors({ [key]: min - 1 })).toHaveProperty(key);
    }
    expect(figureErrors({ trapped: 2 ** 53 })).toHaveProperty('trapped');
    expect(figureBounds('deaths')).toEqual({ min: 0, max: MAX_PEOPLE_COUNT, whole: true });
    expect(figureBounds('magnitude')).toEqual({ min: MIN_MAGNITUDE, max: MAX_MAGNITUDE, whole: false });
  });
});

describe('isPeopleCount', () => {
  it('is true for the figures that count people (whole numbers), false for measures', () => {
    const counts = (Object.keys(emptyFigures()) as (keyof IncidentFigures)[]).filter(isPeopleCount).sort();
    expect(counts).toEqual(['deaths', 'injured', 'missing', 'relocated', 'seriousInjuries', 'trapped']);
    for (const key of counts) expect(figureErrors({ [key]: 2.5 })).toHaveProperty(key);
    expect(figureErrors({ magnitude: MAX_MAGNITUDE })).toBeNull();
    expect(figureErrors({ magnitude: MAX_MAGNITUDE + 0.1 })).toHaveProperty('magnitude');
  });
});

describe('figuresAfterCallsLeave', () => {
  const f = (partial: Partial<IncidentFigures>): IncidentFigures => ({ ...emptyFigures(), ...partial });

  it('lets figures that came from the calls follow the calls that remain', () => {
    expect(figuresAfterCallsLeave(f({ deaths: 12, injured: 3 }), f({ deaths: 12, injured: 3 }), f({ deaths: 1, injured: 3 }))).toEqual(f({ deaths: 1, injured: 3 }));
    expect(figuresAfterCallsLeave(f({ economicLossCny: 5e6 }), f({ economicLossCny: 5e6 }), f({}))).toEqual(f({ economicLossCny: null }));
  });

  it('keeps an officer’s correction, up or down, whatever the calls say', () => {
    // Officer raised deaths to 12 when the calls said 1; a call leaving changes nothing of it.
    expect(figuresAfterCallsLeave(f({ deaths: 12 }), f({ deaths: 1 }), f({ deaths: 0 }))).toEqual(f({ deaths: 12 }));
    // Officer corrected 4 reported deaths down to 1.
    expect(figuresAfterCallsLeave(f({ deaths: 1 }), f({ deaths: 4 }), f({ deaths: 4 }))).toEqual(f({ deaths: 1 }));
    expect(figuresAfterCallsLeave(f({ magnitude: 5.1 }), f({ magnitude: null }), f({ magnitude: null }))).toEqual(f({ magnitude: 5.1 }));
  });
});

describe('figuresAfterUnmerge', () => {
  const f = (partial: Partial<IncidentFigures>): IncidentFigures => ({ ...emptyFigures(), ...partial });

  it('gives back what the merge brought, the source officers\' corrections among it', () => {
    // Target had 1 injured; the source 3 deaths and 6 trapped (the latter an officer's figure).
    const before = f({ injured: 1 });
    const source = f({ deaths: 3, trapped: 6 });
    expect(figuresAfterUnmerge(maxFigures(before, source), before, source, f({}))).toEqual(before);
  });

  it('restores a target correction the merge’s higher figure covered', () => {
    // Target corrected to 1 death (its calls said 4); the source had 2: the merge showed 2.
    expect(figuresAfterUnmerge(f({ deaths: 2 }), f({ deaths: 1 }), f({ deaths: 2 }), f({ deaths: 0 }))).toEqual(f({ deaths: 1 }));
  });

  it('keeps what moved since the merge, and lets calls that joined since raise what it restores', () => {
    const before = f({ deaths: 1, injured: 1 });
    const source = f({ deaths: 3 });
    // An officer set injured to 5 after the merge; a call since reported 2 deaths.
    expect(figuresAfterUnmerge(f({ deaths: 3, injured: 5 }), before, source, f({ deaths: 2 }))).toEqual(f({ deaths: 2, injured: 5 }));
  });
});
