import { INCIDENT_CATEGORIES, INCIDENT_TYPES, type IncidentCategory, type IncidentType } from '../contracts/incidents.js';

/** The category a sub-type belongs to; every wire type belongs to exactly one. */
export function categoryOfType(type: IncidentType): IncidentCategory {
  for (const category of INCIDENT_CATEGORIES) {
    if ((INCIDENT_TYPES[category] as readonly string[]).includes(type)) return category;
  }
  // Unreachable while INCIDENT_TYPES covers IncidentType; kept so a bad cast fails loudly.
  throw new Error(`Unknown incident type: ${String(type)}`);
}

export function isTypeOfCategory(type: IncidentType, category: IncidentCategory): boolean {
  return categoryOfType(type) === category;
}
