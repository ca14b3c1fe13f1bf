import type { TFunction } from 'i18next';
import { correctionParts } from './correctionText';

const words: Record<string, string> = {
  'field.type': '类型', 'field.category': '类别', 'field.location': '位置', 'field.address': '地址',
  'type.industrial': '工矿商贸', 'category.ACCIDENT': '事故灾难', 'category.SOCIAL': '社会安全', 'figures.deaths': '死亡', 'figures.economicLossCny': '直接经济损失(元)',
};
const t = ((key: string, opts?: Record<string, string>) =>
  key === 'history.change' ? `${opts!.field}：${opts!.from} → ${opts!.to}` : (words[key] ?? opts?.defaultValue ?? key)) as unknown as TFunction;

describe('a correction in the history', () => {
  it('says each field from what it was to what it became, none as —', () => {
    const after = { category: 'SOCIAL', type: null, address: '某厂区东门', location: { lng: 118.3, lat: 36.8 } };
    expect(correctionParts(t, { category: 'ACCIDENT', type: 'industrial' }, after)).toEqual(['类别：事故灾难 → 社会安全', '类型：工矿商贸 → —']);
    expect(correctionParts(t, { location: null, address: '某厂区' }, after)).toEqual(['位置：— → 118.30000, 36.80000', '地址：某厂区 → 某厂区东门']);
  });

  it('says each figure given, from its old value to its new one', () => {
    const after = { figures: { deaths: 3, economicLossCny: 10_000_000 } };
    expect(correctionParts(t, { figures: { deaths: 1, economicLossCny: null } }, after)).toEqual(['死亡：1 → 3', `直接经济损失(元)：— → ${(10_000_000).toLocaleString()}`]);
  });
});
