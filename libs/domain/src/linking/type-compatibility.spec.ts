import type { CallSource, IncidentCategory, IncidentType } from '../contracts/incidents.js';
import { areCategoriesRelated, areTypesRelated, typeCompatibility, type CompatibilitySide } from './type-compatibility.js';

const side = (category: IncidentCategory | null, type: IncidentType | null, ...sources: CallSource[]): CompatibilitySide => ({
  category,
  type,
  sources,
});

describe('typeCompatibility', () => {
  it.each<[string, CompatibilitySide, CompatibilitySide, boolean]>([
    // Same or related types.
    ['same type', side('ACCIDENT', 'fire', '119'), side('ACCIDENT', 'fire', '119'), true],
    ['fire ↔ hazmat', side('ACCIDENT', 'fire', '119'), side('ACCIDENT', 'hazmat', '110'), true],
    ['fire ↔ industrial', side('ACCIDENT', 'fire', '119'), side('ACCIDENT', 'industrial', '110'), true],
    ['fire ↔ building_collapse', side('ACCIDENT', 'fire', '119'), side('ACCIDENT', 'building_collapse', '110'), true],
    ['road_traffic ↔ fire (vehicle fire)', side('ACCIDENT', 'road_traffic', '110'), side('ACCIDENT', 'fire', '119'), true],
    ['hazmat ↔ road_traffic (tanker)', side('ACCIDENT', 'hazmat', '119'), side('ACCIDENT', 'road_traffic', '110'), true],
    ['hazmat ↔ pollution', side('ACCIDENT', 'hazmat', '119'), side('ACCIDENT', 'pollution', 'manual'), true],
    ['fire ↔ forest_fire', side('ACCIDENT', 'fire', '119'), side('NATURAL', 'forest_fire', '119'), true],
    ['flood ↔ meteorological', side('NATURAL', 'flood', '110'), side('NATURAL', 'meteorological', 'manual'), true],
    ['flood ↔ geological', side('NATURAL', 'flood', '110'), side('NATURAL', 'geological', '119'), true],
    ['meteorological ↔ geological', side('NATURAL', 'meteorological', '110'), side('NATURAL', 'geological', '119'), true],
    ['earthquake ↔ building_collapse', side('NATURAL', 'earthquake', '110'), side('ACCIDENT', 'building_collapse', '119'), true],
    ['food_safety ↔ cluster_illness', side('HEALTH', 'food_safety', 'manual'), side('HEALTH', 'cluster_illness', 'manual'), true],
    ['terrorism ↔ fire (explosion)', side('SOCIAL', 'terrorism', '110'), side('ACCIDENT', 'fire', '119'), true],
    // Unrelated types.
    ['fire ↔ flood', side('ACCIDENT', 'fire', '119'), side('NATURAL', 'flood', '110'), false],
    ['road_traffic ↔ pollution', side('ACCIDENT', 'road_traffic', '110'), side('ACCIDENT', 'pollution', 'manual'), false],
    ['flood ↔ drought', side('NATURAL', 'flood', '110'), side('NATURAL', 'drought', 'manual'), false],
    ['mass_incident ↔ flood (SOCIAL vs NATURAL)', side('SOCIAL', 'mass_incident', '110'), side('NATURAL', 'flood', '110'), false],
    ['major_crime ↔ earthquake', side('SOCIAL', 'major_crime', '110'), side('NATURAL', 'earthquake', '110'), false],
    ['epidemic ↔ fire', side('HEALTH', 'epidemic', 'manual'), side('ACCIDENT', 'fire', '119'), false],
    // Unknowns.
    ['unknown call', side(null, null, '110'), side('NATURAL', 'flood', '110'), true],
    ['unknown incident', side('SOCIAL', 'major_crime', '110'), side(null, null, '110'), true],
    ['category only, same', side('ACCIDENT', null, '110'), side('ACCIDENT', 'fire', '119'), true],
    ['category only, ACCIDENT vs NATURAL', side('ACCIDENT', null, '110'), side('NATURAL', 'flood', '110'), true],
    ['category only, SOCIAL vs NATURAL', side('SOCIAL', null, '110'), side('NATURAL', 'flood', '110'), false],
    ['category only, SOCIAL vs NATURAL, both untyped', side('SOCIAL', null, '110'), side('NATURAL', null, '119'), false],
    ['category only, HEALTH vs SOCIAL', side('HEALTH', null, 'manual'), side('SOCIAL', null, '110'), false],
    // The ambulance rule.
    ['120 untyped ↔ fire', side(null, null, '120'), side('ACCIDENT', 'fire', '119'), true],
    ['120 HEALTH-categorised ↔ fire', side('HEALTH', null, '120'), side('ACCIDENT', 'fire', '119'), true],
    ['120 HEALTH-typed ↔ road_traffic', side('HEALTH', 'occupational', '120'), side('ACCIDENT', 'road_traffic', '110'), true],
    ['120 HEALTH ↔ flood', side('HEALTH', null, '120'), side('NATURAL', 'flood', '110'), true],
    ['120 HEALTH ↔ major_crime', side('HEALTH', null, '120'), side('SOCIAL', 'major_crime', '110'), true],
    ['120 HEALTH ↔ mass_incident', side('HEALTH', null, '120'), side('SOCIAL', 'mass_incident', '110'), false],
    ['non-120 HEALTH ↔ road_traffic', side('HEALTH', 'epidemic', 'manual'), side('ACCIDENT', 'road_traffic', '110'), false],
    ['fire call ↔ incident made of 120 calls', side('ACCIDENT', 'fire', '119'), side('HEALTH', 'food_safety', '120', '120'), true],
    ['fire call ↔ incident with 120 and manual calls', side('ACCIDENT', 'fire', '119'), side('HEALTH', 'food_safety', '120', 'manual'), false],
    ['120 call typed fire ↔ flood (typed, ordinary rules)', side('ACCIDENT', 'fire', '120'), side('NATURAL', 'flood', '110'), false],
  ])('%s → %s', (_name, call, incident, expected) => {
    expect(typeCompatibility(call, incident).compatible).toBe(expected);
    expect(typeCompatibility(incident, call).compatible).toBe(expected);
  });

  it('derives the category from the type when the category is missing or wrong', () => {
    expect(typeCompatibility({ type: 'flood' }, { category: 'SOCIAL' }).compatible).toBe(false);
    expect(typeCompatibility({ category: 'SOCIAL', type: 'fire' }, { category: 'NATURAL' }).compatible).toBe(true);
  });

  it('explains itself in Chinese', () => {
    expect(typeCompatibility(side('ACCIDENT', 'fire'), side('ACCIDENT', 'hazmat')).detail).toBe('类型相容（火灾/危化品）');
    expect(typeCompatibility(side('ACCIDENT', 'fire'), side('ACCIDENT', 'fire')).detail).toBe('类型相同（火灾）');
    expect(typeCompatibility(side(null, null), side('ACCIDENT', 'fire')).detail).toBe('类型未定，视为相容');
    expect(typeCompatibility(side('SOCIAL', null), side('NATURAL', null)).detail).toBe('类别不相容（社会安全事件/自然灾害）');
    expect(typeCompatibility(side(null, null, '120'), side('ACCIDENT', 'fire', '119')).detail).toBe('120 急救呼叫与火灾同地点，视为同一事件');
  });

  it('accepts a custom list of related groups', () => {
    expect(typeCompatibility(side('ACCIDENT', 'fire'), side('NATURAL', 'flood'), [['fire', 'flood']]).compatible).toBe(true);
    expect(typeCompatibility(side('ACCIDENT', 'fire'), side('ACCIDENT', 'hazmat'), []).compatible).toBe(false);
  });
});

describe('relations', () => {
  it('types relate to themselves and within groups only', () => {
    expect(areTypesRelated('marine', 'marine')).toBe(true);
    expect(areTypesRelated('marine', 'flood')).toBe(true);
    expect(areTypesRelated('marine', 'fire')).toBe(false);
  });

  it('category relations are symmetric', () => {
    expect(areCategoriesRelated('NATURAL', 'ACCIDENT')).toBe(true);
    expect(areCategoriesRelated('ACCIDENT', 'NATURAL')).toBe(true);
    expect(areCategoriesRelated('NATURAL', 'SOCIAL')).toBe(false);
    expect(areCategoriesRelated('HEALTH', 'NATURAL')).toBe(false);
  });
});
