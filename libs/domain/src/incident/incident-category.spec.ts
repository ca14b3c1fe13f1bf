import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, INCIDENT_TYPES, type IncidentType } from '../contracts/incidents.js';
import { categoryOfType, isTypeOfCategory } from './incident-category.js';
import { INCIDENT_CATEGORY_LABELS, INCIDENT_STATUS_LABELS, INCIDENT_TYPE_LABELS } from './incident-labels.js';

describe('categoryOfType', () => {
  it.each<[IncidentType, string]>([
    ['forest_fire', 'NATURAL'],
    ['earthquake', 'NATURAL'],
    ['fire', 'ACCIDENT'],
    ['hazmat', 'ACCIDENT'],
    ['food_safety', 'HEALTH'],
    ['mass_incident', 'SOCIAL'],
  ])('%s belongs to %s', (type, category) => {
    expect(categoryOfType(type)).toBe(category);
  });

  it('maps every wire type back to the category that lists it', () => {
    for (const category of INCIDENT_CATEGORIES) {
      for (const type of INCIDENT_TYPES[category]) {
        expect(categoryOfType(type)).toBe(category);
        expect(isTypeOfCategory(type, category)).toBe(true);
      }
    }
    expect(isTypeOfCategory('fire', 'NATURAL')).toBe(false);
  });

  it('fails loudly on a value that is not a wire type', () => {
    expect(() => categoryOfType('volcano' as IncidentType)).toThrow('Unknown incident type');
  });
});

describe('labels', () => {
  it('label every status, category and type in both locales', () => {
    for (const status of INCIDENT_STATUSES) expect(INCIDENT_STATUS_LABELS[status]['zh-CN']).not.toBe('');
    for (const category of INCIDENT_CATEGORIES) {
      expect(INCIDENT_CATEGORY_LABELS[category].en).not.toBe('');
      for (const type of INCIDENT_TYPES[category]) {
        expect(INCIDENT_TYPE_LABELS[type]['zh-CN']).not.toBe('');
        expect(INCIDENT_TYPE_LABELS[type].en).not.toBe('');
      }
    }
  });
});
