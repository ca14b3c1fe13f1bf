import { INCIDENT_TYPES, type IncidentType } from '@beacon/domain';

const ALL_TYPES = Object.values(INCIDENT_TYPES).flat() as IncidentType[];

/**
 * The incident types whose name, in the UI's language (`label`), contains `term`: a search for "fire"
 * finds fires although titles are stored in Chinese, and 火灾 finds a fire an officer titled otherwise.
 */
export function typesNamed(term: string, label: (type: IncidentType) => string): IncidentType[] {
  const q = term.trim().toLocaleLowerCase();
  if (q.length < 2) return [];
  return ALL_TYPES.filter((type) => label(type).toLocaleLowerCase().includes(q));
}
