import { compareGrades, gradeIncident, type Grade, type IncidentDto } from '@beacon/domain';

/**
 * When the figures and the stored grade disagree, what to tell the officer: a grade is never lowered
 * by figures (only by an officer, with a reason), and an officer's own grade holds over them — both
 * would otherwise look like a mistake on the screen.
 */
export interface GradeHint {
  kind: 'figures_lower' | 'figures_higher';
  computed: Grade;
  reason: string;
}

export function gradeHint(incident: Pick<IncidentDto, 'category' | 'type' | 'figures' | 'grade' | 'status'>): GradeHint | null {
  if (incident.status === 'merged' || incident.status === 'closed') return null;
  const computed = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures });
  if (!computed) return null;
  const order = compareGrades(computed.grade, incident.grade);
  if (order === 0) return null;
  return { kind: order < 0 ? 'figures_lower' : 'figures_higher', computed: computed.grade, reason: computed.basis.reason };
}
