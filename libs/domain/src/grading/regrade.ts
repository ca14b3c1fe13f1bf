import type { Grade, GradeBasis, IncidentCategory, IncidentFigures, IncidentType } from '../contracts/incidents.js';
import { decideGradeChange } from './grade-change.js';
import { gradeIncident } from './grade-incident.js';

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
export function regrade(incident: GradedIncident, figures: IncidentFigures): Regraded {
  const previousComputed = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures })?.grade ?? null;
  const computed = gradeIncident({ category: incident.category, type: incident.type, figures });
  const decision = decideGradeChange({ grade: incident.grade, basis: incident.gradeBasis }, computed, { previousComputed });
  if (decision.kind !== 'raise') return { figures, grade: incident.grade, gradeBasis: incident.gradeBasis, raise: null };
  return { figures, grade: decision.to, gradeBasis: decision.basis, raise: { from: decision.from, to: decision.to, basis: decision.basis } };
}
