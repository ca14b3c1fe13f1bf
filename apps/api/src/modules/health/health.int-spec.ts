import { spawn } from 'node:child_process';
import pg from 'pg';
import { cloneDatabase, startTestApp } from '../../testing/test-app.js';

/** A Redis of our own that the test can take down and bring back on the same port. */
async function ownRedis(): Promise<{ url: string; kill: () => void; restart: () => Promise<void> }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const start = async () => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 400));
    return child;
  };
  let child = await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => child.kill('SIGKILL'),
    restart: async () => {
      child = await start();
      await new Promise((r) => setTimeout(r, 1500)); // let the clients reconnect
    },
  };
}

describe('health and metrics', () => {
  it('is 200 when Postgres and Redis answer, and serves Prometheus metrics and the OpenAPI document', async () => {
    const t = await startTestApp();
    try {
      const health = await t.http('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(health.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
      const metrics = await t.http('GET', '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.body).toMatch(/# TYPE beacon_events_appended_total counter/);
      expect(metrics.body).toMatch(/process_cpu_user_seconds_total/);
      const docs = await t.http('GET', '/api/docs-json');
      expect(docs.status).toBe(200);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/intake/calls', '/api/events', '/api/teams/{id}']));
      // The machine-to-machine intake contract documents its answers, not only its body.
      const intake = docs.body.paths['/api/intake/calls'].post;
      expect(intake.responses['201'].content['application/json'].schema).toMatchObject({ required: ['callId', 'incidentId', 'linked'], properties: { linkReason: { properties: { rule: { enum: ['external_reference', 'proximity', 'officer'] } } } } });
      expect(intake.responses['200'].content['application/json'].schema.properties).toHaveProperty('callId');
      expect(intake.responses['400'].content['application/json'].schema.properties).toHaveProperty('fields');
      expect((await t.http('GET', '/api/docs')).status).toBe(200);
      // Consoles measure their clock's offset here, before sign-in too: the server's time, never cached.
      const before = Date.now();
      const time = await t.http('GET', '/api/time');
      const after = Date.now();
      expect(time.status).toBe(200);
      expect(time.headers.get('cache-control')).toBe('no-store');
      const serverNow = Date.parse(time.body.now);
      expect(serverNow).toBeGreaterThanOrEqual(before);
      expect(serverNow).toBeLessThanOrEqual(after);
      expect(Object.keys(docs.body.paths)).toContain('/api/time');
    } finally {
      await t.close();
    }
  });

  it('is 503 naming Redis when Redis is down', async () => {
    const redis = await ownRedis();
    const t = await startTestApp({ REDIS_URL: redis.url });
    try {
      redis.kill();
      await new Promise((r) => setTimeout(r, 300));
      const health = await t.http('GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body.error).toHaveProperty('redis');
      expect(health.body.error).not.toHaveProperty('postgres');
      // And it recovers by itself once Redis is back.
      await redis.restart();
      expect((await t.http('GET', '/api/health')).status).toBe(200);
    } finally {
      await t.close().catch(() => undefined);
      redis.kill();
    }
  });

  it('is 503 naming Postgres when the database is gone', async () => {
    const db = await cloneDatabase();
    const t = await startTestApp({}, db);
    const name = new URL(db.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.BEACON_TEST_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      const health = await t.http('GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body.error).toHaveProperty('postgres');
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.end();
      await t.close().catch(() => undefined);
    }
  });
});
