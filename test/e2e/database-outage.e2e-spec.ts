import net from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { cloneDatabase } from '../../apps/api/src/testing/test-app.js';
import { demoIntakeKey } from '../../apps/api/src/database/seeds/demo-seeder.js';
import { freePort, startBeacon, type BeaconProcess } from './processes.js';

jest.setTimeout(90_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP hop between Beacon and Postgres that the test can cut (三断: the network goes) and restore. */
class CuttableLink {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  open(): Promise<void> {
    this.server = net.createServer((inbound) => {
      const outbound = net.connect(this.target.port, this.target.host);
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  /** New connections are refused and every open one drops, mid-query or not. */
  cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('database link cut (三断: Beacon loses its Postgres for a while)', () => {
  let db: Awaited<ReturnType<typeof cloneDatabase>>;
  let link: CuttableLink;
  let beacon: BeaconProcess;
  let direct: pg.Client;
  const password = process.env.BEACON_TEST_PASSWORD!;
  const run = `${Date.now()}`;
  const prefix = `beacon-test:${process.env.BEACON_TEST_RUN}:dbcut`;

  const post = (externalId: string) =>
    fetch(`${beacon.url}/api/intake/calls`, {
      method: 'POST',
      headers: { 'x-api-key': demoIntakeKey('120', password), 'content-type': 'application/json' },
      body: JSON.stringify({ source: '120', externalId, receivedAt: new Date().toISOString(), location: { lng: 118.31, lat: 36.79 }, type: 'cluster_illness' }),
    });

  beforeAll(async () => {
    db = await cloneDatabase();
    const url = new URL(db.url);
    link = new CuttableLink(await freePort(), { host: url.hostname, port: Number(url.port || 5432) });
    await link.open();
    const viaLink = new URL(db.url);
    viaLink.host = `127.0.0.1:${link.port}`;
    beacon = await startBeacon('all', {
      DATABASE_URL: viaLink.toString(),
      REDIS_URL: process.env.BEACON_TEST_REDIS_URL!,
      REDIS_PREFIX: prefix,
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
    });
    direct = new pg.Client({ connectionString: db.url });
    await direct.connect();
  });

  afterAll(async () => {
    await beacon?.kill();
    await link?.cut();
    await direct?.end();
    await db?.drop();
    const redis = new Redis(process.env.BEACON_TEST_REDIS_URL!);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('answers 503 with Retry-After while Postgres is unreachable, stays up, and stores the call sent again once it is back, once', async () => {
    expect((await post(`dbcut-${run}-before`)).status).toBe(201);

    await link.cut();
    const refused = await post(`dbcut-${run}-during`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const health = await fetch(`${beacon.url}/api/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { error: Record<string, { status: string }> }).error.postgres?.status).toBe('down');
    expect(beacon.child.exitCode).toBeNull();

    await link.open();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await fetch(`${beacon.url}/api/health`)).status !== 200) await sleep(250);
    // The caller sends the refused call again, twice: stored once.
    const again = await post(`dbcut-${run}-during`);
    expect(again.status).toBe(201);
    expect((await post(`dbcut-${run}-during`)).status).toBe(200);
    const stored = await direct.query(`SELECT count(*)::int AS n FROM calls WHERE external_id = $1`, [`dbcut-${run}-during`]);
    expect(stored.rows[0].n).toBe(1);
    expect(beacon.child.exitCode).toBeNull();
  });
});
