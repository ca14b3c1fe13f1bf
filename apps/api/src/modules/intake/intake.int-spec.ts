import { bboxOfGeometry, type Geometry } from '@beacon/geo';
import pg from 'pg';
import { demoIntakeKey } from '../../database/seeds/demo-seeder.js';
import { connectRealtime } from '../../testing/socket-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { laneOf } from './intake-lanes.js';

const PLANT = { lng: 118.305, lat: 36.815 };
/** ~1 km east of PLANT at this latitude. */
const ONE_KM_EAST = { lng: PLANT.lng + 0.01121, lat: PLANT.lat };

describe.each([
  ['in the API event loop', {}],
  ['in the intake worker thread', { INTAKE_WORKER: 'true' }],
])('unified intake (110/119/120), batches %s', (_where, batches: Record<string, string>) => {
  let t: TestApp;
  let duty: string;
  let seq = 0;
  const key = (s: '110' | '119' | '120') => demoIntakeKey(s, t.password);
  const post = (source: '110' | '119' | '120', body: Record<string, unknown>, apiKey = key(source)) =>
    t.http('POST', '/api/intake/calls', { headers: { 'x-api-key': apiKey }, body: { source, receivedAt: new Date().toISOString(), ...body } });
  const ext = (p: string) => `${p}-${Date.now()}-${++seq}`;

  beforeAll(async () => {
    // Several intake transactions in flight, as several API instances would have: racing posts meet in
    // Postgres's locks, not only in one instance's queue.
    t = await startTestApp({ ...batches, ACK_TIMEOUT_S: '1', ACK_SECOND_TIMEOUT_S: '1', INTAKE_BATCH_CONCURRENCY: '4' });
    duty = await t.token('duty1');
  });
  afterAll(() => t.close());

  it('files one call once even when the same (source, externalId) races', async () => {
    const body = { externalId: ext('race'), location: { lng: 118.2, lat: 36.7 }, type: 'road_traffic' };
    const results = await Promise.all(Array.from({ length: 12 }, () => post('110', body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.callId)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.incidentId)).size).toBe(1);
    const detail = await t.http('GET', `/api/incidents/${results[0]!.body.incidentId}`, { token: duty });
    expect(detail.body.calls).toHaveLength(1);
  });

  it('links 110, 119 and 120 reports of one fire into one incident with three calls and says why', async () => {
    const first = await post('119', { externalId: ext('f119'), location: { ...PLANT, accuracyM: 30 }, category: 'ACCIDENT', type: 'fire', description: '化工厂起火' });
    const second = await post('110', { externalId: ext('f110'), location: { lng: PLANT.lng + 0.001, lat: PLANT.lat, accuracyM: 50 }, type: 'hazmat' });
    const third = await post('120', { externalId: ext('f120'), location: { lng: PLANT.lng, lat: PLANT.lat + 0.0015 }, casualties: { seriousInjuries: 2 } });
    expect(first.status).toBe(201);
    expect(first.body.linked).toBe(false);
    for (const r of [second, third]) {
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ incidentId: first.body.incidentId, linked: true, linkReason: { rule: 'proximity', distanceM: expect.any(Number) } });
    }
    const detail = (await t.http('GET', `/api/incidents/${first.body.incidentId}`, { token: duty })).body;
    expect(detail.calls.map((c: { source: string }) => c.source).sort()).toEqual(['110', '119', '120']);
    expect(detail.sources).toEqual(['110', '119', '120']);
    expect(detail.callCount).toBe(3);
    expect(detail.figures.seriousInjuries).toBe(2);
    expect(detail.grade).toBe('IV');
    expect(detail.gradeBasis).toMatchObject({ table: 'decree_493' });
  });

  it('links racing reports of one fire sent down two lanes (either side of the band edge) into one incident', async () => {
    // The band edge of the 119 key's jurisdiction, as IntakeService cuts it (INTAKE_LANES defaults to 2).
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    const [{ geometry }] = (await db.query(`SELECT j.geometry FROM intake_keys k JOIN jurisdictions j ON j.id = k.jurisdiction_id WHERE k.source = '119' AND k.revoked_at IS NULL LIMIT 1`)).rows;
    await db.end();
    const area = bboxOfGeometry(geometry as Geometry)!;
    const edge = (area[0] + area[2]) / 2;
    const west = edge - 0.0003;
    const east = edge + 0.0003;
    expect([laneOf(west, area, 2), laneOf(east, area, 2)]).toEqual([0, 1]);
    // Eight fires along the edge, each reported by three callers at once, on both sides of it.
    const fires = Array.from({ length: 8 }, (_, i) => ({ lat: (area[1] + area[3]) / 2 - 0.06 + i * 0.005, tag: ext('edge') }));
    const results = await Promise.all(fires.flatMap((f) => [
      post('119', { externalId: `${f.tag}-w`, location: { lng: west, lat: f.lat, accuracyM: 10 }, type: 'fire' }),
      post('119', { externalId: `${f.tag}-e`, location: { lng: east, lat: f.lat, accuracyM: 10 }, type: 'fire' }),
      post('119', { externalId: `${f.tag}-e2`, location: { lng: east + 0.0001, lat: f.lat, accuracyM: 10 }, type: 'fire' }),
    ]));
    expect(results.every((r) => r.status === 201)).toBe(true);
    for (let i = 0; i < fires.length; i++) {
      const three = results.slice(i * 3, i * 3 + 3);
      expect(new Set(three.map((r) => r.body.incidentId)).size).toBe(1);
      expect(three.filter((r) => r.body.linked)).toHaveLength(2);
    }
    expect(new Set(results.map((r) => r.body.incidentId)).size).toBe(fires.length);
  });

  it('keeps two fires 1 km apart as two incidents', async () => {
    const a = await post('119', { externalId: ext('a'), location: { lng: 118.40, lat: 36.90, accuracyM: 20 }, type: 'fire' });
    const b = await post('119', { externalId: ext('b'), location: { lng: 118.40 + 0.01121, lat: 36.90, accuracyM: 20 }, type: 'fire' });
    expect(a.body.incidentId).not.toBe(b.body.incidentId);
    expect(b.body.linked).toBe(false);
    expect(ONE_KM_EAST.lng).toBeGreaterThan(PLANT.lng);
  });

  it('keeps a call dated older than a late delivery can be (1900) at the server time, with the source time beside it; a day-old one as sent', async () => {
    const before = Date.now();
    const ancient = await post('110', { externalId: ext('old1'), receivedAt: '1900-01-01T08:00:00+08:00', location: { lng: 118.36, lat: 36.67, accuracyM: 10 }, type: 'fire' });
    const dayOld = new Date(Date.now() - 24 * 3600_000).toISOString();
    const late = await post('110', { externalId: ext('old2'), receivedAt: dayOld, location: { lng: 118.38, lat: 36.67, accuracyM: 10 }, type: 'fire' });
    expect(ancient.status).toBe(201);
    expect(late.status).toBe(201);
    const callOf = async (incidentId: string, callId: string) =>
      (await t.http('GET', `/api/incidents/${incidentId}`, { token: duty })).body.calls.find((c: { id: string }) => c.id === callId);
    const kept = await callOf(ancient.body.incidentId, ancient.body.callId);
    expect(Date.parse(kept.receivedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(kept.reportedReceivedAt)).toBe(Date.parse('1900-01-01T08:00:00+08:00'));
    expect(await callOf(late.body.incidentId, late.body.callId)).toMatchObject({ receivedAt: dayOld, reportedReceivedAt: null });
  });

  it('keeps a call from a source clock running ahead at the server time, with the source time beside it, so the incident does not end in the future', async () => {
    const spot = { lng: 118.35, lat: 36.66 };
    const before = Date.now();
    const first = await post('119', { externalId: ext('clk1'), location: { ...spot, accuracyM: 10 }, type: 'fire' });
    const twoHoursAhead = new Date(Date.now() + 2 * 3600_000).toISOString();
    const fast = await post('110', { externalId: ext('clk2'), receivedAt: twoHoursAhead, location: { lng: spot.lng + 0.0005, lat: spot.lat, accuracyM: 10 }, type: 'fire' });
    // Within the tolerance (60 s), a source's time stands as it said.
    const slightlyAhead = new Date(Date.now() + 30_000).toISOString();
    const near = await post('120', { externalId: ext('clk3'), receivedAt: slightlyAhead, location: { lng: spot.lng, lat: spot.lat + 0.0005, accuracyM: 10 } });
    const after = Date.now();
    expect(fast.body).toMatchObject({ incidentId: first.body.incidentId, linked: true, linkReason: { rule: 'proximity' } });
    expect(near.body).toMatchObject({ incidentId: first.body.incidentId, linked: true });

    const detail = (await t.http('GET', `/api/incidents/${first.body.incidentId}`, { token: duty })).body;
    const call = (id: string) => detail.calls.find((c: { id: string }) => c.id === id);
    const kept = Date.parse(call(fast.body.callId).receivedAt);
    expect(kept).toBeGreaterThanOrEqual(before);
    expect(kept).toBeLessThanOrEqual(after);
    expect(call(fast.body.callId).reportedReceivedAt).toBe(twoHoursAhead);
    expect(call(near.body.callId)).toMatchObject({ receivedAt: slightlyAhead, reportedReceivedAt: null });
    expect(call(first.body.callId).reportedReceivedAt).toBeNull();
    // The incident's calls end with the 30-second one, not two hours from now.
    expect(detail.lastCallAt).toBe(slightlyAhead);
  });

  it('joins by nature as the domain rule says: 120 reports join the accident or disaster there, unrelated types stay apart', async () => {
    const spot = { lng: 118.45, lat: 36.62 };
    const ambulance = await post('120', { externalId: ext('amb'), location: { ...spot, accuracyM: 10 }, type: 'cluster_illness', casualties: { injured: 3 } });
    const flood = await post('119', { externalId: ext('flood'), location: { lng: spot.lng + 0.0005, lat: spot.lat, accuracyM: 10 }, type: 'flood' });
    const fire = await post('119', { externalId: ext('fire'), location: { lng: spot.lng + 0.0008, lat: spot.lat, accuracyM: 10 }, type: 'fire' });
    expect(ambulance.body.linked).toBe(false);
    // The flood meets only the 120 report (any accident or disaster takes an ambulance call), so it joins that.
    expect(flood.body).toMatchObject({ incidentId: ambulance.body.incidentId, linked: true });
    // The 120 call was the flood's casualty: the incident is the flood now (graded as one), and a fire is
    // not the same event as a flood.
    const merged = (await t.http('GET', `/api/incidents/${ambulance.body.incidentId}`, { token: duty })).body;
    expect(merged).toMatchObject({ category: 'NATURAL', type: 'flood', sources: ['119', '120'] });
    expect(fire.body).toMatchObject({ linked: false });
    expect(fire.body.incidentId).not.toBe(ambulance.body.incidentId);
    // So the next call about the flood joins it too, found by the store's read (its kind is the flood's now).
    const flood2 = await post('110', { externalId: ext('flood2'), location: { lng: spot.lng + 0.0003, lat: spot.lat, accuracyM: 10 }, type: 'flood' });
    expect(flood2.body).toMatchObject({ incidentId: ambulance.body.incidentId, linked: true });
    // Elsewhere: an epidemic reported by 119 is not the fire there; an untyped 120 call is (the ambulance rule).
    const spot2 = { lng: 118.47, lat: 36.64 };
    const fire2 = await post('119', { externalId: ext('fire2'), location: { ...spot2, accuracyM: 10 }, type: 'fire' });
    const epidemic = await post('119', { externalId: ext('epi'), location: { lng: spot2.lng + 0.0005, lat: spot2.lat, accuracyM: 10 }, type: 'epidemic' });
    const untyped120 = await post('120', { externalId: ext('u120'), location: { lng: spot2.lng, lat: spot2.lat + 0.0005, accuracyM: 10 }, casualties: { injured: 1 } });
    expect(epidemic.body.linked).toBe(false);
    expect(epidemic.body.incidentId).not.toBe(fire2.body.incidentId);
    expect(untyped120.body).toMatchObject({ incidentId: fire2.body.incidentId, linked: true });
  });

  it('widens "near" by either side\'s position accuracy: a vague incident is found 1.6 km away, not 2.3 km', async () => {
    // At 36.95° N, 0.001° of longitude is ~88.9 m. Base radius 300 m + 1500 m (vague) + 10 m = 1810 m.
    const lngPerM = 0.001 / 88.9;
    const vague = await post('110', { externalId: ext('cell'), location: { lng: 118.55, lat: 36.95, accuracyM: 1500 }, type: 'flood' });
    const near = await post('119', { externalId: ext('near'), location: { lng: 118.55 + 1600 * lngPerM, lat: 36.95, accuracyM: 10 }, type: 'flood' });
    const far = await post('119', { externalId: ext('far'), location: { lng: 118.55 - 2300 * lngPerM, lat: 36.95, accuracyM: 10 }, type: 'flood' });
    expect(near.body).toMatchObject({ incidentId: vague.body.incidentId, linked: true, linkReason: { rule: 'proximity' } });
    expect(far.body.incidentId).not.toBe(vague.body.incidentId);

    // And the other way round: a vague call finds a precise incident 1.6 km away.
    const precise = await post('119', { externalId: ext('exact'), location: { lng: 118.65, lat: 36.95, accuracyM: 10 }, type: 'flood' });
    const vagueCall = await post('110', { externalId: ext('cell2'), location: { lng: 118.65 + 1600 * lngPerM, lat: 36.95, accuracyM: 1500 }, type: 'flood' });
    expect(vagueCall.body).toMatchObject({ incidentId: precise.body.incidentId, linked: true });
  });

  it('moves a vague incident to a much sharper fix that joins it, so "near" narrows; a split puts it back', async () => {
    const lngPerM = 0.001 / 88.9; // at 36.95° N
    const origin = { lng: 118.6, lat: 36.95 };
    const vague = await post('110', { externalId: ext('tower'), location: { ...origin, accuracyM: 1500 }, type: 'flood' });
    const gpsAt = { lng: origin.lng + 800 * lngPerM, lat: origin.lat };
    const gps = await post('119', { externalId: ext('gps'), location: { ...gpsAt, accuracyM: 8 }, type: 'flood' });
    expect(gps.body).toMatchObject({ incidentId: vague.body.incidentId, linked: true });
    const moved = (await t.http('GET', `/api/incidents/${vague.body.incidentId}`, { token: duty })).body;
    expect(moved.location).toEqual(gpsAt);

    // 1.2 km west of the tower fix: within its old reach (300 + 1500 + 10 m), 2 km from the fire as now placed.
    const west = await post('110', { externalId: ext('west'), location: { lng: origin.lng - 1200 * lngPerM, lat: origin.lat, accuracyM: 10 }, type: 'flood' });
    expect(west.body.incidentId).not.toBe(vague.body.incidentId);

    // The GPS call was another event after all: split out, it takes its position with it.
    const split = await t.http('POST', `/api/calls/${gps.body.callId}/split`, { token: duty, body: { reason: '另一处积水' } });
    expect(split.status).toBe(200);
    expect(split.body.location).toEqual(gpsAt);
    expect((await t.http('GET', `/api/incidents/${vague.body.incidentId}`, { token: duty })).body.location).toEqual(origin);
  });

  it('links across sources by a referenced case number regardless of distance', async () => {
    const police = ext('p');
    const a = await post('110', { externalId: police, address: '某小区3号楼', type: 'building_collapse' });
    const b = await post('120', { externalId: ext('amb'), address: '某小区', relatedExternalIds: [police] });
    expect(b.body).toMatchObject({ incidentId: a.body.incidentId, linked: true, linkReason: { rule: 'external_reference' } });
  });

  it('raises the grade as figures come in, emits incident.grade_raised, and never lowers it silently', async () => {
    const rt = await connectRealtime(t.url, duty);
    try {
      const where = { lng: 118.22, lat: 36.66 };
      const a = await post('119', { externalId: ext('g1'), location: where, type: 'industrial', casualties: { deaths: 2 } });
      expect((await t.http('GET', `/api/incidents/${a.body.incidentId}`, { token: duty })).body.grade).toBe('IV');
      await post('120', { externalId: ext('g2'), location: where, casualties: { deaths: 3 } });
      const raised = await rt.waitFor((e) => e.type === 'incident.grade_raised' && e.aggregate.id === a.body.incidentId);
      expect(raised.payload).toMatchObject({ from: 'IV', to: 'III', basis: { criterion: 'deaths', value: 3 } });
      await post('110', { externalId: ext('g3'), location: where, casualties: { deaths: 1 } });
      const after = (await t.http('GET', `/api/incidents/${a.body.incidentId}`, { token: duty })).body;
      expect(after.grade).toBe('III');
      expect(after.figures.deaths).toBe(3);
      // Lowering is an officer's action with a reason.
      const noReason = await t.http('POST', `/api/incidents/${a.body.incidentId}/grade`, { token: duty, body: { grade: 'IV', reason: '' } });
      expect(noReason.status).toBe(400);
      const lowered = await t.http('POST', `/api/incidents/${a.body.incidentId}/grade`, { token: duty, body: { grade: 'IV', reason: '核实死亡人数为2人' } });
      expect(lowered.status).toBe(200);
      expect(lowered.body).toMatchObject({ grade: 'IV', gradeBasis: { table: 'officer', reason: '核实死亡人数为2人' } });
    } finally {
      rt.socket.disconnect();
    }
  });

  it.each([
    [{ externalId: 'x', receivedAt: 'yesterday', location: PLANT }, 'receivedAt'],
    [{ externalId: 'x', receivedAt: '2026-11-23T10:00:00', location: PLANT }, 'receivedAt'],
    [{ externalId: 'x', location: { lng: 181, lat: 36 } }, 'location.lng'],
    [{ externalId: 'x', location: { lng: 118, lat: -91 } }, 'location.lat'],
    [{ externalId: 'x', location: PLANT, casualties: { deaths: -1 } }, 'casualties.deaths'],
    [{ externalId: 'x' }, 'location'],
    [{ location: PLANT }, 'externalId'],
    [{ externalId: 'x', location: PLANT, category: 'SOCIAL', type: 'fire' }, 'type'],
    [{ externalId: 'x', location: PLANT, secret: 1 }, 'secret'],
    // Valid coordinates far outside the district: a pole (which once made the map-cell locks endless), null island, Beijing.
    [{ externalId: 'x', location: { lng: 118.3, lat: 90 } }, 'location'],
    [{ externalId: 'x', location: { lng: 0, lat: 0 } }, 'location'],
    [{ externalId: 'x', location: { lng: 116.4, lat: 39.9 }, address: '北京' }, 'location'],
  ])('rejects %j with 400 naming %s, storing nothing', async (body, field) => {
    const before = (await t.http('GET', '/api/events?after=0&limit=1', { token: duty })).body.lastSeq;
    const res = await post('119', { receivedAt: new Date().toISOString(), ...body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toContain(field);
    const after = (await t.http('GET', `/api/events?after=${before}`, { token: duty })).body;
    // Ack timers of earlier tests' incidents may fire meanwhile (actor: system); the request itself wrote nothing.
    expect(after.events.filter((e: { actor: { type: string } }) => e.actor.type !== 'system')).toEqual([]);
  });

  it('answers a repeat of a stored call as the repeat, even when this copy breaks a rule (the body of a repeat is not compared)', async () => {
    const externalId = ext('repeat-far');
    const first = await post('119', { externalId, location: PLANT, type: 'fire' });
    expect(first.status).toBe(201);
    // The same call again, its position mangled to null island (or stored before the service-area rule existed).
    const again = await post('119', { externalId, location: { lng: 0, lat: 0 }, type: 'fire' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // A new call so placed is still refused, and so is a repeat that fails the schema itself.
    expect((await post('119', { externalId: ext('new-far'), location: { lng: 0, lat: 0 }, type: 'fire' })).status).toBe(400);
    expect((await post('119', { externalId, location: { lng: 181, lat: 0 }, type: 'fire' })).status).toBe(400);
  });

  it('rejects unknown sources, missing and wrong keys, and a key used for another source', async () => {
    expect((await post('119', { source: '999', externalId: 'k', address: 'x' })).body.fields).toHaveProperty('source');
    expect((await post('119', { externalId: 'k', address: 'x' }, 'bk_wrong')).status).toBe(401);
    expect((await t.http('POST', '/api/intake/calls', { body: { source: '119', externalId: 'k', address: 'x', receivedAt: new Date().toISOString() } })).status).toBe(401);
    const cross = await post('119', { externalId: 'k', address: 'x' }, key('110'));
    expect(cross.status).toBe(400);
    expect(cross.body.fields).toHaveProperty('source');
  });

  it('lets an admin create a key (shown once, stored hashed) and revoke it', async () => {
    const admin = await t.token('admin1');
    expect((await t.http('POST', '/api/admin/intake-keys', { token: duty, body: { source: '120', label: 'x' } })).status).toBe(403);
    const created = await t.http('POST', '/api/admin/intake-keys', { token: admin, body: { source: '120', label: '120 急救调度' } });
    expect(created.status).toBe(201);
    const ok = await post('120', { externalId: ext('k'), address: '某路口' }, created.body.key);
    expect(ok.status).toBe(201);
    const listed = (await t.http('GET', '/api/admin/intake-keys', { token: admin })).body;
    expect(JSON.stringify(listed)).not.toContain(created.body.key);
    expect((await t.http('DELETE', `/api/admin/intake-keys/${created.body.id}`, { token: admin })).status).toBe(204);
    expect((await post('120', { externalId: ext('k'), address: '某路口' }, created.body.key)).status).toBe(401);
  });

  it('raises ack_overdue to the shift leader, then the leader, and an acknowledgement stops the timers', async () => {
    const rt = await connectRealtime(t.url, duty);
    try {
      const late = await post('119', { externalId: ext('late'), location: { lng: 118.45, lat: 36.72 }, type: 'fire' });
      const l1 = await rt.waitFor((e) => e.type === 'incident.ack_overdue' && e.aggregate.id === late.body.incidentId && (e.payload as { level: number }).level === 1, 5000);
      expect(l1.payload).toMatchObject({ target: 'shift_leader' });
      const l2 = await rt.waitFor((e) => e.type === 'incident.ack_overdue' && e.aggregate.id === late.body.incidentId && (e.payload as { level: number }).level === 2, 5000);
      expect(l2.payload).toMatchObject({ target: 'leader' });

      const onTime = await post('119', { externalId: ext('ontime'), location: { lng: 118.15, lat: 36.92 }, type: 'fire' });
      const ack = await t.http('POST', `/api/incidents/${onTime.body.incidentId}/acknowledge`, { token: duty });
      expect(ack.status).toBe(200);
      expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: expect.any(String) });
      await new Promise((r) => setTimeout(r, 2500));
      expect(rt.events.some((e) => e.type === 'incident.ack_overdue' && e.aggregate.id === onTime.body.incidentId)).toBe(false);
      expect((await t.http('POST', `/api/incidents/${onTime.body.incidentId}/acknowledge`, { token: duty })).status).toBe(409);
    } finally {
      rt.socket.disconnect();
    }
  });

  it('lets a duty officer enter a call by hand and see nearby open incidents', async () => {
    const manual = await t.http('POST', '/api/intake/manual-calls', {
      token: duty,
      body: { externalId: ext('m'), receivedAt: new Date().toISOString(), location: { lng: 118.33, lat: 36.6 }, type: 'flood', description: '道路积水' },
    });
    expect(manual.status).toBe(201);
    const detail = (await t.http('GET', `/api/incidents/${manual.body.incidentId}`, { token: duty })).body;
    expect(detail.sources).toEqual(['manual']);
    const near = (await t.http('GET', '/api/incidents/nearby?lng=118.331&lat=36.6&radiusM=500', { token: duty })).body;
    expect(near[0]).toMatchObject({ id: manual.body.incidentId, distanceM: expect.any(Number) });
    expect((await t.http('POST', '/api/intake/manual-calls', { token: await t.token('team1'), body: {} })).status).toBe(403);
  });
});
