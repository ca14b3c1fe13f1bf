import type { IntakeCallRequest } from '../contracts/incidents.js';
import { isTypeOfCategory } from '../incident/incident-category.js';

/** A caller's phone as call centres send it: 3–32 digits, with + - ( ) and spaces. Checked by the API's schema and the manual form alike. */
export const CALLER_PHONE_PATTERN = /^[0-9+\-() ]{3,32}$/;

/** The receiving jurisdiction's area ([west, south, east, north], null when it has none) and how far outside it a call may lie. */
export interface ServiceArea {
  area: readonly [number, number, number, number] | null;
  marginM?: number;
}

/**
 * What makes an intake call unusable beyond field formats: a call must say where (a position or an
 * address — dispatch needs one), a position within the service area when one is given
 * (serviceAreaProblem), and a sub-type must belong to the category it comes with.
 * Returns field → problem, or null when the call is coherent.
 */
export function intakeCallProblems(call: Pick<IntakeCallRequest, 'location' | 'address' | 'category' | 'type'>, service?: ServiceArea): Record<string, string> | null {
  const problems: Record<string, string> = {};
  if (!call.location && !call.address?.trim()) {
    problems.location = 'location or address is required';
    problems.address = 'location or address is required';
  }
  const outside = call.location && service ? serviceAreaProblem(call.location, service.area, service.marginM) : null;
  if (outside) problems.location = outside;
  if (call.category && call.type && !isTypeOfCategory(call.type, call.category)) {
    problems.type = `not a sub-type of ${call.category}`;
  }
  return Object.keys(problems).length ? problems : null;
}

/** How far outside its receiving jurisdiction's area a call may lie by default: border roads, rivers, mutual aid. */
export const DEFAULT_SERVICE_AREA_MARGIN_M = 50_000;

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * A call's position must lie in its receiving jurisdiction's area (bounding box [west, south, east,
 * north]) or within `marginM` of it. A point further out is a fault of the sender — null island
 * (0, 0), swapped longitude and latitude, a pole — and would put an incident on the wrong map, so it
 * is refused naming `location`: the call center sends it again with an address alone or a corrected
 * position. Returns the problem, or null.
 */
export function serviceAreaProblem(location: { lng: number; lat: number }, area: ServiceArea['area'], marginM = DEFAULT_SERVICE_AREA_MARGIN_M): string | null {
  if (!area) return null; // a jurisdiction without a boundary has no area to hold a call to
  const [west, south, east, north] = area;
  const dLat = marginM / METRES_PER_DEGREE_LAT;
  // Widest at the area's edge nearest a pole, so the margin is never short of marginM.
  const edgeLat = Math.min(89, Math.max(Math.abs(south), Math.abs(north)) + dLat);
  const dLng = marginM / (METRES_PER_DEGREE_LAT * Math.cos((edgeLat * Math.PI) / 180));
  const inside = location.lat >= south - dLat && location.lat <= north + dLat && location.lng >= west - dLng && location.lng <= east + dLng;
  if (inside) return null;
  const km = Math.round(marginM / 1000);
  return `(${location.lng}, ${location.lat}) lies more than ${km} km outside this jurisdiction's area (lng ${west}…${east}, lat ${south}…${north}): check the position (longitude first), or send the address alone`;
}
