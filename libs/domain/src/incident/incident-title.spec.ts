import { hasDerivedTitle, incidentTitle } from './incident-title.js';

describe('incidentTitle', () => {
  it('where: the address, else the place name; what: the type, else the category, else 警情', () => {
    expect(incidentTitle({ type: 'fire', category: 'ACCIDENT', address: '化工园区东门' }, '东城区')).toBe('化工园区东门 火灾');
    expect(incidentTitle({ type: 'fire', category: 'ACCIDENT', address: null }, '东城区')).toBe('东城区 火灾');
    expect(incidentTitle({ type: null, category: 'HEALTH', address: null }, '东城区')).toBe('东城区 公共卫生事件');
    expect(incidentTitle({ type: null, category: null, address: null }, '东城区')).toBe('东城区 警情');
  });

  it('without any place it is only the what', () => {
    expect(incidentTitle({ type: 'flood', category: 'NATURAL', address: null }, null)).toBe('洪涝');
    expect(incidentTitle({ type: null, category: null, address: null }, undefined)).toBe('警情');
  });

  it('names what happened in English when asked, the place as reported', () => {
    expect(incidentTitle({ type: 'fire', category: 'ACCIDENT', address: null }, '东城区', 'en')).toBe('Fire at 东城区');
    expect(incidentTitle({ type: null, category: 'NATURAL', address: '化工园区东门' }, '东城区', 'en')).toBe('Natural disaster at 化工园区东门');
    expect(incidentTitle({ type: null, category: null, address: null }, null, 'en')).toBe('Incident');
  });
});

describe('hasDerivedTitle', () => {
  const incident = { type: 'fire' as const, category: 'ACCIDENT' as const, address: null };
  it('true for the derived title and for an empty one', () => {
    expect(hasDerivedTitle('东城区 火灾', incident, '东城区')).toBe(true);
    expect(hasDerivedTitle('', incident, '东城区')).toBe(true);
  });
  it('false for an officer’s own title, or one derived from other facts', () => {
    expect(hasDerivedTitle('化工厂爆炸', incident, '东城区')).toBe(false);
    expect(hasDerivedTitle('西城区 火灾', incident, '东城区')).toBe(false);
  });
});
