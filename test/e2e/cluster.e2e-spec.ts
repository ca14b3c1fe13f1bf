import { Redis } from 'ioredis';
import { cloneDatabase } from '../../apps/api/src/testing/test-app.js';
import { connectRealtime } from '../../apps/api/src/testing/socket-client.js';
import { demoIntakeKey } from '../../apps/api/src/database/seeds/demo-seeder.js';
import { startBeacon, type BeaconProcess } from './processes.js';

jest.setTimeout(90_000);

describe('several API instances and a worker serve one command center', () => {
  let db: Awaited<ReturnType<typeof cloneDatabase>>;
  let a: BeaconProcess;
  let b: BeaconProcess;
  let worker: BeaconProcess;
  const prefix = `beacon-test:${process.env.BEACON_TEST_RUN}:e2e`;
  const password = process.env.BEACON_TEST_PASSWORD!;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await cloneDatabase();
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: process.env.BEACON_TEST_REDIS_URL!,
      REDIS_PREFIX: prefix,
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
      ACK_TIMEOUT_S: '3',
      ACK_SECOND_TIMEOUT_S: '3',
    };
    [a, b, worker] = await Promise.all([startBeacon('api', env), startBeacon('api', env), startBeacon('worker', env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill(), worker?.kill()]);
    const redis = new Redis(process.env.BEACON_TEST_REDIS_URL!);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await db.drop();
  });

  async function login(url: string, username: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  it('delivers an event committed through instance B to a console connected to instance A', async () => {
    const tokenA = await login(a.url, 'duty1');
    const tokenB = await login(b.url, 'duty1');
    const rt = await connectRealtime(a.url, tokenA);
    try {
      const teams = (await (await fetch(`${b.url}/api/teams`, { headers: { authorization: `Bearer ${tokenB}` } })).json()) as Array<{ id: string; status: string }>;
      const team = teams[0]!;
      const next = team.status === 'on_scene' ? 'returning' : 'on_scene';
      const res = await fetch(`${b.url}/api/teams/${team.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${tokenB}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: next }),
      });
      expect(res.status).toBe(200);
      const heard = await rt.waitFor((e) => e.type === 'team.updated' && e.aggregate.id === team.id, 2000);
      expect((heard.payload as { team: { status: string } }).team.status).toBe(next);
    } finally {
      rt.socket.disconnect();
    }
  });

  it('fires a due timer after the worker was killed and Redis lost its jobs: re-armed from Postgres on restart', async () => {
    const token = await login(a.url, 'duty1');
    const rt = await connectRealtime(a.url, token);
    try {
      await worker.kill('SIGKILL');
      const res = await fetch(`${b.url}/api/intake/calls`, {
        method: 'POST',
        headers: { 'x-api-key': demoIntakeKey('119', password), 'content-type': 'application/json' },
        body: JSON.stringify({ source: '119', externalId: `e2e-${Date.now()}`, receivedAt: new Date().toISOString(), location: { lng: 118.25, lat: 36.75 }, type: 'fire' }),
      });
      expect(res.status).toBe(201);
      const { incidentId } = (await res.json()) as { incidentId: string };
      // Lose every BullMQ key: only Postgres still knows the timer.
      const redis = new Redis(process.env.BEACON_TEST_REDIS_URL!);
      const keys = await redis.keys(`${prefix}:bull:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await new Promise((r) => setTimeout(r, 3500)); // past the 3 s deadline, with no worker alive
      expect(rt.events.some((e) => e.type === 'incident.ack_overdue' && e.aggregate.id === incidentId)).toBe(false);
      worker = await startBeacon('worker', env);
      const overdue = await rt.waitFor((e) => e.type === 'incident.ack_overdue' && e.aggregate.id === incidentId, 8000);
      expect(overdue.payload).toMatchObject({ level: 1, target: 'shift_leader' });
    } finally {
      rt.socket.disconnect();
    }
  });
});
