import { compareGrades } from './grade-order.js';
import { GRADE_CRITERIA } from './grade-criteria.js';
import type { GradeTable } from './grade-tables.js';

/**
 * Problems that would make a table grade wrongly, in plain words; empty when it is sound.
 * Run it on any table loaded from configuration before using it.
 */
export function gradeTableProblems(table: GradeTable): string[] {
  const problems: string[] = [];
  if (table.criteria.length === 0 && table.floor === null) problems.push(`${table.id}: no criteria and no floor grade`);
  for (const rule of table.criteria) {
    const where = `${table.id}.${rule.criterion}`;
    if (!(GRADE_CRITERIA as readonly string[]).includes(rule.criterion)) problems.push(`${where}: unknown criterion`);
    if (rule.thresholds.length === 0) problems.push(`${where}: no thresholds`);
    rule.thresholds.forEach((threshold, i) => {
      if (!Number.isFinite(threshold.min) || threshold.min < 0) problems.push(`${where}[${i}]: min must be a finite number ≥ 0`);
      const above = rule.thresholds[i - 1];
      if (above === undefined) return;
      if (compareGrades(above.grade, threshold.grade) <= 0) problems.push(`${where}[${i}]: grades must run from most to least severe`);
      if (!(threshold.min < above.min)) problems.push(`${where}[${i}]: min must be below the band above it`);
    });
  }
  return problems;
}
