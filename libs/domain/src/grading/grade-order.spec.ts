import type { Grade } from '../contracts/incidents.js';
import { compareGrades, highestGrade, isHigherGrade } from './grade-order.js';

describe('grade order (I is the most severe)', () => {
  it.each<[Grade | null, Grade | null, 1 | -1 | 0]>([
    ['I', 'II', 1],
    ['II', 'III', 1],
    ['III', 'IV', 1],
    ['IV', null, 1],
    ['IV', 'I', -1],
    [null, 'IV', -1],
    ['II', 'II', 0],
    [null, null, 0],
  ])('compareGrades(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareGrades(a, b))).toBe(sign);
  });

  it('sorts least severe first', () => {
    const grades: (Grade | null)[] = ['II', null, 'IV', 'I', 'III'];
    expect(grades.sort(compareGrades)).toEqual([null, 'IV', 'III', 'II', 'I']);
  });

  it('isHigherGrade is strict', () => {
    expect(isHigherGrade('I', 'IV')).toBe(true);
    expect(isHigherGrade('III', 'III')).toBe(false);
    expect(isHigherGrade('IV', 'III')).toBe(false);
    expect(isHigherGrade('IV', null)).toBe(true);
    expect(isHigherGrade(null, 'IV')).toBe(false);
  });

  it('highestGrade picks the most severe, null when none', () => {
    expect(highestGrade(['IV', 'II', null, 'III'])).toBe('II');
    expect(highestGrade([])).toBeNull();
    expect(highestGrade([null])).toBeNull();
  });
});
