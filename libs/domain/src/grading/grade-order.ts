import type { Grade } from '../contracts/incidents.js';
import type { LocalizedLabel } from '../i18n/localized-label.js';

export const GRADE_LABELS: Readonly<Record<Grade, LocalizedLabel>> = {
  I: { 'zh-CN': '特别重大', en: 'Extremely serious (I)' },
  II: { 'zh-CN': '重大', en: 'Serious (II)' },
  III: { 'zh-CN': '较大', en: 'Relatively serious (III)' },
  IV: { 'zh-CN': '一般', en: 'General (IV)' },
};

// I is the most severe; "no grade" ranks below IV so any grade beats it.
const SEVERITY: Readonly<Record<Grade, number>> = { I: 4, II: 3, III: 2, IV: 1 };
const severity = (grade: Grade | null): number => (grade === null ? 0 : SEVERITY[grade]);

/**
 * Positive when `a` is more severe than `b`, negative when less, 0 when equal; null is below IV.
 * `grades.sort(compareGrades)` therefore sorts least severe first.
 */
export function compareGrades(a: Grade | null, b: Grade | null): number {
  return severity(a) - severity(b);
}

/** True when `a` is strictly more severe than `b`. */
export function isHigherGrade(a: Grade | null, b: Grade | null): boolean {
  return compareGrades(a, b) > 0;
}

/** The most severe of the given grades, or null when none is given. */
export function highestGrade(grades: Iterable<Grade | null>): Grade | null {
  let best: Grade | null = null;
  for (const grade of grades) if (isHigherGrade(grade, best)) best = grade;
  return best;
}
