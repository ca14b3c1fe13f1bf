import { pathOfNulCharacter } from './nul-characters.js';

const check = (body: unknown) => pathOfNulCharacter(JSON.stringify(body), body);

describe('pathOfNulCharacter', () => {
  it('names the first string or key holding U+0000, by its dotted path', () => {
    expect(check({ a: 'x', b: { c: ['ok', 'n\u0000'] } })).toBe('b.c.1');
    expect(check({ a: 'first\u0000', b: 'second\u0000' })).toBe('a');
    expect(check({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(check('\u0000')).toBe('body');
  });

  it('finds nothing in clean text, nor in an escaped backslash followed by "u0000"', () => {
    expect(check({ a: 'x', b: [1, null, true] })).toBeNull();
    const raw = '{"a":"\\\\u0000"}';
    expect(pathOfNulCharacter(raw, JSON.parse(raw))).toBeNull();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let body: unknown = 'deep\u0000';
    for (let i = 0; i < 100_000; i++) body = [body];
    const raw = `${'['.repeat(100_000)}"deep\\u0000"${']'.repeat(100_000)}`;
    expect(pathOfNulCharacter(raw, body)).toBe(Array(100_000).fill('0').join('.'));
  });
});
