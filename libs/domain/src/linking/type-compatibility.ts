import type { CallSource, IncidentCategory, IncidentType } from '../contracts/incidents.js';
import { categoryOfType } from '../incident/incident-category.js';
import { INCIDENT_CATEGORY_LABELS, INCIDENT_TYPE_LABELS } from '../incident/incident-labels.js';

/** What one side (a call, or an incident) says about the nature of the event. */
export interface CompatibilitySide {
  category?: IncidentCategory | null;
  type?: IncidentType | null;
  /** The call's source, or every source an incident's calls came from. */
  sources?: readonly CallSource[];
}

export interface Compatibility {
  compatible: boolean;
  /** zh-CN, e.g. '类型相容（火灾/危化品）'. */
  detail: string;
}

/**
 * Types that are often one event reported differently: a vehicle fire is road_traffic to 110 and
 * fire to 119; a gas explosion is fire, building_collapse and public_facility at once. Two types
 * are compatible when some group holds both.
 */
export const RELATED_TYPE_GROUPS: readonly (readonly IncidentType[])[] = [
  ['fire', 'hazmat', 'industrial', 'building_collapse', 'road_traffic', 'public_facility'],
  ['fire', 'forest_fire'],
  ['hazmat', 'pollution', 'nuclear_radiation', 'industrial'],
  ['flood', 'meteorological', 'geological', 'marine'],
  ['drought', 'meteorological'],
  ['earthquake', 'geological', 'building_collapse'],
  ['epidemic', 'cluster_illness', 'animal_epidemic'],
  ['food_safety', 'cluster_illness', 'occupational'],
  ['occupational', 'industrial', 'hazmat'],
  ['terrorism', 'major_crime', 'mass_incident', 'foreign_related'],
  ['terrorism', 'fire', 'hazmat', 'building_collapse'],
  ['mass_incident', 'economic_security'],
];

/**
 * Category pairs compatible when a type is missing on one side. Natural disasters cause accidents;
 * crimes and attacks cause fires and crashes; poisonings are both ACCIDENT and HEALTH. SOCIAL never
 * meets NATURAL, nor HEALTH (except through the 120 rule below).
 */
const RELATED_CATEGORY_PAIRS: readonly (readonly [IncidentCategory, IncidentCategory])[] = [
  ['ACCIDENT', 'NATURAL'],
  ['ACCIDENT', 'SOCIAL'],
  ['ACCIDENT', 'HEALTH'],
];

// Violent SOCIAL events with casualties, where the ambulance call is the same event.
const CASUALTY_SOCIAL_TYPES: readonly IncidentType[] = ['terrorism', 'major_crime'];

interface Normalised {
  category: IncidentCategory | null;
  type: IncidentType | null;
  ambulanceOnly: boolean;
}

function normalise(side: CompatibilitySide): Normalised {
  const type = side.type ?? null;
  // The type decides the category: a wire type belongs to exactly one.
  const category = type !== null ? categoryOfType(type) : (side.category ?? null);
  const sources = side.sources ?? [];
  return { category, type, ambulanceOnly: sources.length > 0 && sources.every((s) => s === '120') };
}

// "A fire call and an ambulance call at the same spot are one event": a 120 call with no type or a
// HEALTH type joins an accident or disaster (or a violent crime) there.
function isAmbulanceReport(side: Normalised): boolean {
  return side.ambulanceOnly && (side.type === null || side.category === 'HEALTH');
}

function takesAmbulance(side: Normalised): boolean {
  if (side.category === 'ACCIDENT' || side.category === 'NATURAL') return true;
  return side.type !== null && CASUALTY_SOCIAL_TYPES.includes(side.type);
}

/**
 * Whether the call, joining the incident, says what the event is where the incident knew it only from
 * ambulance calls (a 120 report, untyped or HEALTH, joined by a fire, crash or violent crime through
 * the rule above): those 120 calls were the event's casualties, so the incident takes the call's
 * nature. Kept as it was, the incident would refuse the next call about the same fire (a HEALTH type
 * no longer backed by 120 alone) and be graded by no statute table (HEALTH grades nothing).
 */
export function callNamesAmbulanceReportedEvent(call: CompatibilitySide, incident: CompatibilitySide): boolean {
  const c = normalise(call);
  const i = normalise(incident);
  return isAmbulanceReport(i) && !isAmbulanceReport(c) && takesAmbulance(c);
}

const typeLabel = (type: IncidentType): string => INCIDENT_TYPE_LABELS[type]['zh-CN'];
const categoryLabel = (category: IncidentCategory): string => INCIDENT_CATEGORY_LABELS[category]['zh-CN'];
const describeSide = (side: Normalised): string =>
  side.type !== null ? typeLabel(side.type) : side.category !== null ? categoryLabel(side.category) : '未定';

export function areTypesRelated(a: IncidentType, b: IncidentType, groups: readonly (readonly IncidentType[])[] = RELATED_TYPE_GROUPS): boolean {
  return a === b || groups.some((group) => group.includes(a) && group.includes(b));
}

export function areCategoriesRelated(a: IncidentCategory, b: IncidentCategory): boolean {
  return a === b || RELATED_CATEGORY_PAIRS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Whether a call and an incident can be the same event by what they say it is. Symmetric. */
export function typeCompatibility(
  call: CompatibilitySide,
  incident: CompatibilitySide,
  groups: readonly (readonly IncidentType[])[] = RELATED_TYPE_GROUPS,
): Compatibility {
  const a = normalise(call);
  const b = normalise(incident);
  const pair = `${describeSide(a)}/${describeSide(b)}`;

  if ((isAmbulanceReport(a) && !isAmbulanceReport(b) && takesAmbulance(b)) || (isAmbulanceReport(b) && !isAmbulanceReport(a) && takesAmbulance(a))) {
    return { compatible: true, detail: `120 急救呼叫与${describeSide(isAmbulanceReport(a) ? b : a)}同地点，视为同一事件` };
  }
  if (a.type !== null && b.type !== null) {
    if (a.type === b.type) return { compatible: true, detail: `类型相同（${typeLabel(a.type)}）` };
    return areTypesRelated(a.type, b.type, groups)
      ? { compatible: true, detail: `类型相容（${pair}）` }
      : { compatible: false, detail: `类型不相容（${pair}）` };
  }
  if (a.category !== null && b.category !== null) {
    if (a.category === b.category) return { compatible: true, detail: `类别相同（${categoryLabel(a.category)}）` };
    return areCategoriesRelated(a.category, b.category)
      ? { compatible: true, detail: `类别相容（${pair}）` }
      : { compatible: false, detail: `类别不相容（${pair}）` };
  }
  return { compatible: true, detail: '类型未定，视为相容' };
}
