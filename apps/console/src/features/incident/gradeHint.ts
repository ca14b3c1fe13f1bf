import { compareGrades, gradeIncident, type Grade, type GradeTables, type IncidentDto } from '@beacon/domain';

/**
 * When the figures and the stored grade disagree, what to tell the officer: a grade is never lowered
 * by figures (only by an officer, with a reason), and an officer's own grade holds over them — both
 * would otherwise look like a mistake on the screen. Graded by the server's tables (useGradeTables):
 * until they are known, nothing is said rather than something another table gives.
 */
export interface GradeHint {
  kind: 'figures_lower' | 'figures_higher';
  computed: Grade;
  reason: string;
}

export function gradeHint(incident: Pick<IncidentDto, 'category' | 'type' | 'figures' | 'grade' | 'status'>, tables: GradeTables | undefined): GradeHint | null {
  if (!tables || incident.status === 'merged' || incident.status === 'closed') return null;
  const computed = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures }, tables);
  if (!computed) return null;
  const order = compareGrades(computed.grade, incident.grade);
  if (order === 0) return null;
  return { kind: order < 0 ? 'figures_lower' : 'figures_higher', computed: computed.grade, reason: computed.basis.reason };
}
