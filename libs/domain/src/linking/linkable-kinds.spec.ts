import { CALL_SOURCES, INCIDENT_CATEGORIES, INCIDENT_TYPES, type CallSource, type IncidentCategory, type IncidentType } from '../contracts/incidents.js';
import { categoryOfType } from '../incident/incident-category.js';
import { incidentKindKey, linkableIncidentKinds } from './linkable-kinds.js';
import { typeCompatibility } from './type-compatibility.js';

const TYPES = INCIDENT_CATEGORIES.flatMap((c) => INCIDENT_TYPES[c] as readonly IncidentType[]);
/** Every nature a side can state: each type (with its category, or none given), each category alone, nothing. */
const NATURES: Array<{ type: IncidentType | null; category: IncidentCategory | null }> = [
  ...TYPES.flatMap((type) => [{ type, category: categoryOfType(type) }, { type, category: null }]),
  ...INCIDENT_CATEGORIES.map((category) => ({ type: null, category })),
  { type: null, category: null },
];
const INCIDENT_SOURCES: CallSource[][] = [[], ['120'], ['110'], ['119'], ['manual'], ['110', '120'], ['119', '120'], ['120', 'manual'], ['110', '119', '120']];

describe('linkableIncidentKinds (the store pre-filter for linking)', () => {
  it('keeps every incident typeCompatibility would accept, for every call and incident nature and source mix', () => {
    let accepted = 0;
    for (const callNature of NATURES) {
      for (const source of CALL_SOURCES) {
        const call = { ...callNature, sources: [source] };
        const kinds = new Set(linkableIncidentKinds(call));
        for (const incidentNature of NATURES) {
          for (const sources of INCIDENT_SOURCES) {
            if (!typeCompatibility(call, { ...incidentNature, sources }).compatible) continue;
            accepted++;
            expect({ call, incident: { ...incidentNature, sources }, kept: kinds.has(incidentKindKey({ ...incidentNature, sources })) }).toEqual({
              call, incident: { ...incidentNature, sources }, kept: true,
            });
          }
        }
      }
    }
    expect(accepted).toBeGreaterThan(10_000); // the loop really compared something
  });

  it('leaves out the kinds a call can never join: a fire call skips floods, and epidemics not reported by 120 alone', () => {
    const kinds = linkableIncidentKinds({ type: 'fire', category: 'ACCIDENT', sources: ['119'] });
    expect(kinds).toEqual(expect.arrayContaining(['fire', 'hazmat', 'road_traffic', 'forest_fire', 'terrorism', '/ACCIDENT', '/NATURAL', '/', 'fire+120']));
    expect(kinds).not.toContain('flood');
    expect(kinds).not.toContain('flood+120');
    expect(kinds).not.toContain('epidemic');
    expect(kinds).not.toContain('mass_incident');
  });

  it('keeps an ambulance report (120 alone, HEALTH or untyped) for an accident call: the same event by the 120 rule', () => {
    expect(linkableIncidentKinds({ type: 'fire', sources: ['119'] })).toEqual(expect.arrayContaining(['cluster_illness+120', '/HEALTH+120', '/+120']));
  });

  it('lets a call of unknown nature meet every kind', () => {
    expect(linkableIncidentKinds({ type: null, category: null, sources: ['110'] })).toHaveLength(2 * (TYPES.length + INCIDENT_CATEGORIES.length + 1));
  });

  it('keys an incident by its type, or by its category when it has no type, marking one reported by 120 alone', () => {
    expect(incidentKindKey({ type: 'fire', category: 'ACCIDENT', sources: ['119'] })).toBe('fire');
    expect(incidentKindKey({ type: null, category: 'NATURAL', sources: ['110', '120'] })).toBe('/NATURAL');
    expect(incidentKindKey({ type: null, category: null, sources: [] })).toBe('/');
    expect(incidentKindKey({ type: 'epidemic', category: 'HEALTH', sources: ['120'] })).toBe('epidemic+120');
  });
});
