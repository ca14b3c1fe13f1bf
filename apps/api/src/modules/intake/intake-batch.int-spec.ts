import pg from 'pg';
import { demoIntakeKey } from '../../database/seeds/demo-seeder.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { INTAKE_WORKER_APPLICATION } from './intake-worker.protocol.js';

type Source = '110' | '119' | '120';

/** Calls arriving together share a transaction (group commit); none of that may show from outside. */
describe.each([
  ['in the API event loop', {}],
  ['in the intake worker thread', { INTAKE_WORKER: 'true' }],
])('intake under a burst (group commit), batches %s', (_where, batches: Record<string, string>) => {
  let t: TestApp;
  let duty: string;
  let db: pg.Client;
  let seq = 0;
  const run = Date.now().toString(36);
  const ext = (p: string) => `${p}-${run}-${++seq}`;
  const post = (source: Source, body: Record<string, unknown>) =>
    t.http('POST', '/api/intake/calls', {
      headers: { 'x-api-key': demoIntakeKey(source, t.password) },
      body: { source, receivedAt: new Date().toISOString(), ...body },
    });
  const batchMetrics = async () => {
    const text: string = (await t.http('GET', '/metrics')).body;
    const read = (name: string) => Number(new RegExp(`^${name.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
    return {
      count: read('beacon_intake_batch_size_count'),
      sum: read('beacon_intake_batch_size_sum'),
      // Each batch's time by phase, observed once per batch and phase.
      phases: Object.fromEntries(['open', 'decide', 'close', 'publish'].map((p) => [p, read(`beacon_intake_batch_phase_seconds_count{phase="${p}"}`)])),
      closeSeconds: read('beacon_intake_batch_phase_seconds_sum{phase="close"}'),
      timed: read('beacon_intake_call_duration_seconds_count{source="110"}') + read('beacon_intake_call_duration_seconds_count{source="119"}') + read('beacon_intake_call_duration_seconds_count{source="120"}'),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ ...batches, INTAKE_BATCH_CONCURRENCY: '1' });
    duty = await t.token('duty1');
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('files a burst of 60 calls about 20 fires as 20 incidents of 3 calls, events in commit order, in shared transactions', async () => {
    const before = await batchMetrics();
    const [{ max: seqBefore }] = (await db.query('SELECT coalesce(max(seq), 0)::int AS max FROM events')).rows;
    // 20 fires on a 4 km grid, each reported by 110, 119 and 120; one report per fire counts 3 dead.
    const fires = Array.from({ length: 20 }, (_, i) => ({ lng: 118.2 + (i % 5) * 0.05, lat: 36.7 + Math.floor(i / 5) * 0.04, tag: ext('fire') }));
    const calls = fires.flatMap((f, i) =>
      (['110', '119', '120'] as const).map((source, k) => ({
        source,
        body: {
          externalId: `${f.tag}-${source}`,
          location: { lng: f.lng + k * 0.0004, lat: f.lat, accuracyM: 20 },
          category: 'ACCIDENT',
          type: 'fire',
          ...(k === (i % 3) ? { casualties: { deaths: 3 } } : {}),
        },
      })),
    );
    const results = await Promise.all(calls.map((c) => post(c.source, c.body)));

    expect(results.map((r) => r.status)).toEqual(calls.map(() => 201));
    const byFire = fires.map((_, i) => results.slice(i * 3, i * 3 + 3));
    for (const trio of byFire) expect(new Set(trio.map((r) => r.body.incidentId)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.incidentId)).size).toBe(20);
    expect(results.filter((r) => r.body.linked)).toHaveLength(40);

    for (const trio of byFire) {
      const incident = (await t.http('GET', `/api/incidents/${trio[0]!.body.incidentId}`, { token: duty })).body;
      expect(incident).toMatchObject({ callCount: 3, sources: ['110', '119', '120'], grade: 'III', code: expect.stringMatching(/^INC-\d{8}-\d{4,}$/) });
      expect(incident.calls).toHaveLength(3);
    }

    // Shared transactions happened: fewer batches than calls.
    const after = await batchMetrics();
    expect(after.sum - before.sum).toBe(60);
    expect(after.timed - before.timed).toBe(60); // every call's intake latency observed once
    expect(after.count - before.count).toBeLessThan(60);
    for (const phase of ['open', 'decide', 'close', 'publish']) expect(after.phases[phase]! - before.phases[phase]!).toBe(after.count - before.count);
    expect(after.closeSeconds).toBeGreaterThan(before.closeSeconds); // a COMMIT with its WAL flush takes time

    // One incident.created per incident, one call.received per call; every call after its incident's creation.
    const events = (await db.query(`SELECT seq::int, type, aggregate_id, actor_name FROM events WHERE seq > $1 AND type IN ('incident.created', 'call.received') ORDER BY seq`, [seqBefore])).rows;
    expect(events.filter((e) => e.type === 'incident.created')).toHaveLength(20);
    expect(events.filter((e) => e.type === 'call.received')).toHaveLength(60);
    const createdAt = new Map(events.filter((e) => e.type === 'incident.created').map((e) => [e.aggregate_id, e.seq]));
    for (const e of events.filter((x) => x.type === 'call.received')) expect(e.seq).toBeGreaterThan(createdAt.get(e.aggregate_id)!);
    // Each event names the integration that sent its call, not whichever started the batch.
    const actors = new Set(events.filter((e) => e.type === 'call.received').map((e) => e.actor_name.split(':')[0]));
    expect(actors).toEqual(new Set(['110', '119', '120']));
    // Each stored event carries its incident's number, though the batch numbered them in the same statement.
    const unnumbered = (await db.query(
      `SELECT e.seq FROM events e JOIN incidents i ON i.id::text = e.aggregate_id
        WHERE e.seq > $1 AND e.type IN ('incident.created', 'call.received') AND e.payload->'incident'->>'code' IS DISTINCT FROM i.code`,
      [seqBefore],
    )).rows;
    expect(unnumbered).toEqual([]);
  });

  it('answers a repeat inside one burst with the first call, once stored', async () => {
    const body = { externalId: ext('dup'), location: { lng: 118.6, lat: 36.95 }, type: 'flood' };
    const results = await Promise.all(Array.from({ length: 8 }, () => post('110', body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    expect(new Set(results.map((r) => r.body.callId)).size).toBe(1);
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM calls WHERE external_id = $1', [body.externalId])).rows;
    expect(n).toBe(1);
  });

  it('fails only the call Postgres refuses; the others of its burst are stored', async () => {
    const poison = ext('poison');
    await db.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.external_id = '${poison}' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`);
    await db.query('CREATE TRIGGER refuse_poison BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
    try {
      const bodies = Array.from({ length: 12 }, (_, i) => ({
        externalId: i === 5 ? poison : ext('ok'),
        location: { lng: 118.15 + i * 0.02, lat: 36.62 },
        type: 'road_traffic',
      }));
      const results = await Promise.all(bodies.map((b) => post('120', b)));
      expect(results[5]!.status).toBe(500);
      expect(results.filter((r) => r.status === 201)).toHaveLength(11);
      const stored = (await db.query('SELECT external_id FROM calls WHERE external_id = ANY($1)', [bodies.map((b) => b.externalId)])).rows;
      expect(stored.map((r) => r.external_id).sort()).toEqual(bodies.filter((_, i) => i !== 5).map((b) => b.externalId).sort());
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM events WHERE payload->'call'->>'externalId' = $1`, [poison])).rows;
      expect(n).toBe(0);
    } finally {
      await db.query('DROP TRIGGER refuse_poison ON calls');
      await db.query('DROP FUNCTION refuse_poison()');
    }
  });

  it('numbers incidents past 9999 without cutting the number (no duplicate code, no 500)', async () => {
    await db.query(`SELECT setval('incident_code_seq', 9997)`);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => post('119', { externalId: ext('n'), location: { lng: 118.1 + i * 0.05, lat: 36.95 }, type: 'drought' })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const ids = results.map((r) => r.body.incidentId as string);
    const codes = (await db.query('SELECT code FROM incidents WHERE id = ANY($1) ORDER BY code', [ids])).rows.map((r) => r.code as string);
    expect(codes.map((c) => c.split('-')[2]).sort()).toEqual(['10000', '10001', '9998', '9999']);
  });

  it('runs its batches on the worker thread\'s own connections only when that is configured', async () => {
    expect((await post('120', { externalId: ext('where'), location: { lng: 118.35, lat: 36.6 }, type: 'drought' })).status).toBe(201);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [INTAKE_WORKER_APPLICATION]);
    expect(rows[0].n > 0).toBe(batches.INTAKE_WORKER === 'true');
  });

  it('rejects an economic loss the database column cannot hold with a 400 naming the field', async () => {
    const r = await post('119', { externalId: ext('loss'), address: '某厂区', economicLossCny: 1e15 });
    expect(r.status).toBe(400);
    expect(r.body.fields).toHaveProperty('economicLossCny');
  });
});
