import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { REALTIME_RESYNC } from '@beacon/domain';
import { connectRealtime } from '../../apps/api/src/testing/socket-client.js';
import { cloneDatabase } from '../../apps/api/src/testing/test-app.js';
import { demoIntakeKey } from '../../apps/api/src/database/seeds/demo-seeder.js';
import { freePort, startBeacon, type BeaconProcess } from './processes.js';

jest.setTimeout(90_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** A Redis of this test's own, so it can be killed without disturbing anything else on the machine. */
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const probe = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      probe.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      probe.on('exit', () => resolve(out.includes('PONG')));
    });
    if (up) return redis;
    await sleep(100);
  }
  throw new Error(`redis-server on port ${port} did not answer in 5 s`);
}

function killRedis(redis: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (redis.exitCode !== null || redis.signalCode !== null) return resolve();
    redis.once('exit', () => resolve());
    redis.kill('SIGKILL');
  });
}

describe('Redis down (三断: the command center loses its Redis)', () => {
  let db: Awaited<ReturnType<typeof cloneDatabase>>;
  let client: pg.Client;
  let redisPort: number;
  let redis: ChildProcess;
  let beacon: BeaconProcess;
  let seq = 0;
  const password = process.env.BEACON_TEST_PASSWORD!;

  const post = (lng: number) =>
    fetch(`${beacon.url}/api/intake/calls`, {
      method: 'POST',
      headers: { 'x-api-key': demoIntakeKey('119', password), 'content-type': 'application/json' },
      body: JSON.stringify({ source: '119', externalId: `outage-${Date.now()}-${++seq}`, receivedAt: new Date().toISOString(), location: { lng, lat: 36.8 }, type: 'flood' }),
    });

  beforeAll(async () => {
    db = await cloneDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    beacon = await startBeacon('all', {
      DATABASE_URL: db.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: `beacon-test:${process.env.BEACON_TEST_RUN}:outage`,
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
      ACK_TIMEOUT_S: '2',
      ACK_SECOND_TIMEOUT_S: '2',
    });
  });

  afterAll(async () => {
    await beacon?.kill();
    if (redis) await killRedis(redis);
    await client?.end();
    await db?.drop();
  });

  it('keeps taking calls while Redis is gone, reports it in health, and fires every ack timer once Redis is back', async () => {
    expect((await post(118.2)).status).toBe(201);
    // A console connected through the outage: its socket to the API stays up, so only the API can tell it
    // that live delivery is losing events.
    const login = await fetch(`${beacon.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'duty1', password }) });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const rt = await connectRealtime(beacon.url, token);
    const resyncs: string[] = [];
    rt.socket.on(REALTIME_RESYNC, (msg: { reason: string }) => resyncs.push(msg.reason));
    const eventsAfter = async (after: number) =>
      (await (await fetch(`${beacon.url}/api/events?after=${after}&limit=500`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        events: Array<{ type: string; aggregate: { id: string } }>;
        lastSeq: number;
      };
    const seqBefore = (await eventsAfter(0)).lastSeq;

    await killRedis(redis);
    const during: string[] = [];
    // Spread over a few seconds: a publish that Redis cannot take fails after its retries, and a failure
    // nobody handled used to end the API process here.
    for (let i = 0; i < 4; i++) {
      const res = await post(118.25 + i * 0.03);
      expect(res.status).toBe(201);
      during.push(((await res.json()) as { incidentId: string }).incidentId);
      await sleep(800);
    }
    expect(beacon.child.exitCode).toBeNull();
    const health = await fetch(`${beacon.url}/api/health`);
    expect(health.status).toBe(503);
    // The console was told to page the log (the log itself, read here from Postgres, has every call of the outage).
    // The API checks its Redis links every 3 s.
    await waitUntil(() => resyncs.includes('redis_unreachable'), 5000, 'resync while Redis is down');
    expect(rt.socket.connected).toBe(true);
    const paged = (await eventsAfter(seqBefore)).events.filter((e) => e.type === 'incident.created').map((e) => e.aggregate.id);
    expect(paged.sort()).toEqual([...during].sort());
    expect(((await health.json()) as { error: Record<string, { status: string }> }).error.redis?.status).toBe('down');

    // Redis comes back empty (no persistence): the worker notices the queue is gone and re-arms from Postgres.
    redis = await startRedis(redisPort);
    const deadline = Date.now() + 30_000;
    let overdue: string[] = [];
    while (Date.now() < deadline) {
      const rows = await client.query<{ id: string }>(
        `SELECT DISTINCT aggregate_id AS id FROM events WHERE type = 'incident.ack_overdue' AND aggregate_id = ANY($1::text[])`,
        [during],
      );
      overdue = rows.rows.map((r) => r.id);
      if (overdue.length === during.length) break;
      await sleep(250);
    }
    expect(overdue.sort()).toEqual([...during].sort());
    await waitUntil(() => resyncs.at(-1) === 'redis_back', 5000, 'resync once Redis is back');
    rt.socket.disconnect();
    expect((await fetch(`${beacon.url}/api/health`)).status).toBe(200);
    expect((await post(118.5)).status).toBe(201);
    expect(beacon.child.exitCode).toBeNull();
  });

  it('stops on SIGTERM even while Redis is gone (closing would otherwise wait for it for ever)', async () => {
    await killRedis(redis);
    await sleep(500);
    const stopped = Date.now();
    const exited = new Promise<number | null>((resolve) => beacon.child.once('exit', (code) => resolve(code)));
    beacon.child.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(15_000).then(() => 'still running' as const)]);
    expect(code).not.toBe('still running');
    expect(Date.now() - stopped).toBeLessThan(12_000);
  });
});
