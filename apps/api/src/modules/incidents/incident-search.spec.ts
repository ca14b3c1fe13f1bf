import { phoneDigitsOf } from './incident-search.js';

describe('a search term as a phone number', () => {
  it('reads the digits of a number as people type it, full-width digits too', () => {
    expect(phoneDigitsOf('138 1234-5678')).toBe('13812345678');
    expect(phoneDigitsOf('+86 (138) 1234 5678')).toBe('8613812345678');
    expect(phoneDigitsOf('１３８１２３４')).toBe('1381234');
    expect(phoneDigitsOf('45678')).toBe('45678');
  });

  it('is no phone number with fewer than five digits (an incident serial, a year) or with words in it', () => {
    expect(phoneDigitsOf('0012')).toBe('');
    expect(phoneDigitsOf('2026')).toBe('');
    expect(phoneDigitsOf('尾号 5678')).toBe('');
    expect(phoneDigitsOf('JQ20261125')).toBe('');
  });
});
