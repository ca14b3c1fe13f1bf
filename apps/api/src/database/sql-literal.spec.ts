import pg from 'pg';
import { escapeLiteral, pgNumber } from './sql-literal.js';

describe('escapeLiteral', () => {
  it('writes exactly what node-postgres writes', () => {
    for (const text of ['', 'plain', `it's`, `''`, 'back\\slash', `\\'mixed'\\`, '{"json":"a\\"b"}', '压测 \u2028 é', 'E\'x\'']) {
      expect(escapeLiteral(text)).toBe(pg.escapeLiteral(text));
    }
  });
});

describe('pgNumber', () => {
  it('writes finite numbers and refuses the rest', () => {
    expect(pgNumber(-36.000001)).toBe('-36.000001');
    expect(pgNumber(1e-7)).toBe('1e-7');
    expect(() => pgNumber(Number.NaN)).toThrow(/finite/);
    expect(() => pgNumber(Infinity)).toThrow(/finite/);
  });
});
