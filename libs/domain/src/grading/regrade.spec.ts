import type { GradeBasis, IncidentFigures } from '../contracts/incidents.js';
import { emptyFigures } from './figures.js';
import { officerGradeBasis } from './grade-change.js';
import { regrade, rederiveGrade, type GradedIncident } from './regrade.js';

const figures = (partial: Partial<IncidentFigures>): IncidentFigures => ({ ...emptyFigures(), ...partial });
const computed = (criterion: string, value: number): GradeBasis => ({ table: 'decree_493', criterion, value, reason: expect.any(String) as unknown as string });
const accident = (over: Partial<GradedIncident> = {}): GradedIncident => ({ category: 'ACCIDENT', type: 'fire', figures: emptyFigures(), grade: null, gradeBasis: null, ...over });

describe('regrade', () => {
  it('stores the figures as given, even lower ones (an officer’s correction)', () => {
    const r = regrade(accident({ figures: figures({ injured: 9 }) }), figures({ injured: 4 }));
    expect(r.figures).toEqual(figures({ injured: 4 }));
  });

  it('grades an ungraded incident and announces it', () => {
    const r = regrade(accident(), figures({ seriousInjuries: 10 }));
    expect(r.grade).toBe('III');
    expect(r.gradeBasis).toEqual(computed('seriousInjuries', 10));
    expect(r.raise).toEqual({ from: null, to: 'III', basis: r.gradeBasis });
  });

  it('9 serious injuries stay IV, 10 make III', () => {
    expect(regrade(accident(), figures({ seriousInjuries: 9 })).grade).toBe('IV');
    expect(regrade(accident(), figures({ seriousInjuries: 10 })).grade).toBe('III');
  });

  it('lower figures keep the higher grade and its basis (no silent drop)', () => {
    const start = accident({ figures: figures({ deaths: 10 }), grade: 'II', gradeBasis: computed('deaths', 10) });
    const r = regrade(start, figures({ deaths: 2 }));
    expect(r).toEqual({ figures: figures({ deaths: 2 }), grade: 'II', gradeBasis: start.gradeBasis, raise: null });
  });

  it('a figure rising within the grade moves the basis to it, without announcing anything', () => {
    const start = accident({ figures: figures({ deaths: 3 }), grade: 'III', gradeBasis: computed('deaths', 3) });
    const r = regrade(start, figures({ deaths: 4 }));
    expect(r).toEqual({ figures: figures({ deaths: 4 }), grade: 'III', gradeBasis: computed('deaths', 4), raise: null });
    expect(r.gradeBasis!.reason).toContain('4');
    // Deaths corrected down to 2 while 12 serious injuries hold the grade: the basis moves to them.
    const other = regrade(start, figures({ deaths: 2, seriousInjuries: 12 }));
    expect(other).toEqual({ figures: figures({ deaths: 2, seriousInjuries: 12 }), grade: 'III', gradeBasis: computed('seriousInjuries', 12), raise: null });
  });

  it('an officer’s grade keeps the officer’s basis when the figures reach the same grade', () => {
    const basis = officerGradeBasis('会商研判', 'u1');
    const r = regrade(accident({ figures: figures({ deaths: 2 }), grade: 'III', gradeBasis: basis }), figures({ deaths: 4 }));
    expect(r).toMatchObject({ grade: 'III', gradeBasis: basis, raise: null });
  });

  it('an officer’s lower grade holds while the figures give what they gave before', () => {
    const start = accident({ figures: figures({ deaths: 10 }), grade: 'III', gradeBasis: officerGradeBasis('核实', 'u1') });
    expect(regrade(start, figures({ deaths: 12 })).raise).toBeNull();
    expect(regrade(start, figures({ deaths: 30 })).raise).toMatchObject({ from: 'III', to: 'I' });
  });

  it('an ungradable incident (SOCIAL) keeps whatever it holds', () => {
    const r = regrade({ category: 'SOCIAL', type: null, figures: emptyFigures(), grade: null, gradeBasis: null }, figures({ deaths: 50 }));
    expect(r.grade).toBeNull();
    expect(r.raise).toBeNull();
  });
});

describe('rederiveGrade (calls taken away by an officer: split, undone merge)', () => {
  it('lowers a computed grade to what the remaining figures give, saying from, to and why', () => {
    const start = accident({ figures: figures({ deaths: 12 }), grade: 'II', gradeBasis: computed('deaths', 12) });
    const r = rederiveGrade(start, figures({ deaths: 1 }));
    expect(r).toMatchObject({ grade: 'IV', figures: figures({ deaths: 1 }) });
    expect(r.change).toEqual({ from: 'II', to: 'IV', direction: 'lower', basis: r.gradeBasis });
  });

  it('keeps the grade but moves the basis to the figure that now carries it', () => {
    const start = accident({ figures: figures({ deaths: 12, seriousInjuries: 60 }), grade: 'II', gradeBasis: computed('deaths', 12) });
    const r = rederiveGrade(start, figures({ deaths: 1, seriousInjuries: 60 }));
    expect(r.grade).toBe('II');
    expect(r.gradeBasis).toEqual(computed('seriousInjuries', 60));
    expect(r.change).toBeNull();
  });

  it('keeps a grade an officer set by hand, above or below the figures', () => {
    const officer = officerGradeBasis('现场确认', 'duty1');
    expect(rederiveGrade(accident({ grade: 'I', gradeBasis: officer }), figures({ deaths: 1 }))).toMatchObject({ grade: 'I', gradeBasis: officer, change: null });
    expect(rederiveGrade(accident({ grade: 'IV', gradeBasis: officer }), figures({ deaths: 12 }))).toMatchObject({ grade: 'IV', gradeBasis: officer, change: null });
  });

  it('leaves a grade the figures did not carry before (kept above them after a correction down)', () => {
    // III stood on 3 deaths; an officer corrected them to 1, the grade stayed III; a split takes an injury away.
    const start = accident({ figures: figures({ deaths: 1, injured: 2 }), grade: 'III', gradeBasis: computed('deaths', 3) });
    expect(rederiveGrade(start, figures({ deaths: 1, injured: 1 }))).toMatchObject({ grade: 'III', gradeBasis: computed('deaths', 3), change: null });
  });

  it('keeps the grade of an incident no statute table grades', () => {
    const social = { category: 'SOCIAL' as const, type: null, figures: emptyFigures(), grade: 'III' as const, gradeBasis: computed('deaths', 3) };
    expect(rederiveGrade(social, figures({}))).toMatchObject({ grade: 'III', change: null });
  });

  it('raises when the figures give more than the stored grade', () => {
    const r = rederiveGrade(accident({ grade: null }), figures({ deaths: 3 }));
    expect(r.change).toEqual({ from: null, to: 'III', direction: 'raise', basis: computed('deaths', 3) });
  });
});
