import { GRADE_TABLE_IDS, DEFAULT_GRADE_TABLES, DECREE_493_TABLE, type GradeTable } from './grade-tables.js';
import { gradeTableProblems } from './grade-table-validation.js';

describe('grade tables', () => {
  it.each(GRADE_TABLE_IDS)('default table %s is sound and keyed by its own id', (id) => {
    expect(DEFAULT_GRADE_TABLES[id].id).toBe(id);
    expect(gradeTableProblems(DEFAULT_GRADE_TABLES[id])).toEqual([]);
  });

  it('reports bands out of order, overlapping or negative', () => {
    const broken: GradeTable = {
      ...DECREE_493_TABLE,
      criteria: [
        { criterion: 'deaths', thresholds: [{ grade: 'II', min: 10 }, { grade: 'I', min: 30 }] },
        { criterion: 'seriousInjuries', thresholds: [{ grade: 'I', min: 10 }, { grade: 'II', min: 10 }] },
        { criterion: 'economicLossCny', thresholds: [{ grade: 'IV', min: -1 }] },
        { criterion: 'injured', thresholds: [] },
      ],
    };
    expect(gradeTableProblems(broken)).toEqual([
      'decree_493.deaths[1]: grades must run from most to least severe',
      'decree_493.deaths[1]: min must be below the band above it',
      'decree_493.seriousInjuries[1]: min must be below the band above it',
      'decree_493.economicLossCny[0]: min must be a finite number ≥ 0',
      'decree_493.injured: no thresholds',
    ]);
  });

  it('reports a table that can never grade', () => {
    expect(gradeTableProblems({ ...DECREE_493_TABLE, criteria: [], floor: null })).toEqual(['decree_493: no criteria and no floor grade']);
  });
});
