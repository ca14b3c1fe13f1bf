import type { TFunction } from 'i18next';
import { gradeBasisText, linkReasonText, recordedReasonText, showsBasisReason, showsReasonDetail } from './serverWords';

describe('showsReasonDetail', () => {
  it('shows the server\'s zh-CN sentence in zh-CN only', () => {
    expect(showsReasonDetail({ rule: 'proximity', detail: '距离 50 米' }, 'zh-CN')).toBe(true);
    expect(showsReasonDetail({ rule: 'proximity', detail: '距离 50 米' }, 'en')).toBe(false);
    expect(showsReasonDetail({ rule: 'external_reference', detail: '关联 110 案件编号 X' }, 'en')).toBe(false);
  });

  it('shows an officer\'s reason in any language, and nothing when there is none', () => {
    expect(showsReasonDetail({ rule: 'officer', detail: '拆分：另一起事故' }, 'en')).toBe(true);
    expect(showsReasonDetail({ rule: 'proximity', detail: '' }, 'zh-CN')).toBe(false);
  });
});

describe('linkReasonText and gradeBasisText (the history, in the UI\'s language)', () => {
  const t = ((key: string, opts?: Record<string, unknown>) => `${key}${opts && 'm' in opts ? `(${String(opts.m)})` : ''}${opts && 'min' in opts ? `(${String(opts.min)})` : ''}`) as unknown as TFunction;

  it('words a link\'s rule, distance and time itself, adding the server\'s Chinese sentence only in Chinese', () => {
    const reason = { rule: 'proximity' as const, distanceM: 212.4, minutes: 3.04, detail: '距离 212 米，间隔 3 分钟' };
    expect(linkReasonText(t, 'en', reason)).toBe('linkRule.proximity · call.distance(212) · call.minutes(3)');
    expect(linkReasonText(t, 'zh-CN', reason)).toBe('linkRule.proximity · call.distance(212) · call.minutes(3) · 距离 212 米，间隔 3 分钟');
    expect(linkReasonText(t, 'en', { rule: 'officer', detail: '拆分：另一起事故' })).toBe('linkRule.officer · reasonCause.split');
    expect(linkReasonText(t, 'zh-CN', { rule: 'officer', detail: '拆分：另一起事故' })).toBe('linkRule.officer · 拆分：另一起事故');
  });

  it('words a grade basis as criterion = figure outside Chinese; an officer\'s reason in any language', () => {
    const basis = { table: 'decree_493', criterion: 'deaths', value: 4, reason: '死亡 4 人（3 人以上 10 人以下），较大事故' };
    expect(gradeBasisText(t, 'zh-CN', basis)).toBe(basis.reason);
    expect(gradeBasisText(t, 'en', basis)).toBe('criterion.deaths = 4');
    expect(gradeBasisText(t, 'en', { table: 'officer', criterion: 'officer', value: null, reason: '会商研判', setBy: '王强' })).toBe('会商研判');
    expect(gradeBasisText(t, 'en', { table: 'officer', criterion: 'officer', value: null, reason: '会商研判' })).toBe('会商研判');
    expect(showsBasisReason({ table: 'officer', criterion: 'officer', value: null, reason: '', setBy: '王强' }, 'en')).toBe(false);
  });
});

describe('recordedReasonText', () => {
  const t = ((key: string, opts?: { reason?: string }) => `${key}(${opts?.reason ?? ''})`) as unknown as TFunction;

  it('words the action the server named in Chinese, keeping the officer\'s words; Chinese as recorded', () => {
    expect(recordedReasonText(t, 'en', '撤销合并：误合并')).toBe('reasonCause.unmerge(误合并)');
    expect(recordedReasonText(t, 'en', '拆分来电：另一起事故')).toBe('reasonCause.splitCall(另一起事故)');
    expect(recordedReasonText(t, 'en', '会商研判')).toBe('会商研判');
    expect(recordedReasonText(t, 'zh-CN', '撤销合并：误合并')).toBe('撤销合并：误合并');
  });
});
