import { isStoreUnreachable, isSystemicPgError } from './pg-errors.js';

describe('isStoreUnreachable: when the caller is asked to send again (503 STORE_UNAVAILABLE)', () => {
  it.each([
    ['a broken connection (08006)', { code: '08006' }],
    ['a refused connection (08001)', { code: '08001' }],
    ['a server shutting down (57P01)', { code: '57P01' }],
    ['a server starting up (57P03)', { code: '57P03' }],
    ['too many connections (53300)', { code: '53300' }],
    ['TypeORM wrapping a refused socket', { driverError: { code: 'ECONNREFUSED' } }],
    ['a reset socket', { code: 'ECONNRESET' }],
    ['the pool waiting too long for a connection', new Error('timeout exceeded when trying to connect')],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
  ])('yes for %s', (_what, err) => {
    expect(isStoreUnreachable(err)).toBe(true);
  });

  it.each([
    ['a cancelled query (57014)', { code: '57014' }],
    ['a full disk (53100)', { code: '53100' }],
    ['out of memory (53200)', { code: '53200' }],
    ['a protocol violation (08P01)', { code: '08P01' }],
    ['a unique violation (23505)', { code: '23505' }],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', null],
  ])('no for %s', (_what, err) => {
    expect(isStoreUnreachable(err)).toBe(false);
  });

  it('is narrower than isSystemicPgError, which fails a whole batch at once for any of these', () => {
    for (const code of ['57014', '53100', '53200']) expect(isSystemicPgError({ code })).toBe(true);
  });
});
