import { connectRealtime } from '../../testing/socket-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sign-in's longest life (SESSION_MAX_S), here 4 s, and what it means for tokens and live links. */
describe('a sign-in ends at its longest life, renewed or not', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JWT_TTL_S: '60', SESSION_MAX_S: '4' });
  });
  afterAll(() => t.close());

  it('renews up to the longest life of the password sign-in and no further; no token outlives it', async () => {
    const login = await t.http('POST', '/api/auth/login', { body: { username: 'duty1', password: t.password } });
    expect(login.status).toBe(200);
    expect(login.body.expiresInS).toBeLessThanOrEqual(4);
    expect(login.body.sessionEndsInS).toBeGreaterThanOrEqual(3);
    expect(login.body.sessionEndsInS).toBeLessThanOrEqual(4);
    await sleep(1100);
    const renewed = await t.http('POST', '/api/auth/renew', { token: login.body.accessToken });
    expect(renewed.status).toBe(200);
    // The renewal keeps the sign-in's time: its token ends with the sign-in, not 60 s from now.
    expect(renewed.body.expiresInS).toBeLessThanOrEqual(3);
    expect(renewed.body.sessionEndsInS).toBeLessThanOrEqual(3);
    expect(Date.parse(renewed.body.expiresAt)).toBeLessThanOrEqual(Date.parse(login.body.expiresAt) + 1000);
    await sleep(3500);
    expect((await t.http('POST', '/api/auth/renew', { token: renewed.body.accessToken })).status).toBe(401);
    expect((await t.http('GET', '/api/teams', { token: renewed.body.accessToken })).status).toBe(401);
  });

  it('closes a live link when its token expires, so the console must come back with a renewed one', async () => {
    const token = await t.token('duty1');
    const rt = await connectRealtime(t.url, token);
    const reason = await new Promise<string>((resolve) => rt.socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
  }, 10_000);
});
