import type { CallSource, IncidentCategory, IncidentFigures, IncidentType } from '../contracts/incidents.js';
import { maxFigures } from '../grading/figures.js';
import { regrade, type GradedIncident, type GradeRaise } from '../grading/regrade.js';
import { categoryOfType } from './incident-category.js';
import { hasDerivedTitle, incidentTitle, type TitledIncident } from './incident-title.js';

/** How sources are listed on an incident: police, fire, ambulance, then calls entered by hand. */
export const SOURCE_ORDER: readonly CallSource[] = ['110', '119', '120', 'manual'];

export function sortSources(sources: Iterable<CallSource>): CallSource[] {
  return [...new Set(sources)].sort((a, b) => SOURCE_ORDER.indexOf(a) - SOURCE_ORDER.indexOf(b));
}

/** The parts of an incident a linked call can change. */
export interface AbsorbingIncident extends GradedIncident, TitledIncident {
  title: string;
  callCount: number;
  sources: CallSource[];
  firstCallAt: Date;
  lastCallAt: Date;
  lng: number | null;
  lat: number | null;
  locationAccuracyM: number | null;
}

/** What a linked call brings. */
export interface AbsorbedCall {
  source: CallSource;
  receivedAt: Date;
  lng: number | null;
  lat: number | null;
  accuracyM: number | null;
  address: string | null;
  category: IncidentCategory | null;
  type: IncidentType | null;
  /** The figures the call reports (figuresFromIntake). */
  figures: Partial<IncidentFigures>;
}

/**
 * An incident after one more call joined it (报告并联):
 * - one more call, its source among the sources, the call period widened to include it;
 * - what the incident did not know yet is filled from the call (location, address, type and its
 *   category); nothing it knew is overwritten, since officers may have corrected it;
 * - each figure becomes the highest reported so far, and the grade follows upwards only;
 * - a title Beacon derived follows the new facts; an officer's title stays.
 * Returns a new object; `raise` is set when the grade went up (incident.grade_raised).
 */
export function absorbCall<T extends AbsorbingIncident>(incident: T, call: AbsorbedCall, placeName: string | null | undefined): { incident: T; raise: GradeRaise | null } {
  const next: T = { ...incident, sources: sortSources([...incident.sources, call.source]), callCount: incident.callCount + 1 };
  if (call.receivedAt > next.lastCallAt) next.lastCallAt = call.receivedAt;
  if (call.receivedAt < next.firstCallAt) next.firstCallAt = call.receivedAt;
  if (next.lng === null && call.lng !== null && call.lat !== null) {
    next.lng = call.lng;
    next.lat = call.lat;
    next.locationAccuracyM = call.accuracyM;
  }
  next.address ??= call.address;
  if (!next.type && call.type) {
    next.type = call.type;
    next.category ??= categoryOfType(call.type);
  }
  next.category ??= call.category;
  if (hasDerivedTitle(incident.title, incident, placeName)) next.title = incidentTitle(next, placeName);
  const graded = regrade(next, maxFigures(next.figures, call.figures));
  next.figures = graded.figures;
  next.grade = graded.grade;
  next.gradeBasis = graded.gradeBasis;
  return { incident: next, raise: graded.raise };
}
