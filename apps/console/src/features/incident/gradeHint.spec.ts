import { DEFAULT_GRADE_TABLES, emptyFigures, gradeTablesFromConfig, type GradeTables, type IncidentDto } from '@beacon/domain';
import { gradeHint } from './gradeHint';

const incident = (over: Partial<IncidentDto>) =>
  ({ category: 'ACCIDENT', type: 'fire', figures: emptyFigures(), grade: null, status: 'acknowledged', ...over }) as Pick<IncidentDto, 'category' | 'type' | 'figures' | 'grade' | 'status'>;

describe('gradeHint', () => {
  it('says nothing while figures and grade agree', () => {
    expect(gradeHint(incident({ grade: 'III', figures: { ...emptyFigures(), deaths: 3 } }), DEFAULT_GRADE_TABLES)).toBeNull();
  });

  it('says what the figures give when they were corrected below the grade (which never drops by itself)', () => {
    expect(gradeHint(incident({ grade: 'III', figures: { ...emptyFigures(), deaths: 0, injured: 1 } }), DEFAULT_GRADE_TABLES)).toEqual({ kind: 'figures_lower', computed: 'IV', reason: expect.stringContaining('一般') });
  });

  it('says so when an officer holds the grade below the figures', () => {
    expect(gradeHint(incident({ grade: 'IV', figures: { ...emptyFigures(), deaths: 10 } }), DEFAULT_GRADE_TABLES)).toMatchObject({ kind: 'figures_higher', computed: 'II' });
  });

  it('says nothing for incidents no statute grades, or that are closed or merged', () => {
    expect(gradeHint(incident({ category: 'SOCIAL', type: null, grade: 'III' }), DEFAULT_GRADE_TABLES)).toBeNull();
    expect(gradeHint(incident({ grade: 'III', status: 'closed' }), DEFAULT_GRADE_TABLES)).toBeNull();
    expect(gradeHint(incident({ grade: 'III', status: 'merged' }), DEFAULT_GRADE_TABLES)).toBeNull();
  });

  it("grades by the server's tables: a 6.2 earthquake held at II is I where the dense-population column is in force", () => {
    const dense = gradeTablesFromConfig({
      earthquake: { criteria: [{ criterion: 'magnitude', qualifier: '人口密集地区', thresholds: [{ grade: 'I', min: 6 }, { grade: 'II', min: 5 }, { grade: 'III', min: 4 }] }] },
    }).tables as GradeTables;
    const quake = incident({ category: 'NATURAL', type: 'earthquake', grade: 'II', figures: { ...emptyFigures(), magnitude: 6.2 } });
    expect(gradeHint(quake, DEFAULT_GRADE_TABLES)).toBeNull();
    expect(gradeHint(quake, dense)).toMatchObject({ kind: 'figures_higher', computed: 'I', reason: expect.stringContaining('人口密集地区') });
  });

  it('says nothing until the server has said which tables it grades by', () => {
    expect(gradeHint(incident({ grade: 'IV', figures: { ...emptyFigures(), deaths: 10 } }), undefined)).toBeNull();
  });
});
