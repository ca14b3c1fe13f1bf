import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import type { IncidentType } from '@beacon/domain';
import { typesNamed } from './typesNamed';

const english = (type: IncidentType) => (en.type as Record<string, string>)[type] ?? type;
const chinese = (type: IncidentType) => (zhCN.type as Record<string, string>)[type] ?? type;

describe('typesNamed', () => {
  it('finds the types whose name in the UI\'s language contains the term, in any case', () => {
    expect(typesNamed('fire', english)).toEqual(expect.arrayContaining(['fire', 'forest_fire']));
    expect(typesNamed('FIRE', english)).toEqual(typesNamed('fire', english));
    expect(typesNamed('火灾', chinese)).toContain('fire');
  });

  it('names none for a short or unmatched term', () => {
    expect(typesNamed('f', english)).toEqual([]);
    expect(typesNamed('INC-2026', english)).toEqual([]);
  });
});
