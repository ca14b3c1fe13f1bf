import { basisFitsClassification, compareGrades, gradeIncident, type Grade, type GradeBasis, type GradeTables, type IncidentDto } from '@beacon/domain';

/**
 * When the figures and the stored grade disagree, what to tell the officer: a grade is never lowered
 * by figures (only by an officer, with a reason), and an officer's own grade holds over them — both
 * would otherwise look like a mistake on the screen. Graded by the server's tables (useGradeTables):
 * until they are known, nothing is said rather than something another table gives.
 */
export type GradeHint =
  | { kind: 'figures_lower' | 'figures_higher'; computed: Grade; basis: GradeBasis }
  /**
   * The grade rests on a table that no longer grades the incident (an officer changed its category
   * or type): what the current table gives, if any, and the officer must regrade.
   */
  | { kind: 'basis_stale'; basisTable: string; computed: Grade | null; basis: GradeBasis | null };

type Graded = Pick<IncidentDto, 'category' | 'type' | 'figures' | 'grade' | 'gradeBasis' | 'status'>;

export function gradeHint(incident: Graded, tables: GradeTables | undefined): GradeHint | null {
  if (!tables || incident.status === 'merged' || incident.status === 'closed') return null;
  const computed = gradeIncident({ category: incident.category, type: incident.type, figures: incident.figures }, tables);
  if (!basisFitsClassification(incident)) {
    return { kind: 'basis_stale', basisTable: incident.gradeBasis!.table, computed: computed?.grade ?? null, basis: computed?.basis ?? null };
  }
  if (!computed) return null;
  const order = compareGrades(computed.grade, incident.grade);
  if (order === 0) return null;
  return { kind: order < 0 ? 'figures_lower' : 'figures_higher', computed: computed.grade, basis: computed.basis };
}
