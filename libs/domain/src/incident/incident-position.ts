/**
 * Where an incident is, as its calls place it. The first located call places it; a later call whose
 * fix is much sharper (a GPS fix after a cell-tower one) moves it there, so a vague first fix neither
 * stays on the map nor keeps widening what linking counts as "near" it (effectiveRadiusM) for as long
 * as calls keep coming. An officer's correction is never moved by a call.
 */

/** The accuracy an officer's correction is stored with (PATCH location): exact, and never replaced by a call's fix. */
export const OFFICER_POSITION_ACCURACY_M = 0;

/** A call's fix moves the incident only when its accuracy radius is at most this share of the incident's. */
export const SHARPER_FIX_RATIO = 0.5;

export interface IncidentPosition {
  lng: number | null;
  lat: number | null;
  locationAccuracyM: number | null;
}

export interface CallFix {
  lng: number | null;
  lat: number | null;
  accuracyM: number | null;
}

const known = (m: number | null): m is number => m !== null && Number.isFinite(m) && m >= 0;

/**
 * Whether the call's fix should replace the incident's position: both accuracies known and the call's
 * at most SHARPER_FIX_RATIO of the incident's. An unknown accuracy on either side proves nothing, and
 * an officer's position (accuracy 0) cannot be bettered.
 */
export function isSharperFix(call: CallFix, incident: IncidentPosition): boolean {
  if (call.lng === null || call.lat === null || !known(call.accuracyM)) return false;
  if (incident.lng === null || incident.lat === null) return false;
  const current = incident.locationAccuracyM;
  if (!known(current) || current === OFFICER_POSITION_ACCURACY_M) return false;
  return call.accuracyM <= current * SHARPER_FIX_RATIO;
}

/** The incident's position once the call joined: the call's fix if the incident had none or it is much sharper. */
export function positionWithCall(incident: IncidentPosition, call: CallFix): IncidentPosition {
  if (call.lng === null || call.lat === null) return incident;
  if (incident.lng === null || incident.lat === null || isSharperFix(call, incident)) {
    return { lng: call.lng, lat: call.lat, locationAccuracyM: call.accuracyM };
  }
  return incident;
}

/** The position intake would have given an incident holding these calls, in the order they were received; null if none is located. */
export function positionFromCalls(calls: readonly CallFix[]): IncidentPosition | null {
  const placed = calls.reduce<IncidentPosition>((position, call) => positionWithCall(position, call), { lng: null, lat: null, locationAccuracyM: null });
  return placed.lng === null ? null : placed;
}

const samePlace = (incident: IncidentPosition, call: CallFix): boolean =>
  incident.lng === call.lng && incident.lat === call.lat && incident.locationAccuracyM === call.accuracyM;

/**
 * After an officer took calls away (a split, an undone merge): a position that came from a call no
 * longer here follows the calls that remain (positionFromCalls, `remaining` in received order). One
 * that an officer set, or that a remaining call gave, stays; so does any position when no remaining
 * call is located (an incident is never taken off the map).
 */
export function positionAfterCallsLeave(incident: IncidentPosition, remaining: readonly CallFix[]): IncidentPosition {
  const placed = incident.lng !== null && incident.lat !== null;
  if (placed && (incident.locationAccuracyM === OFFICER_POSITION_ACCURACY_M || remaining.some((call) => samePlace(incident, call)))) return incident;
  return positionFromCalls(remaining) ?? incident;
}
