import { showsReasonDetail } from './linkReasonText';

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
