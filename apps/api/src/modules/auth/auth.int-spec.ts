import { DataSource } from 'typeorm';
import { demoIntakeKey } from '../../database/seeds/demo-seeder.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/** Routes any anonymous caller may reach (/api/time: consoles measure their clock before sign-in; it tells only the time). Everything else must answer 401 without credentials. */
const PUBLIC_ROUTES = new Set(['POST /api/auth/login', 'GET /api/health', 'GET /api/time', 'GET /metrics']);
/** Intake answers 401 too, but for a missing X-Api-Key rather than a missing JWT. */
const API_KEY_ROUTES = new Set(['POST /api/intake/calls']);

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs a demo user in and returns a token with the user', async () => {
    const res = await t.http('POST', '/api/auth/login', { body: { username: 'duty1', password: t.password } });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ username: 'duty1', roles: ['duty_officer'], jurisdictionId: expect.any(String) });
    const me = await t.http('GET', '/api/auth/me', { token: res.body.accessToken });
    expect(me.body).toMatchObject({ username: 'duty1', kind: 'user' });
  });

  it('seeds one user per role, team1 in a fire-rescue team', async () => {
    const roles: Record<string, string> = {
      duty1: 'duty_officer', shift1: 'shift_leader', leader1: 'leader', cmdr1: 'commander',
      team1: 'team_member', drafter1: 'release_drafter', approver1: 'release_approver', admin1: 'admin',
    };
    for (const [username, role] of Object.entries(roles)) {
      const res = await t.http('POST', '/api/auth/login', { body: { username, password: t.password } });
      expect(res.body.user.roles).toContain(role);
    }
    const team1 = await t.http('POST', '/api/auth/login', { body: { username: 'team1', password: t.password } });
    const teams = await t.http('GET', '/api/teams', { token: await t.token('duty1') });
    const team = teams.body.find((x: { id: string }) => x.id === team1.body.user.teamId);
    expect(team.kind).toBe('fire_rescue');
  });

  it('stores passwords hashed with argon2id', async () => {
    const pg = await import('pg');
    const c = new pg.default.Client({ connectionString: t.databaseUrl });
    await c.connect();
    const { rows } = await c.query(`SELECT password_hash FROM users WHERE username = 'duty1'`);
    await c.end();
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(t.password);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await t.http('POST', '/api/auth/login', { body: { username: 'duty1', password: 'nope-nope' } });
    const unknown = await t.http('POST', '/api/auth/login', { body: { username: 'nobody', password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('BAD_CREDENTIALS');
  });

  it('rejects bad login bodies with 400 naming the field', async () => {
    const missing = await t.http('POST', '/api/auth/login', { body: { username: 'duty1' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: expect.any(String) } });
    const extra = await t.http('POST', '/api/auth/login', { body: { username: 'duty1', password: 'x', admin: true } });
    expect(extra.status).toBe(400);
    expect(extra.body.fields).toHaveProperty('admin');
    const malformed = await t.http('POST', '/api/auth/login', { body: '{"username": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'MALFORMED_JSON', fields: { body: expect.any(String) } });
  });

  it('renews a signed-in user\'s token from the users table; a deactivated account, no token or an intake key is refused', async () => {
    const db = t.app.get(DataSource);
    await db.query(
      `INSERT INTO users (username, display_name, password_hash, roles, jurisdiction_id) SELECT 'night_duty', '夜班值班员', password_hash, roles, jurisdiction_id FROM users WHERE username = 'duty1'`,
    );
    const first = await t.http('POST', '/api/auth/login', { body: { username: 'night_duty', password: t.password } });
    // The new token outlives the old one and carries the user as stored now (a role given meanwhile).
    await db.query(`UPDATE users SET roles = '{duty_officer,shift_leader}' WHERE username = 'night_duty'`);
    await new Promise((r) => setTimeout(r, 1100)); // JWT times are in whole seconds
    const renewed = await t.http('POST', '/api/auth/renew', { token: first.body.accessToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.accessToken).not.toBe(first.body.accessToken);
    expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThan(Date.parse(first.body.expiresAt));
    expect(renewed.body.user).toMatchObject({ username: 'night_duty', roles: ['duty_officer', 'shift_leader'] });
    const me = await t.http('GET', '/api/auth/me', { token: renewed.body.accessToken });
    expect(me.body.roles).toEqual(['duty_officer', 'shift_leader']);

    await db.query(`UPDATE users SET active = false WHERE username = 'night_duty'`);
    const ended = await t.http('POST', '/api/auth/renew', { token: renewed.body.accessToken });
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('SESSION_ENDED');
    expect((await t.http('POST', '/api/auth/renew')).status).toBe(401);
    const key = await t.http('POST', '/api/auth/renew', { headers: { 'X-Api-Key': demoIntakeKey('119', t.password) } });
    expect(key.status).toBe(401);
  });

  it('rejects forged and expired tokens', async () => {
    const token = await t.token('duty1');
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await t.http('GET', '/api/teams', { token: forged })).status).toBe(401);
    expect((await t.http('GET', '/api/teams', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('enforces roles: a team member may not move teams', async () => {
    const teams = await t.http('GET', '/api/teams', { token: await t.token('duty1') });
    const res = await t.http('PATCH', `/api/teams/${teams.body[0].id}`, { token: await t.token('team1'), body: { status: 'unavailable' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('guards every route in the route table except login, health, time, metrics and docs', async () => {
    const routes = t.routes
      .filter((r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
      .filter((r) => r.path.startsWith('/api') && !r.path.includes('*')) // splat routes are Nest's 404 fallbacks, no handler
      .filter((r) => !r.path.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(15);
    expect((await t.http('GET', '/metrics')).status).toBe(200); // the one public route outside /api
    const unguarded: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      const concrete = r.path.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http(r.method, concrete, { body: r.method === 'GET' ? undefined : {} });
      if (PUBLIC_ROUTES.has(key)) continue;
      if (API_KEY_ROUTES.has(key)) {
        expect(res.body.code).toBe('API_KEY_MISSING');
        continue;
      }
      if (res.status !== 401) unguarded.push(`${key} → ${res.status}`);
    }
    expect(unguarded).toEqual([]);
  });
});
