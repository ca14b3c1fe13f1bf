import pg from 'pg';
import { Redis } from 'ioredis';
import { demoIntakeKey } from '../database/seeds/demo-seeder.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { BeaconMetrics } from '../modules/health/beacon-metrics.js';
import { TimersProcessor } from './timers.processor.js';
import { TIMER_JOB_OPTIONS, TimersService, WAKE_SLOT_MS } from './timers.service.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('timers: fired in batches, each once, repaired from Postgres', () => {
  let t: TestApp;
  let db: pg.Client;
  let duty: string;
  let seq = 0;
  const post = (location: { lng: number; lat: number }) =>
    t.http('POST', '/api/intake/calls', {
      headers: { 'x-api-key': demoIntakeKey('119', t.password) },
      body: { source: '119', externalId: `timer-${Date.now()}-${++seq}`, receivedAt: new Date().toISOString(), location, type: 'flood' },
    });
  const overdueEvents = async (ids: string[]) =>
    (
      await db.query<{ incident: string; level: number; at: Date }>(
        `SELECT aggregate_id AS incident, (payload ->> 'level')::int AS level, at FROM events
          WHERE type = 'incident.ack_overdue' AND aggregate_id = ANY($1::text[])`,
        [ids],
      )
    ).rows;
  const waitUntil = async (check: () => Promise<boolean>, timeoutMs: number) => {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await check()) return;
      await sleep(100);
    }
    throw new Error(`not within ${timeoutMs} ms`);
  };

  beforeAll(async () => {
    t = await startTestApp({ ACK_TIMEOUT_S: '1', ACK_SECOND_TIMEOUT_S: '1' });
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    duty = await t.token('duty1');
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('fires ack timers that fall due together in shared transactions, each once, none for an acknowledged incident', async () => {
    // 24 floods ~2 km apart: 24 incidents opened together, so their timers fall due together.
    const posted = await Promise.all(Array.from({ length: 24 }, (_, i) => post({ lng: 118.1 + (i % 6) * 0.025, lat: 36.7 + Math.floor(i / 6) * 0.02 })));
    expect(posted.map((r) => r.status)).toEqual(Array(24).fill(201));
    const ids = posted.map((r) => r.body.incidentId as string);
    expect(new Set(ids).size).toBe(24);
    const acked = ids.slice(0, 4);
    const late = ids.slice(4);
    for (const id of acked) expect((await t.http('POST', `/api/incidents/${id}/acknowledge`, { token: duty })).status).toBe(200);

    await waitUntil(async () => (await overdueEvents(late)).filter((e) => e.level === 2).length === late.length, 10_000);
    await sleep(500); // anything fired twice would show by now
    const events = await overdueEvents(ids);
    for (const id of late) {
      expect(events.filter((e) => e.incident === id).map((e) => e.level).sort()).toEqual([1, 2]);
    }
    expect(events.filter((e) => acked.includes(e.incident))).toEqual([]);
    // Events of one transaction share its `at`: 20 level-1 escalations in fewer than 20 transactions.
    const transactions = new Set(events.filter((e) => e.level === 1).map((e) => e.at.toISOString()));
    expect(transactions.size).toBeLessThan(late.length);

    const timers = await db.query<{ key: string; fired: boolean; cancelled: boolean }>(
      `SELECT key, fired_at IS NOT NULL AS fired, cancelled_at IS NOT NULL AS cancelled FROM timers WHERE payload ->> 'incidentId' = ANY($1::text[])`,
      [ids],
    );
    expect(timers.rows.filter((r) => !r.fired && !r.cancelled)).toEqual([]);
    expect(timers.rows.filter((r) => r.cancelled).map((r) => r.key.split(':')[1]).sort()).toEqual([...acked].sort());
    const incidents = await t.http('GET', `/api/incidents/${late[0]}`, { token: duty });
    expect(incidents.body.ackOverdueLevel).toBe(2);
  });

  it('re-arms a pending timer at once when Redis lost the queue, before the timer is even overdue', async () => {
    const processor = t.app.get(TimersProcessor);
    const res = await post({ lng: 118.45, lat: 36.9 });
    expect(res.status).toBe(201);
    // Lose every BullMQ key (a Redis restart without persistence): only Postgres knows the timer now.
    const redis = new Redis(t.config.REDIS_URL);
    const keys = await redis.keys(`${t.config.REDIS_PREFIX}:bull:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    await redis.quit();
    // The periodic sweep's work, now rather than in up to 10 s: a lost queue means a full re-arm;
    // an overdue-only sweep would not touch this timer (due in a second, not overdue).
    await processor.repair();
    await waitUntil(async () => (await overdueEvents([res.body.incidentId])).some((e) => e.level === 1), 4000);
  });

  it('fires the other due timers when one fails, and arms the failing one again after its wake-up failed every attempt', async () => {
    const processor = t.app.get(TimersProcessor);
    const timers = t.app.get(TimersService);
    const failed = t.app.get(BeaconMetrics).timerJobsFailed;
    const failedBefore = (await failed.get()).values[0]?.value ?? 0;
    // Two due timers: one whose every attempt fails (no handler knows its kind: a handler bug; a Postgres
    // outage longer than the retries fails the same way), one sound. Overdue by less than the sweep's
    // 10 s threshold, so the app's own sweep leaves them to this test until made overdue below.
    const note = `failing-${Date.now()}`;
    const sound = `sound-${Date.now()}`;
    const {
      rows: [timer],
    } = await db.query<{ id: string }>(
      `INSERT INTO timers (kind, key, due_at, payload) VALUES ('system.unknown', $1, now() - interval '2 seconds', $2) RETURNING id`,
      [`probe:${note}`, { note }],
    );
    await db.query(`INSERT INTO timers (kind, key, due_at, payload) VALUES ('system.probe', $1, now() - interval '2 seconds', $2)`, [`probe:${sound}`, { note: sound }]);
    // A wake-up with the product's job options, one attempt instead of five so the test need not wait out the backoff.
    const jobId = `due-test-${note}`;
    await timers.queue.add('wake', { dueBy: Date.now() }, { ...TIMER_JOB_OPTIONS, jobId, attempts: 1 });
    await waitUntil(async () => ((await failed.get()).values[0]?.value ?? 0) > failedBefore, 5000);
    const firedEvent = (n: string) => db.query(`SELECT 1 FROM events WHERE type = 'system.timer_fired' AND aggregate_id = $1`, [n]);
    expect((await firedEvent(sound)).rowCount).toBe(1);
    // Dropped from Redis: a failed job kept there would make a re-add of its id a no-op.
    await waitUntil(async () => (await timers.queue.getJob(jobId)) === undefined, 2000);
    const pending = await db.query(`SELECT 1 FROM timers WHERE id = $1 AND fired_at IS NULL`, [timer!.id]);
    expect(pending.rowCount).toBe(1);

    // Still failing a minute and a half later: the sweep shows it on /metrics (an escalation not happening).
    const metrics = t.app.get(BeaconMetrics);
    const gauge = async (g: typeof metrics.timersOverdue) => (await g.get()).values[0]?.value ?? 0;
    await db.query(`UPDATE timers SET due_at = now() - interval '90 seconds' WHERE id = $1`, [timer!.id]);
    await processor.repair();
    expect(await gauge(metrics.timersOverdue)).toBeGreaterThanOrEqual(1);
    expect(await gauge(metrics.timerOldestOverdue)).toBeGreaterThanOrEqual(90);
    const scraped = await t.http('GET', '/metrics');
    expect(scraped.body).toMatch(/^beacon_timer_oldest_overdue_seconds 9\d/m);

    // The fault goes away; the overdue sweep (run now rather than in up to 10 s) wakes the worker and the timer fires.
    await db.query(`UPDATE timers SET kind = 'system.probe', due_at = now() - interval '30 seconds' WHERE id = $1`, [timer!.id]);
    await processor.repair();
    await waitUntil(async () => (await firedEvent(note)).rowCount === 1, 5000);
    const fired = await db.query<{ fired: boolean }>(`SELECT fired_at IS NOT NULL AS fired FROM timers WHERE id = $1`, [timer!.id]);
    expect(fired.rows[0]!.fired).toBe(true);
    // Nothing overdue any more: the next sweep clears both gauges.
    await processor.repair();
    expect(await gauge(metrics.timersOverdue)).toBe(0);
    expect(await gauge(metrics.timerOldestOverdue)).toBe(0);
  });

  it('wakes the worker once per slot of due times, not once per timer', async () => {
    const timers = t.app.get(TimersService);
    const { rows } = await db.query<{ due_at: Date }>(`SELECT now() + interval '1 hour' AS due_at`);
    const due = rows[0]!.due_at.getTime();
    const slot = Math.ceil(due / WAKE_SLOT_MS) * WAKE_SLOT_MS;
    // 40 incidents' timers in one slot, armed in two commits: one job, due at the slot's end.
    await timers.arm(Array.from({ length: 20 }, (_, i) => new Date(slot - i)));
    await timers.arm(Array.from({ length: 20 }, (_, i) => new Date(slot - 20 - i)));
    const delayed = await timers.queue.getDelayed();
    const ours = delayed.filter((j) => j.data.dueBy === slot);
    expect(ours.map((j) => j.id)).toEqual([`due-${slot}`]);
    expect(ours[0]!.timestamp + ours[0]!.delay).toBeGreaterThanOrEqual(slot - 50);
    await ours[0]!.remove();
  });
});
