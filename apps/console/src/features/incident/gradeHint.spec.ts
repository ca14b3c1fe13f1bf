import { emptyFigures, type IncidentDto } from '@beacon/domain';
import { gradeHint } from './gradeHint';

const incident = (over: Partial<IncidentDto>) =>
  ({ category: 'ACCIDENT', type: 'fire', figures: emptyFigures(), grade: null, status: 'acknowledged', ...over }) as Pick<IncidentDto, 'category' | 'type' | 'figures' | 'grade' | 'status'>;

describe('gradeHint', () => {
  it('says nothing while figures and grade agree', () => {
    expect(gradeHint(incident({ grade: 'III', figures: { ...emptyFigures(), deaths: 3 } }))).toBeNull();
  });

  it('says what the figures give when they were corrected below the grade (which never drops by itself)', () => {
    expect(gradeHint(incident({ grade: 'III', figures: { ...emptyFigures(), deaths: 0, injured: 1 } }))).toEqual({ kind: 'figures_lower', computed: 'IV', reason: expect.stringContaining('一般') });
  });

  it('says so when an officer holds the grade below the figures', () => {
    expect(gradeHint(incident({ grade: 'IV', figures: { ...emptyFigures(), deaths: 10 } }))).toMatchObject({ kind: 'figures_higher', computed: 'II' });
  });

  it('says nothing for incidents no statute grades, or that are closed or merged', () => {
    expect(gradeHint(incident({ category: 'SOCIAL', type: null, grade: 'III' }))).toBeNull();
    expect(gradeHint(incident({ grade: 'III', status: 'closed' }))).toBeNull();
    expect(gradeHint(incident({ grade: 'III', status: 'merged' }))).toBeNull();
  });
});
