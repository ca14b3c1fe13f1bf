import { incidentTitleText } from './incidentTitleText';

describe('incidentTitleText', () => {
  const jurisdictions = [{ id: 'j1', name: '东城区' }];
  const fire = { title: '东城区 火灾', type: 'fire' as const, category: 'ACCIDENT' as const, address: null, jurisdictionId: 'j1' };

  it('shows the stored title in Chinese', () => {
    expect(incidentTitleText(fire, 'zh-CN', jurisdictions)).toBe('东城区 火灾');
  });

  it('names what happened in English while the title is still the derived one', () => {
    expect(incidentTitleText(fire, 'en', jurisdictions)).toBe('Fire at 东城区');
    expect(incidentTitleText({ ...fire, title: '化工园区东门 火灾', address: '化工园区东门' }, 'en', jurisdictions)).toBe('Fire at 化工园区东门');
  });

  it('keeps an officer’s own title, and one it cannot tell is derived, as written', () => {
    expect(incidentTitleText({ ...fire, title: '化工厂爆炸' }, 'en', jurisdictions)).toBe('化工厂爆炸');
    // Boundaries not loaded yet: no place name to re-derive with, so the stored title stays.
    expect(incidentTitleText(fire, 'en', undefined)).toBe('东城区 火灾');
  });
});
