import { DEFAULT_LINKING_CONFIG, effectiveRadiusM, linkingConfigProblems } from './linking-config.js';

describe('effectiveRadiusM', () => {
  const config = DEFAULT_LINKING_CONFIG;

  it.each<[number | null | undefined, number | null | undefined, number]>([
    [undefined, undefined, 300],
    [null, null, 300],
    [50, undefined, 350],
    [undefined, 80, 380],
    [50, 100, 450],
    [2000, 0, 2300],
    [5000, undefined, 2300],
    [5000, 9000, 4300],
    [-20, Number.NaN, 300],
    [Number.POSITIVE_INFINITY, undefined, 300],
  ])('call accuracy %s, incident accuracy %s → %i m', (call, incident, radius) => {
    expect(effectiveRadiusM(call, incident, config)).toBe(radius);
  });

  it('uses the configured base and cap', () => {
    expect(effectiveRadiusM(500, 500, { baseRadiusM: 80, windowMinutes: 10, maxAccuracyM: 200, clockToleranceS: 60 })).toBe(480);
  });
});

describe('linkingConfigProblems', () => {
  it('accepts the defaults', () => {
    expect(DEFAULT_LINKING_CONFIG).toEqual({ baseRadiusM: 300, windowMinutes: 30, maxAccuracyM: 2000, clockToleranceS: 60 });
    expect(linkingConfigProblems(DEFAULT_LINKING_CONFIG)).toBeNull();
  });

  it('names each unusable field', () => {
    expect(linkingConfigProblems({ baseRadiusM: -1, windowMinutes: Number.NaN, maxAccuracyM: 0, clockToleranceS: -5 })).toEqual({
      baseRadiusM: 'must be a number ≥ 0',
      windowMinutes: 'must be a number ≥ 0',
      clockToleranceS: 'must be a number ≥ 0',
    });
  });
});
