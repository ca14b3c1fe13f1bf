import type { Grade, GradeBasis, IncidentCategory, IncidentFigures, IncidentType } from '../contracts/incidents.js';
import { decideGradeChange, isOfficerBasis } from './grade-change.js';
import { gradeIncident, type GradeResult } from './grade-incident.js';
import { DEFAULT_GRADE_TABLES, type GradeTables } from './grade-tables.js';
import { compareGrades } from './grade-order.js';

/** What grading needs of an incident: what it is, what has been reported, and the grade it holds. */
export interface GradedIncident {
  category: IncidentCategory | null;
  type: IncidentType | null;
  figures: IncidentFigures;
  grade: Grade | null;
  gradeBasis: GradeBasis | null;
}

/** A grade raised by new figures: what `incident.grade_raised` announces. */
export interface GradeRaise {
  from: Grade | null;
  to: Grade;
  basis: GradeBasis;
}

export interface Regraded {
  figures: IncidentFigures;
  grade: Grade | null;
  gradeBasis: GradeBasis | null;
  /** Set when the new figures raised the grade; null when it stays (it never drops here). */
  raise: GradeRaise | null;
}

/**
 * New figures for an incident (a linked call, an officer's correction, a merge): they are stored as
 * given, and the grade follows them upwards only. An officer's lowered grade holds until the figures
 * escalate past what they gave before (decideGradeChange).
 */
export function regrade(incident: GradedIncident, figures: IncidentFigures, tables: GradeTables = DEFAULT_GRADE_TABLES): Regraded {
  const previousComputed = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures }, tables)?.grade ?? null;
  const computed = gradeIncident({ category: incident.category, type: incident.type, figures }, tables);
  const decision = decideGradeChange({ grade: incident.grade, basis: incident.gradeBasis }, computed, { previousComputed });
  if (decision.kind !== 'raise') return { figures, grade: incident.grade, gradeBasis: basisAsReported(incident, computed), raise: null };
  return { figures, grade: decision.to, gradeBasis: decision.basis, raise: { from: decision.from, to: decision.to, basis: decision.basis } };
}

/**
 * The basis of a grade the figures hold at: the figure as reported now (死亡 4 once a fourth death is
 * reported, not the 3 that first reached 较大). A grade above what the figures give keeps the basis
 * that reached it, and an officer's grade keeps theirs.
 */
function basisAsReported(incident: GradedIncident, computed: GradeResult | null): GradeBasis | null {
  if (computed === null || isOfficerBasis(incident.gradeBasis) || compareGrades(computed.grade, incident.grade) !== 0) return incident.gradeBasis;
  return computed.basis;
}

/** A grade moved by an officer's structural correction (split, undone merge): what `incident.grade_changed` records. */
export interface GradeRederived {
  from: Grade | null;
  to: Grade | null;
  direction: 'raise' | 'lower';
  basis: GradeBasis | null;
}

export interface Rederived {
  figures: IncidentFigures;
  grade: Grade | null;
  gradeBasis: GradeBasis | null;
  change: GradeRederived | null;
}

/**
 * Figures after an officer took calls away from the incident (split a call out, undid a merge): the
 * grade is derived again from them, down as well as up. Not a silent drop: the officer's action,
 * with its reason, is the lowering, and it is recorded as `incident.grade_changed`. A grade an
 * officer set by hand stays (they judged it, not the figures), and so does one with no statute
 * table for the incident (computed null) or one the figures did not carry before (`incident.figures`
 * are those before the calls left).
 */
export function rederiveGrade(incident: GradedIncident, figures: IncidentFigures, tables: GradeTables = DEFAULT_GRADE_TABLES): Rederived {
  const computed = gradeIncident({ category: incident.category, type: incident.type, figures }, tables);
  const keep = { figures, grade: incident.grade, gradeBasis: incident.gradeBasis, change: null };
  if (computed === null || isOfficerBasis(incident.gradeBasis)) return keep;
  const order = compareGrades(computed.grade, incident.grade);
  // The same grade may now rest on another figure: the basis says which.
  if (order === 0) return { ...keep, gradeBasis: computed.basis };
  // Lower only a grade the figures carried until now: one already above them (kept when an officer
  // corrected a figure down) is not this action's to lower.
  const before = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures }, tables)?.grade ?? null;
  if (order < 0 && compareGrades(before, incident.grade) !== 0) return keep;
  return {
    figures,
    grade: computed.grade,
    gradeBasis: computed.basis,
    change: { from: incident.grade, to: computed.grade, direction: order > 0 ? 'raise' : 'lower', basis: computed.basis },
  };
}
