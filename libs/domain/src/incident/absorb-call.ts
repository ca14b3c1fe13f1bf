import { CALL_SOURCES, type CallSource, type IncidentCategory, type IncidentFigures, type IncidentType } from '../contracts/incidents.js';
import { emptyFigures, maxFigures } from '../grading/figures.js';
import { DEFAULT_GRADE_TABLES, type GradeTables } from '../grading/grade-tables.js';
import { regrade, type GradedIncident, type GradeRaise } from '../grading/regrade.js';
import { callNamesAmbulanceReportedEvent } from '../linking/type-compatibility.js';
import { categoryOfType, isTypeOfCategory } from './incident-category.js';
import { hasDerivedTitle, incidentTitle, type TitledIncident } from './incident-title.js';
import { positionWithCall } from './incident-position.js';

/** Sources as an incident lists them, once each, in CALL_SOURCES order: 110, 119, 120, then manual. */
export function sortSources(sources: Iterable<CallSource>): CallSource[] {
  return [...new Set(sources)].sort((a, b) => CALL_SOURCES.indexOf(a) - CALL_SOURCES.indexOf(b));
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
 * The incident a call opens when it joins none: the call's position, address, type (with its
 * category, or the call's own category) and figures; graded from those figures (basis recorded);
 * titled from its address or place.
 */
export function incidentFromCall(call: AbsorbedCall, placeName: string | null | undefined, tables: GradeTables = DEFAULT_GRADE_TABLES): AbsorbingIncident {
  const located = call.lng !== null && call.lat !== null;
  const facts = {
    category: call.category ?? (call.type ? categoryOfType(call.type) : null),
    type: call.type,
    address: call.address,
    lng: located ? call.lng : null,
    lat: located ? call.lat : null,
    locationAccuracyM: located ? call.accuracyM : null,
    sources: [call.source],
    callCount: 1,
    firstCallAt: call.receivedAt,
    lastCallAt: call.receivedAt,
  };
  const graded = regrade({ ...facts, figures: emptyFigures(), grade: null, gradeBasis: null }, maxFigures(emptyFigures(), call.figures), tables);
  return { ...facts, title: incidentTitle(facts, placeName), figures: graded.figures, grade: graded.grade, gradeBasis: graded.gradeBasis };
}

/**
 * An incident after one more call joined it (报告并联):
 * - one more call, its source among the sources, the call period widened to include it;
 * - what the incident did not know yet is filled from the call (location, address, type and its
 *   category; a type only if it belongs to the incident's category); nothing it knew is overwritten,
 *   since officers may have corrected it — except a call-given position by a much sharper fix
 *   (positionWithCall), and the nature of an incident known only from ambulance calls, which a fire,
 *   crash or crime call names (callNamesAmbulanceReportedEvent);
 * - each figure becomes the highest reported so far, and the grade follows upwards only;
 * - a title Beacon derived follows the new facts; an officer's title stays.
 * Returns a new object; `raise` is set when the grade went up (incident.grade_raised).
 */
export function absorbCall<T extends AbsorbingIncident>(
  incident: T,
  call: AbsorbedCall,
  placeName: string | null | undefined,
  tables: GradeTables = DEFAULT_GRADE_TABLES,
): { incident: T; raise: GradeRaise | null } {
  const next: T = { ...incident, sources: sortSources([...incident.sources, call.source]), callCount: incident.callCount + 1 };
  if (call.receivedAt > next.lastCallAt) next.lastCallAt = call.receivedAt;
  if (call.receivedAt < next.firstCallAt) next.firstCallAt = call.receivedAt;
  Object.assign(next, positionWithCall(next, call));
  next.address ??= call.address;
  if (callNamesAmbulanceReportedEvent({ category: call.category, type: call.type, sources: [call.source] }, incident)) {
    // Known only from 120 until now: the event is what this call says (the ambulance calls were its casualties).
    next.type = call.type;
    next.category = call.type ? categoryOfType(call.type) : call.category;
  } else if (!next.type && call.type && (next.category === null || isTypeOfCategory(call.type, next.category))) {
    // A type of another category is not taken: the incident would be graded by a table not its own.
    next.type = call.type;
    next.category ??= categoryOfType(call.type);
  }
  next.category ??= call.category;
  if (hasDerivedTitle(incident.title, incident, placeName)) next.title = incidentTitle(next, placeName);
  const graded = regrade(next, maxFigures(next.figures, call.figures), tables);
  next.figures = graded.figures;
  next.grade = graded.grade;
  next.gradeBasis = graded.gradeBasis;
  return { incident: next, raise: graded.raise };
}
