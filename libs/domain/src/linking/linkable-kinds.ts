import { INCIDENT_CATEGORIES, INCIDENT_TYPES, type CallSource, type IncidentCategory, type IncidentType } from '../contracts/incidents.js';
import { RELATED_TYPE_GROUPS, typeCompatibility, type CompatibilitySide } from './type-compatibility.js';

/**
 * An incident's nature as one short key, for a store to pre-select the incidents a call could join:
 * its type, or '/' and its category when it has no type ('/' alone when it has neither), and '+120'
 * when its calls all came from 120 (the ambulance rule). The type alone suffices because a type
 * decides its category. The intake read computes the same key in SQL (incidentKindKeySql).
 */
export function incidentKindKey(incident: { type: IncidentType | null; category: IncidentCategory | null; sources: readonly CallSource[] }): string {
  const ambulanceOnly = incident.sources.length > 0 && incident.sources.every((s) => s === '120');
  return `${incident.type ?? `/${incident.category ?? ''}`}${ambulanceOnly ? '+120' : ''}`;
}

const ALL_TYPES = INCIDENT_CATEGORIES.flatMap((c) => INCIDENT_TYPES[c] as readonly IncidentType[]);
// An incident's sources matter to compatibility only as "reported by 120 alone" or not.
const SOURCE_CASES: ReadonlyArray<readonly CallSource[]> = [['120'], ['110']];
const KINDS: ReadonlyArray<{ type: IncidentType | null; category: IncidentCategory | null; sources: readonly CallSource[] }> = [
  ...ALL_TYPES.map((type) => ({ type, category: null })),
  ...[...INCIDENT_CATEGORIES, null].map((category) => ({ type: null, category })),
].flatMap((nature) => SOURCE_CASES.map((sources) => ({ ...nature, sources })));

const memo = new Map<string, string[]>();

/**
 * Every incident kind (incidentKindKey) a call could be the same event as by typeCompatibility:
 * what a store may filter candidates by, so the exact rule still decides but is never handed
 * incidents it would refuse on their nature alone.
 */
export function linkableIncidentKinds(call: CompatibilitySide, groups: readonly (readonly IncidentType[])[] = RELATED_TYPE_GROUPS): string[] {
  const ambulanceOnly = (call.sources ?? []).length > 0 && (call.sources ?? []).every((s) => s === '120');
  const memoKey = groups === RELATED_TYPE_GROUPS ? `${call.type ?? ''}|${call.category ?? ''}|${ambulanceOnly}` : null;
  const known = memoKey === null ? undefined : memo.get(memoKey);
  if (known) return known;
  const kinds = KINDS.filter((kind) => typeCompatibility(call, kind, groups).compatible).map(incidentKindKey);
  if (memoKey !== null) memo.set(memoKey, kinds);
  return kinds;
}
