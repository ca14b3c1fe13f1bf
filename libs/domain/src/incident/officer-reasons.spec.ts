import { causeOfReason, reasonWithCause } from './officer-reasons.js';

describe('officer reasons with their cause', () => {
  it('round-trips each cause', () => {
    for (const cause of ['unmerge', 'splitCall', 'manualLink', 'split'] as const) {
      expect(causeOfReason(reasonWithCause(cause, '另一起事故'))).toEqual({ cause, reason: '另一起事故' });
    }
  });

  it('tells 拆分来电 from 拆分, and leaves an officer\'s own reason alone', () => {
    expect(causeOfReason('拆分来电：伤员另案')).toEqual({ cause: 'splitCall', reason: '伤员另案' });
    expect(causeOfReason('拆分：伤员另案')).toEqual({ cause: 'split', reason: '伤员另案' });
    expect(causeOfReason('会商研判')).toEqual({ cause: null, reason: '会商研判' });
    expect(causeOfReason('值班员手动关联')).toEqual({ cause: null, reason: '值班员手动关联' });
  });
});
