import type { Grade, GradeBasis, IncidentCategory, IncidentFigures, IncidentType } from '../contracts/incidents.js';
import { GRADE_CRITERION_META, type GradeCriterion } from './grade-criteria.js';
import { formatBand, formatFigure } from './grade-format.js';
import { GRADE_LABELS, isHigherGrade } from './grade-order.js';
import { DEFAULT_GRADE_TABLES, type GradeTable, type GradeTableId, type GradeTables, type GradeThreshold } from './grade-tables.js';

export interface GradeInput {
  category: IncidentCategory | null | undefined;
  type?: IncidentType | null | undefined;
  figures: IncidentFigures;
}

export interface GradeResult {
  grade: Grade;
  basis: GradeBasis;
}

/** One criterion that reached a grade, with the band it fell in. */
export interface GradeCriterionHit {
  criterion: GradeCriterion;
  grade: Grade;
  value: number;
  threshold: GradeThreshold;
  reason: string;
}

/**
 * Which table grades an incident (domain-rules §1): every ACCIDENT → Decree 493; NATURAL
 * forest_fire / earthquake → their tables; other or unknown NATURAL → relief figures. HEALTH is the
 * officer's judgement and SOCIAL carries no computed grade: both null, as is an unknown category.
 */
export function gradeTableFor(category: IncidentCategory | null | undefined, type?: IncidentType | null): GradeTableId | null {
  switch (category) {
    case 'ACCIDENT':
      return 'decree_493';
    case 'NATURAL':
      if (type === 'forest_fire') return 'forest_fire';
      if (type === 'earthquake') return 'earthquake';
      return 'natural_relief';
    default:
      return null;
  }
}

const meets = (value: number, threshold: GradeThreshold): boolean =>
  threshold.minExclusive === true ? value > threshold.min : value >= threshold.min;

/** Every criterion of the table that the figures reach, each at its most severe band. */
export function evaluateGradeCriteria(table: GradeTable, figures: IncidentFigures): GradeCriterionHit[] {
  const hits: GradeCriterionHit[] = [];
  for (const rule of table.criteria) {
    const meta = GRADE_CRITERION_META[rule.criterion];
    const value = meta.read(figures);
    if (value === null || !Number.isFinite(value)) continue;
    const index = rule.thresholds.findIndex((threshold) => meets(value, threshold));
    const threshold = rule.thresholds[index];
    if (threshold === undefined) continue;
    const band = `${rule.qualifier ?? ''}${formatBand(meta, threshold, rule.thresholds[index - 1])}`;
    hits.push({
      criterion: rule.criterion,
      grade: threshold.grade,
      value,
      threshold,
      reason: `${meta.label}${formatFigure(meta, value)}，达到${GRADE_LABELS[threshold.grade]['zh-CN']}${table.noun}标准（${band}）`,
    });
  }
  return hits;
}

/**
 * The grade the figures give: the most severe grade any criterion reaches (ties go to the
 * earlier criterion), else the table's floor, else null (ungraded / officer's judgement).
 */
export function gradeIncident(input: GradeInput, tables: GradeTables = DEFAULT_GRADE_TABLES): GradeResult | null {
  const tableId = gradeTableFor(input.category, input.type);
  if (tableId === null) return null;
  const table = tables[tableId];
  let best: GradeCriterionHit | null = null;
  for (const hit of evaluateGradeCriteria(table, input.figures)) {
    if (best === null || isHigherGrade(hit.grade, best.grade)) best = hit;
  }
  if (best !== null) {
    return { grade: best.grade, basis: { table: table.id, criterion: best.criterion, value: best.value, reason: best.reason } };
  }
  if (table.floor === null) return null;
  return {
    grade: table.floor,
    basis: {
      table: table.id,
      criterion: 'default',
      value: null,
      reason: table.floorReason ?? `按${GRADE_LABELS[table.floor]['zh-CN']}${table.noun}`,
    },
  };
}
