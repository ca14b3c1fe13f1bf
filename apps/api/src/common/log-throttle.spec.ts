import { LogThrottle } from './log-throttle.js';

describe('LogThrottle', () => {
  it('lets the first line through, then one per period', () => {
    const throttle = new LogThrottle(10_000);
    expect([0, 1, 9_999, 10_000, 15_000, 20_000].map((t) => throttle.due(1_000_000 + t))).toEqual([true, false, false, true, false, true]);
  });
});
