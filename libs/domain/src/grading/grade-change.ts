import type { Grade, GradeBasis, IncidentCategory, IncidentType } from '../contracts/incidents.js';
import { DomainError } from '../errors/domain-error.js';
import { gradeTableFor, type GradeResult } from './grade-incident.js';
import { compareGrades } from './grade-order.js';

/** Basis table name of a grade an officer set by hand. */
export const OFFICER_GRADE_TABLE = 'officer';

export type GradeChangeDecision =
  /** Store `to` and emit incident.grade_raised. */
  | { kind: 'raise'; from: Grade | null; to: Grade; basis: GradeBasis }
  /** Nothing to do: nothing computed, or computed equals stored. */
  | { kind: 'none'; grade: Grade | null }
  /** Figures now point lower than the stored grade; keep it (lowering is an officer action). */
  | { kind: 'keep_higher'; grade: Grade; computed: Grade; computedBasis: GradeBasis }
  /**
   * An officer set the stored grade below what the figures give, and the figures have not
   * escalated since; keep the officer's grade. The console may show the computed one as a hint.
   */
  | { kind: 'keep_officer'; grade: Grade | null; computed: Grade; computedBasis: GradeBasis };

export interface GradeChangeOptions {
  /**
   * The grade the figures gave before this update. Needed to respect an officer's lowering: without
   * it an officer-set grade below the computed one is raised again (escalation beats silence).
   */
  previousComputed?: Grade | null;
}

export const isOfficerBasis = (basis: GradeBasis | null | undefined): boolean =>
  basis !== null && basis !== undefined && (basis.table === OFFICER_GRADE_TABLE || basis.setBy !== undefined);

/** What to do with a freshly computed grade. A computed grade only ever raises, never lowers. */
export function decideGradeChange(
  current: { grade: Grade | null; basis: GradeBasis | null } | null,
  computed: GradeResult | null,
  options: GradeChangeOptions = {},
): GradeChangeDecision {
  const stored = current?.grade ?? null;
  if (computed === null) return { kind: 'none', grade: stored };
  const order = compareGrades(computed.grade, stored);
  if (order === 0) return { kind: 'none', grade: stored };
  if (order < 0) {
    // order < 0 means stored is a real grade above the computed one.
    return { kind: 'keep_higher', grade: stored as Grade, computed: computed.grade, computedBasis: computed.basis };
  }
  const escalatedSinceOfficer =
    options.previousComputed === undefined || compareGrades(computed.grade, options.previousComputed) > 0;
  if (isOfficerBasis(current?.basis) && !escalatedSinceOfficer) {
    return { kind: 'keep_officer', grade: stored, computed: computed.grade, computedBasis: computed.basis };
  }
  return { kind: 'raise', from: stored, to: computed.grade, basis: computed.basis };
}

export type OfficerGradeDirection = 'raise' | 'lower' | 'same';

/**
 * Checks an officer's grade change (§3: every change with who, when and why) and says which way it
 * goes. Clearing a grade counts as lowering. Throws GRADE_LOWERING_NEEDS_REASON or REASON_REQUIRED.
 */
export function assertOfficerGradeChange(current: Grade | null, requested: Grade | null, reason: string): OfficerGradeDirection {
  const order = compareGrades(requested, current);
  const direction: OfficerGradeDirection = order > 0 ? 'raise' : order < 0 ? 'lower' : 'same';
  if (reason.trim() === '') {
    if (direction === 'lower') {
      throw DomainError.of('GRADE_LOWERING_NEEDS_REASON', 'Lowering a grade needs a reason', { reason: 'required when lowering a grade' });
    }
    throw DomainError.of('REASON_REQUIRED', 'A grade change needs a reason', { reason: 'required' });
  }
  return direction;
}

/** The basis recorded when an officer sets the grade. */
export function officerGradeBasis(reason: string, setBy: string): GradeBasis {
  return { table: OFFICER_GRADE_TABLE, criterion: 'officer', value: null, reason: reason.trim(), setBy };
}

/**
 * Whether an incident's grade still rests on a table that grades it as it is classified now. An
 * officer's correction of category or type keeps the grade (a grade never drops by itself), so an
 * accident reclassified as a public-health event can hold a grade read off Decree 493: the grade
 * stands, but the officer must be told its basis no longer fits and regrade it. An officer's own
 * grade, or no grade, always fits.
 */
export function basisFitsClassification(incident: { category: IncidentCategory | null; type: IncidentType | null; grade: Grade | null; gradeBasis: GradeBasis | null }): boolean {
  const { grade, gradeBasis } = incident;
  if (grade === null || gradeBasis === null || isOfficerBasis(gradeBasis)) return true;
  return gradeBasis.table === gradeTableFor(incident.category, incident.type);
}
