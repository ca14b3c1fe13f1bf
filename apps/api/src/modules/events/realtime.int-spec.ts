import { REALTIME_BATCH, type EventEnvelope, type TeamDto } from '@beacon/domain';
import { demoIntakeKey } from '../../database/seeds/demo-seeder.js';
import { connectRealtime } from '../../testing/socket-client.js';
import { EventLog } from './event-log.service.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('event log and realtime', () => {
  let t: TestApp;
  let duty: string;
  let teams: TeamDto[];
  beforeAll(async () => {
    t = await startTestApp();
    duty = await t.token('duty1');
    teams = (await t.http('GET', '/api/teams', { token: duty })).body;
  });
  afterAll(() => t.close());

  it('commits a team change with its event, emits it after commit, and serves it from /api/events', async () => {
    const rt = await connectRealtime(t.url, duty);
    try {
      const before = (await t.http('GET', '/api/events?after=0&limit=1', { token: duty })).body.lastSeq as number;
      const team = teams[0]!;
      const res = await t.http('PATCH', `/api/teams/${team.id}`, { token: duty, body: { status: 'en_route', location: { lng: 118.31, lat: 36.81 } } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'en_route', location: { lng: 118.31, lat: 36.81 }, version: team.version + 1 });

      const heard = await rt.waitFor((e) => e.type === 'team.updated' && e.aggregate.id === team.id);
      expect(heard.seq).toBeGreaterThan(before);
      expect(heard).toMatchObject({ aggregate: { type: 'team', id: team.id }, actor: { type: 'user', name: expect.any(String) } });
      expect(heard.payload).toMatchObject({ changed: ['status', 'location'], team: { status: 'en_route' } });

      const page = (await t.http('GET', `/api/events?after=${before}`, { token: duty })).body;
      expect(page.events.map((e: { seq: number }) => e.seq)).toContain(heard.seq);
      // The socket copy is the logged event plus the moment it was published.
      const { publishedAt, ...logged } = heard;
      expect(page.events.find((e: { seq: number }) => e.seq === heard.seq)).toEqual(logged);
      expect(Date.parse(publishedAt!)).toBeGreaterThanOrEqual(Date.parse(heard.at));
    } finally {
      rt.socket.disconnect();
    }
  });

  it('emits an intake call\'s events exactly as the log serves them (same seq, actor, payload)', async () => {
    const rt = await connectRealtime(t.url, duty);
    try {
      const before = (await t.http('GET', '/api/events?after=0&limit=1', { token: duty })).body.lastSeq as number;
      const res = await t.http('POST', '/api/intake/calls', {
        headers: { 'x-api-key': demoIntakeKey('119', t.password) },
        body: { source: '119', externalId: `RT-${Date.now()}`, receivedAt: new Date().toISOString(), location: { lng: 118.33, lat: 36.83, accuracyM: 15 }, type: 'fire', casualties: { injured: 2 } },
      });
      expect(res.status).toBe(201);
      const created = await rt.waitFor((e) => e.type === 'incident.created' && e.aggregate.id === res.body.incidentId);
      const received = await rt.waitFor((e) => e.type === 'call.received' && e.aggregate.id === res.body.incidentId);
      expect(received.seq).toBe(created.seq + 1);
      // The incident is numbered in the statement that stores these events: both copies carry its number.
      const { code } = (await t.http('GET', `/api/incidents/${res.body.incidentId}`, { token: duty })).body;
      expect(code).toMatch(/^INC-\d{8}-\d{4,}$/);
      for (const heard of [created, received]) expect(heard.payload).toMatchObject({ incident: { id: res.body.incidentId, code } });
      const page = (await t.http('GET', `/api/events?after=${before}`, { token: duty })).body;
      for (const heard of [created, received]) {
        const { publishedAt: _publishedAt, ...logged } = heard;
        expect(page.events.find((e: { seq: number }) => e.seq === heard.seq)).toEqual(logged);
      }
      expect(received.actor).toMatchObject({ type: 'integration' });
    } finally {
      rt.socket.disconnect();
    }
  });

  it('sends a commit\'s events for one jurisdiction as one batch message, in seq order, and single events under their type', async () => {
    const rt = await connectRealtime(t.url, duty);
    const frames: Array<{ name: string; msg: unknown }> = [];
    rt.socket.onAny((name: string, msg: unknown) => frames.push({ name, msg }));
    try {
      const res = await t.http('POST', '/api/intake/calls', {
        headers: { 'x-api-key': demoIntakeKey('110', t.password) },
        body: { source: '110', externalId: `BATCH-${Date.now()}`, receivedAt: new Date().toISOString(), location: { lng: 118.36, lat: 36.86 }, type: 'road_traffic' },
      });
      expect(res.status).toBe(201);
      await rt.waitFor((e) => e.type === 'call.received' && e.aggregate.id === res.body.incidentId);
      const batch = frames.find((f) => f.name === REALTIME_BATCH && Array.isArray(f.msg) && (f.msg as EventEnvelope[]).some((e) => e.aggregate.id === res.body.incidentId));
      const events = batch!.msg as EventEnvelope[];
      expect(events.map((e) => e.type)).toEqual(['incident.created', 'call.received']);
      expect(events[1]!.seq).toBe(events[0]!.seq + 1);
      expect(new Set(events.map((e) => e.jurisdictionId)).size).toBe(1);
      // A commit with one event still comes under the event's own type.
      const team = teams[2]!;
      await t.http('PATCH', `/api/teams/${team.id}`, { token: duty, body: { status: team.status === 'available' ? 'unavailable' : 'available' } });
      await rt.waitFor((e) => e.type === 'team.updated' && e.aggregate.id === team.id);
      expect(frames.some((f) => f.name === 'team.updated' && (f.msg as EventEnvelope).aggregate.id === team.id)).toBe(true);
    } finally {
      rt.socket.disconnect();
    }
  });

  it('hands a commit to its own instance\'s consoles once: directly, not again from Redis', async () => {
    const rt = await connectRealtime(t.url, duty);
    const seqs: number[] = [];
    rt.socket.onAny((name: string, msg: unknown) => {
      for (const e of name === REALTIME_BATCH ? (msg as EventEnvelope[]) : [msg as EventEnvelope]) if (e?.seq) seqs.push(e.seq);
    });
    try {
      const team = teams[3]!;
      await t.http('PATCH', `/api/teams/${team.id}`, { token: duty, body: { status: team.status === 'available' ? 'unavailable' : 'available' } });
      const heard = await rt.waitFor((e) => e.type === 'team.updated' && e.aggregate.id === team.id);
      // The Redis copy, if it were delivered, arrives within milliseconds of the direct one.
      await new Promise((r) => setTimeout(r, 500));
      expect(seqs.filter((s) => s === heard.seq)).toHaveLength(1);
    } finally {
      rt.socket.disconnect();
    }
  });

  it('gives strictly increasing seqs under concurrent writers, and the resync feed misses none', async () => {
    const before = (await t.http('GET', '/api/events?after=0&limit=1', { token: duty })).body.lastSeq as number;
    const statuses = ['available', 'dispatched', 'on_scene', 'returning'] as const;
    await Promise.all(teams.slice(0, 12).map((team, i) => t.http('PATCH', `/api/teams/${team.id}`, { token: duty, body: { status: statuses[i % 4] === team.status ? 'unavailable' : statuses[i % 4] } })));
    const seqs: number[] = [];
    let after = before;
    for (;;) {
      const page = (await t.http('GET', `/api/events?after=${after}&limit=5`, { token: duty })).body;
      seqs.push(...page.events.map((e: { seq: number }) => e.seq));
      // nextAfter is where the next page starts (its last seq while more follow; the head at the end).
      if (page.hasMore) expect(page.nextAfter).toBe(page.events.at(-1).seq);
      else expect(page.nextAfter).toBe(Math.max(page.events.at(-1)?.seq ?? after, page.lastSeq));
      if (!page.hasMore) break;
      after = page.nextAfter;
    }
    expect(seqs).toHaveLength(12);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(12);
  });

  it('opens a transaction together with its opening statement, and a failed opening leaves no transaction behind', async () => {
    const log = t.app.get(EventLog);
    const seen = await log.write({ type: 'system', id: null, name: 'test' }, async (ctx) => {
      const [row] = await ctx.manager.query(`SELECT current_setting('beacon.test', true) AS v`);
      return row as { v: string };
    }, { opening: `SELECT set_config('beacon.test', 'opened', true)` });
    // The setting is transaction-local: the work ran inside the transaction the opening began.
    expect(seen.result).toEqual({ v: 'opened' });
    await expect(log.write({ type: 'system', id: null, name: 'test' }, async () => 'never', { opening: 'SELECT 1/0' })).rejects.toThrow(/division by zero/);
    // Every pooled connection is usable and outside any transaction afterwards.
    const states = await Promise.all(Array.from({ length: 12 }, () => log.write({ type: 'system', id: null, name: 'test' }, async (ctx) => (await ctx.manager.query('SELECT 1 AS ok'))[0].ok as number)));
    expect(states.map((s) => s.result)).toEqual(Array(12).fill(1));
  });

  it('stores events sent with COMMIT exactly as recorded, and a failed append commits none of the work', async () => {
    const log = t.app.get(EventLog);
    const actor = { type: 'system' as const, id: null, name: 'test' };
    const note = `it's a \\ back'slash "quoted" 压测 \u2028 ${'x'.repeat(3000)}`;
    const key = `probe:${Date.now()}`;
    const written = await log.write(actor, async (ctx) => {
      ctx.record({ type: 'system.timer_fired', aggregate: { type: 'timer', id: key }, jurisdictionId: null, payload: { note, firedBy: 'test' } });
      ctx.record({ type: 'system.timer_fired', aggregate: { type: 'timer', id: `${key}:2` }, jurisdictionId: null, payload: { note: "'", firedBy: 'test' } });
    });
    expect(written.events.map((e) => e.seq)).toEqual([written.events[0]!.seq, written.events[0]!.seq + 1]);
    // No backslash anywhere in this one: the plain literal, not the E'' one.
    const plain = await log.write(actor, async (ctx) => {
      ctx.record({ type: 'system.timer_fired', aggregate: { type: 'timer', id: `${key}:3` }, jurisdictionId: null, payload: { note: "it's", firedBy: 'test' } });
    });
    const served = (await t.http('GET', `/api/events?after=${written.events[0]!.seq - 1}&limit=3`, { token: duty })).body.events as EventEnvelope[];
    expect(served.map((e) => e.seq)).toEqual([...written.events, ...plain.events].map((e) => e.seq));
    expect(served.map((e) => e.payload)).toEqual([{ note, firedBy: 'test' }, { note: "'", firedBy: 'test' }, { note: "it's", firedBy: 'test' }]);

    // The work's row and an event Postgres refuses (jurisdiction is not a uuid): neither may commit.
    const due = new Date(Date.now() + 3_600_000).toISOString();
    await expect(log.write(actor, async (ctx) => {
      await ctx.manager.query(`INSERT INTO timers (kind, key, due_at, payload) VALUES ('system.probe', $1, $2, '{"note":"x"}')`, [key, due]);
      ctx.record({ type: 'system.timer_fired', aggregate: { type: 'timer', id: key }, jurisdictionId: 'not-a-uuid', payload: { note: 'x', firedBy: 'test' } });
    })).rejects.toThrow(/uuid/);
    const left = await log.write(actor, async (ctx) => ctx.manager.query('SELECT count(*)::int AS n FROM timers WHERE key = $1', [key]));
    expect(left.result).toEqual([{ n: 0 }]);
  });

  it('refuses a handshake without a valid token', async () => {
    await expect(connectRealtime(t.url, undefined)).rejects.toThrow(/UNAUTHENTICATED|disconnected/);
    await expect(connectRealtime(t.url, 'not-a-jwt')).rejects.toThrow(/TOKEN_INVALID|disconnected/);
  });

  it('does not lose a change when the request is invalid: 400 names the field and nothing is written', async () => {
    const team = (await t.http('GET', '/api/teams', { token: duty })).body[1] as TeamDto;
    const before = (await t.http('GET', '/api/events?after=0&limit=1', { token: duty })).body.lastSeq as number;
    const bad = await t.http('PATCH', `/api/teams/${team.id}`, { token: duty, body: { status: 'sleeping', location: { lng: 200, lat: 36 } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['status', 'location.lng']));
    const badId = await t.http('PATCH', `/api/teams/not-a-uuid`, { token: duty, body: { status: 'available' } });
    expect(badId.status).toBe(400);
    expect(badId.body.fields).toHaveProperty('id');
    const after = (await t.http('GET', `/api/events?after=${before}`, { token: duty })).body;
    expect(after.events).toHaveLength(0);
    const now = (await t.http('GET', '/api/teams', { token: duty })).body.find((x: TeamDto) => x.id === team.id);
    expect(now.status).toBe(team.status);
  });

  it('lists what the caller may see: jurisdictions, teams, warehouses with GB/T 38565 stock, shelters, roads', async () => {
    const j = (await t.http('GET', '/api/jurisdictions', { token: duty })).body;
    expect(j.filter((x: { level: string }) => x.level === 'town').length).toBeGreaterThanOrEqual(8);
    expect(j.every((x: { code: string }) => /^\d{6}(\d{3})?$/.test(x.code))).toBe(true);
    expect(teams.length).toBeGreaterThanOrEqual(35);
    const warehouses = (await t.http('GET', '/api/warehouses', { token: duty })).body;
    expect(warehouses.length).toBeGreaterThanOrEqual(8);
    expect(warehouses[0].stock.every((s: { code: string }) => /^\d{7}$/.test(s.code))).toBe(true);
    const shelters = (await t.http('GET', '/api/shelters', { token: duty })).body;
    expect(shelters.length).toBeGreaterThanOrEqual(20);
    const roads = (await t.http('GET', '/api/map/roads', { token: duty })).body;
    const nodes = new Set(roads.features.flatMap((f: { geometry: { coordinates: number[][] } }) => f.geometry.coordinates.map((c) => c.join(','))));
    expect(nodes.size).toBeGreaterThanOrEqual(5000);
  });
});
