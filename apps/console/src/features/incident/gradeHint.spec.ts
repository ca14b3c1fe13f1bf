import { DEFAULT_GRADE_TABLES, emptyFigures, gradeTablesFromConfig, type GradeTables, type IncidentDto } from '@beacon/domain';
import { gradeHint } from './gradeHint';

const incident = (over: Partial<IncidentDto>) =>
  ({ category: 'ACCIDENT', type: 'fire', figures: emptyFigures(), grade: null, gradeBasis: null, status: 'acknowledged', ...over }) as Pick<
    IncidentDto,
    'category' | 'type' | 'figures' | 'grade' | 'gradeBasis' | 'status'
  >;
const decree493 = { table: 'decree_493', criterion: 'deaths', value: 3, reason: '死亡3人，达到较大生产安全事故标准' };

describe('gradeHint', () => {
  it('says nothing while figures and grade agree', () => {
    expect(gradeHint(incident({ grade: 'III', figures: { ...emptyFigures(), deaths: 3 } }), DEFAULT_GRADE_TABLES)).toBeNull();
  });

  it('says what the figures give when they were corrected below the grade (which never drops by itself)', () => {
    expect(gradeHint(incident({ grade: 'III', figures: { ...emptyFigures(), deaths: 0, injured: 1 } }), DEFAULT_GRADE_TABLES)).toEqual({ kind: 'figures_lower', computed: 'IV', basis: expect.objectContaining({ reason: expect.stringContaining('一般') }) });
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
    expect(gradeHint(quake, dense)).toMatchObject({ kind: 'figures_higher', computed: 'I', basis: expect.objectContaining({ reason: expect.stringContaining('人口密集地区') }) });
  });

  it('says when the grade rests on a table that no longer grades the incident (reclassified), with what the current one gives', () => {
    const figures = { ...emptyFigures(), deaths: 3 };
    // An accident graded III by Decree 493, then reclassified as an epidemic (no computed grade: officer's judgement).
    expect(gradeHint(incident({ category: 'HEALTH', type: 'epidemic', grade: 'III', gradeBasis: decree493, figures }), DEFAULT_GRADE_TABLES)).toEqual({
      kind: 'basis_stale', basisTable: 'decree_493', computed: null, basis: null,
    });
    // Reclassified as a flood: the relief table gives nothing for 3 deaths, so no computed grade either.
    expect(gradeHint(incident({ category: 'NATURAL', type: 'flood', grade: 'III', gradeBasis: decree493, figures }), DEFAULT_GRADE_TABLES)).toMatchObject({ kind: 'basis_stale', computed: null });
    // Reclassified as an earthquake of magnitude 6.2: its table gives II.
    const quake = { ...figures, magnitude: 6.2 };
    expect(gradeHint(incident({ category: 'NATURAL', type: 'earthquake', grade: 'III', gradeBasis: decree493, figures: quake }), DEFAULT_GRADE_TABLES)).toMatchObject({
      kind: 'basis_stale', computed: 'II', basis: expect.objectContaining({ reason: expect.stringContaining('6.2') }),
    });
    // Still an accident (another type): Decree 493 still grades it, nothing to say.
    expect(gradeHint(incident({ category: 'ACCIDENT', type: 'road_traffic', grade: 'III', gradeBasis: decree493, figures }), DEFAULT_GRADE_TABLES)).toBeNull();
    // Once an officer has graded it, the basis is theirs.
    const officer = { table: 'officer', criterion: 'officer', value: null, reason: '研判', setBy: 'u1' };
    expect(gradeHint(incident({ category: 'HEALTH', type: 'epidemic', grade: 'III', gradeBasis: officer, figures }), DEFAULT_GRADE_TABLES)).toBeNull();
  });

  it('says nothing until the server has said which tables it grades by', () => {
    expect(gradeHint(incident({ grade: 'IV', figures: { ...emptyFigures(), deaths: 10 } }), undefined)).toBeNull();
  });
});
