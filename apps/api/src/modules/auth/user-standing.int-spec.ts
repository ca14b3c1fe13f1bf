import { DataSource } from 'typeorm';
import { connectRealtime } from '../../testing/socket-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A token carries its user as at sign-in; a request and a live link see the user as stored now (USER_CHECK_S, here 1 s). */
describe('a signed-in user as stored now, not as the token says', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ USER_CHECK_S: '1' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  async function newUser(username: string, roles: string): Promise<string> {
    await db.query(
      `INSERT INTO users (username, display_name, password_hash, roles, jurisdiction_id)
       SELECT $1, $1, password_hash, $2::text[], jurisdiction_id FROM users WHERE username = 'duty1'`,
      [username, roles],
    );
    return t.token(username);
  }

  it('ends a deactivated account\'s token within the check period, though the token has hours left', async () => {
    const token = await newUser('standing_off', '{duty_officer}');
    expect((await t.http('GET', '/api/teams', { token })).status).toBe(200);
    await db.query(`UPDATE users SET active = false WHERE username = 'standing_off'`);
    await sleep(1100);
    const ended = await t.http('GET', '/api/teams', { token });
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('SESSION_ENDED');
    // Back in service, the same token works again (it was never revoked, the account was).
    await db.query(`UPDATE users SET active = true WHERE username = 'standing_off'`);
    await sleep(1100);
    expect((await t.http('GET', '/api/teams', { token })).status).toBe(200);
  });

  it('applies a role taken away, and one given, without a new sign-in', async () => {
    const token = await newUser('standing_roles', '{duty_officer}');
    const teams = await t.http('GET', '/api/teams', { token });
    const team = teams.body[0];
    expect((await t.http('PATCH', `/api/teams/${team.id}`, { token, body: { status: team.status } })).status).toBe(200);
    await db.query(`UPDATE users SET roles = '{team_member}' WHERE username = 'standing_roles'`);
    await sleep(1100);
    const refused = await t.http('PATCH', `/api/teams/${team.id}`, { token, body: { status: team.status } });
    expect(refused.status).toBe(403);
    expect((await t.http('GET', '/api/auth/me', { token })).body.roles).toEqual(['team_member']);
  });

  it('keeps a user seen before working while the users table cannot be read, and no user is signed out by it', async () => {
    const seen = await newUser('standing_seen', '{duty_officer}');
    const unseen = await newUser('standing_unseen', '{duty_officer}');
    expect((await t.http('GET', '/api/teams', { token: seen })).status).toBe(200);
    await sleep(1100); // the standing read is due again
    // A real failure of the read (not a stand-in): the table is gone for a moment.
    await db.query('ALTER TABLE users RENAME TO users_away');
    try {
      expect((await t.http('GET', '/api/teams', { token: seen })).status).toBe(200);
      const failed = await t.http('GET', '/api/teams', { token: unseen });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(failed.body.code).not.toBe('SESSION_ENDED');
    } finally {
      await db.query('ALTER TABLE users_away RENAME TO users');
    }
    expect((await t.http('GET', '/api/teams', { token: unseen })).status).toBe(200);
  });

  it('refuses a live link\'s reconnection and closes the open link of a deactivated account', async () => {
    const token = await newUser('standing_link', '{duty_officer}');
    const rt = await connectRealtime(t.url, token);
    const refused = new Promise<string>((resolve) => rt.socket.once('auth_error', (e: { code: string }) => resolve(e.code)));
    const closed = new Promise<string>((resolve) => rt.socket.once('disconnect', resolve));
    await db.query(`UPDATE users SET active = false WHERE username = 'standing_link'`);
    // Open links are checked every 3 × USER_CHECK_S.
    expect(await refused).toBe('SESSION_ENDED');
    expect(await closed).toBe('io server disconnect');
    rt.socket.close();
    await expect(connectRealtime(t.url, token)).rejects.toThrow('SESSION_ENDED');
  }, 15_000);
});
