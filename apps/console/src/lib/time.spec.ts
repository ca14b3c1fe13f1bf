import { formatSourceTime } from './time';

describe('formatSourceTime', () => {
  it('writes a source time at UTC+08:00 with its year, whatever the browser\'s zone', () => {
    expect(formatSourceTime('1900-01-01T00:00:00.000Z')).toBe('1900-01-01 08:00:00 +08:00');
    expect(formatSourceTime('2026-11-25T14:30:05+08:00')).toBe('2026-11-25 14:30:05 +08:00');
    expect(formatSourceTime(null)).toBe('—');
    expect(formatSourceTime('not a time')).toBe('—');
  });
});
