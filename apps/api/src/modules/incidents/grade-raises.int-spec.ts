import { DataSource } from 'typeorm';
import { demoIntakeKey } from '../../database/seeds/demo-seeder.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

interface Alert { seq: number; cause: string; from: string | null; to: string | null; actor: { id: string | null; name: string | null }; incident: { id: string; grade: string | null; jurisdictionId: string } }

describe('grade-raise alerts: kept by the command center, seen once for all', () => {
  let t: TestApp;
  let duty: string;
  let shift: string;
  let leader: string;
  let commander: string;
  let n = 0;
  const call = (body: Record<string, unknown>) =>
    t.http('POST', '/api/intake/calls', {
      headers: { 'x-api-key': demoIntakeKey('119', t.password) },
      body: { source: '119', externalId: `gr-${Date.now()}-${++n}`, receivedAt: new Date().toISOString(), category: 'ACCIDENT', type: 'industrial', ...body },
    });
  const outstanding = async (token: string): Promise<Alert[]> => {
    const res = await t.http('GET', '/api/incidents/grade-raises', { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const alertOf = async (token: string, incidentId: string) => (await outstanding(token)).find((a) => a.incident.id === incidentId);
  const history = async (incidentId: string) =>
    (await t.http('GET', `/api/incidents/${incidentId}`, { token: duty })).body.history as Array<{ seq: number; type: string; actor: { name: string }; payload: Record<string, unknown> }>;
  /** An incident raised IV → III by a call, then III → II by another: its alert after each. */
  const raisedTwice = async (at: { lng: number; lat: number }) => {
    const first = (await call({ location: at })).body;
    await call({ location: at, casualties: { deaths: 3 } });
    const older = (await alertOf(duty, first.incidentId))!;
    await call({ location: at, casualties: { deaths: 10 } });
    return { first, older, newer: (await alertOf(duty, first.incidentId))! };
  };
  const seen = (token: string, incidentId: string, seq: unknown) => t.http('POST', `/api/incidents/${incidentId}/grade-raises/seen`, { token, body: { seq } });

  beforeAll(async () => {
    t = await startTestApp({ ACK_TIMEOUT_S: '600' });
    [duty, shift, leader, commander] = await Promise.all(['duty1', 'shift1', 'leader1', 'cmdr1'].map((u) => t.token(u)));
  });
  afterAll(() => t.close());

  it('shows a raise to every desk until one officer marks it seen; a repeat records nothing', async () => {
    const at = { lng: 118.33, lat: 36.83 };
    const first = (await call({ location: at, casualties: { injured: 1 } })).body;
    expect((await call({ location: at, casualties: { deaths: 3 } })).body.incidentId).toBe(first.incidentId);
    const raise = (await history(first.incidentId)).find((h) => h.type === 'incident.grade_raised')!;

    // Every desk sees the same alert, the commander's tablet too.
    for (const token of [duty, shift, leader, commander]) {
      expect(await alertOf(token, first.incidentId)).toMatchObject({ seq: raise.seq, cause: 'figures', from: 'IV', to: 'III', incident: { grade: 'III' } });
    }

    const marked = await seen(shift, first.incidentId, raise.seq);
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ incidentId: first.incidentId, raiseSeq: raise.seq, by: '值班长 李娜', recorded: true });
    expect(await alertOf(duty, first.incidentId)).toBeUndefined();
    expect(await alertOf(leader, first.incidentId)).toBeUndefined();

    // The duty officer's click arrived second: it answers who saw it, and the log holds one "seen".
    const again = await seen(duty, first.incidentId, raise.seq);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ raiseSeq: raise.seq, by: '值班长 李娜', recorded: false });
    const seenEvents = (await history(first.incidentId)).filter((h) => h.type === 'incident.grade_raise_seen');
    expect(seenEvents).toHaveLength(1);
    expect(seenEvents[0]).toMatchObject({ actor: { name: '值班长 李娜' }, payload: { raiseSeq: raise.seq, by: '值班长 李娜' } });
  });

  it('alarms again at a newer raise, which marking an older one seen does not end; seeing the newer covers the older', async () => {
    const { first, older, newer } = await raisedTwice({ lng: 118.35, lat: 36.84 });
    expect(newer).toMatchObject({ from: 'III', to: 'II' });
    expect(newer.seq).toBeGreaterThan(older.seq);
    expect((await outstanding(duty)).filter((a) => a.incident.id === first.incidentId)).toHaveLength(1);

    // Marked from a screen that still showed the older raise: the newer one keeps alarming.
    expect((await seen(duty, first.incidentId, older.seq)).body).toMatchObject({ raiseSeq: older.seq, recorded: true });
    expect((await alertOf(duty, first.incidentId))?.seq).toBe(newer.seq);
    expect((await seen(duty, first.incidentId, newer.seq)).body.recorded).toBe(true);
    expect(await alertOf(duty, first.incidentId)).toBeUndefined();
    expect((await seen(duty, first.incidentId, older.seq)).body).toMatchObject({ raiseSeq: older.seq, recorded: false });

    // Seeing the newer raise covers an older one nobody marked: marking that records nothing.
    const { first: second, older: unseen, newer: latest } = await raisedTwice({ lng: 118.355, lat: 36.7 });
    expect((await seen(duty, second.incidentId, latest.seq)).body.recorded).toBe(true);
    expect((await seen(shift, second.incidentId, unseen.seq)).body).toMatchObject({ raiseSeq: latest.seq, by: '值班员 张伟', recorded: false });
  });

  it('alarms at an officer\'s raise, not at a lowering; a closed incident\'s raise no longer alarms', async () => {
    const { incidentId } = (await call({ location: { lng: 118.37, lat: 36.86 } })).body;
    expect((await t.http('POST', `/api/incidents/${incidentId}/grade`, { token: leader, body: { grade: 'II', reason: '会商研判' } })).status).toBe(200);
    expect(await alertOf(duty, incidentId)).toMatchObject({ cause: 'officer', from: 'IV', to: 'II', actor: { name: '带班领导 王强' } });
    const raise = (await alertOf(duty, incidentId))!;
    expect((await seen(duty, incidentId, raise.seq)).status).toBe(200);
    expect((await t.http('POST', `/api/incidents/${incidentId}/grade`, { token: leader, body: { grade: 'III', reason: '核实后下调' } })).status).toBe(200);
    expect(await alertOf(duty, incidentId)).toBeUndefined();

    const other = (await call({ location: { lng: 118.39, lat: 36.87 } })).body;
    await call({ location: { lng: 118.39, lat: 36.87 }, casualties: { deaths: 4 } });
    expect(await alertOf(duty, other.incidentId)).toBeDefined();
    await t.http('POST', `/api/incidents/${other.incidentId}/acknowledge`, { token: duty });
    for (const to of ['responding', 'controlled', 'closed']) {
      expect((await t.http('POST', `/api/incidents/${other.incidentId}/transition`, { token: duty, body: { to, reason: '处置' } })).status).toBe(200);
    }
    expect(await alertOf(duty, other.incidentId)).toBeUndefined();
  });

  it('withdraws a raise that a later lowering undoes: by an officer, or by undoing the merge that raised it; a partial lowering keeps it', async () => {
    // An officer lowers the raised grade before anyone marked the raise seen.
    const at = { lng: 118.44, lat: 36.89 };
    const raised = (await call({ location: at })).body;
    await call({ location: at, casualties: { deaths: 3 } });
    expect(await alertOf(duty, raised.incidentId)).toMatchObject({ from: 'IV', to: 'III' });
    expect((await t.http('POST', `/api/incidents/${raised.incidentId}/grade`, { token: leader, body: { grade: 'IV', reason: '核实：死亡人数重复上报' } })).status).toBe(200);
    expect(await alertOf(duty, raised.incidentId)).toBeUndefined();
    // A later raise alarms again; lowered only part of the way back, it stays (the incident is still above
    // what the desks last knew), showing the grade now; lowered back to where it found it, it ends.
    await call({ location: at, casualties: { deaths: 10 } });
    expect(await alertOf(duty, raised.incidentId)).toMatchObject({ from: 'IV', to: 'II' });
    expect((await t.http('POST', `/api/incidents/${raised.incidentId}/grade`, { token: leader, body: { grade: 'III', reason: '核实：死亡 8 人' } })).status).toBe(200);
    expect(await alertOf(duty, raised.incidentId)).toMatchObject({ from: 'IV', to: 'II', incident: { grade: 'III' } });
    expect((await t.http('POST', `/api/incidents/${raised.incidentId}/grade`, { token: leader, body: { grade: 'IV', reason: '核实：死亡 2 人' } })).status).toBe(200);
    expect(await alertOf(duty, raised.incidentId)).toBeUndefined();

    // A merge brings figures that raise the target; undoing it withdraws that raise.
    const target = (await call({ location: { lng: 118.46, lat: 36.9 } })).body;
    const source = (await call({ location: { lng: 118.47, lat: 36.9 }, casualties: { deaths: 3 } })).body;
    expect(source.incidentId).not.toBe(target.incidentId);
    // Graded III from its first call: created so, which raises nothing.
    expect(await alertOf(duty, source.incidentId)).toBeUndefined();
    expect((await t.http('POST', `/api/incidents/${source.incidentId}/merge`, { token: duty, body: { targetIncidentId: target.incidentId, reason: '同一事件' } })).status).toBe(200);
    expect(await alertOf(duty, target.incidentId)).toMatchObject({ from: 'IV', to: 'III' });
    expect((await t.http('POST', `/api/incidents/${source.incidentId}/unmerge`, { token: duty, body: { reason: '误并' } })).status).toBe(200);
    expect((await t.http('GET', `/api/incidents/${target.incidentId}`, { token: duty })).body.grade).toBe('IV');
    expect(await alertOf(duty, target.incidentId)).toBeUndefined();
    expect((await t.http('GET', `/api/incidents/${source.incidentId}`, { token: duty })).body.grade).toBe('III');
    expect(await alertOf(duty, source.incidentId)).toBeUndefined();
  });

  it('brings back an earlier unseen raise when a later one is undone: the lowering undoes only the raise it takes back', async () => {
    const at = { lng: 118.48, lat: 36.91 };
    const first = (await call({ location: at })).body;
    await call({ location: at, casualties: { deaths: 3 } });
    const earlier = (await alertOf(duty, first.incidentId))!;
    expect(earlier).toMatchObject({ from: 'IV', to: 'III' });
    // An incident with 10 deaths merged into it raises it III → II; undoing the merge lowers it back to III.
    const other = (await call({ location: { lng: 118.5, lat: 36.91 }, casualties: { deaths: 10 } })).body;
    expect(other.incidentId).not.toBe(first.incidentId);
    expect((await t.http('POST', `/api/incidents/${other.incidentId}/merge`, { token: duty, body: { targetIncidentId: first.incidentId, reason: '同一事件' } })).status).toBe(200);
    expect(await alertOf(duty, first.incidentId)).toMatchObject({ from: 'III', to: 'II' });
    expect((await t.http('POST', `/api/incidents/${other.incidentId}/unmerge`, { token: duty, body: { reason: '误并' } })).status).toBe(200);
    expect(await alertOf(duty, first.incidentId)).toMatchObject({ seq: earlier.seq, from: 'IV', to: 'III', incident: { grade: 'III' } });
  });

  it('shows a desk only the raises of its own jurisdiction', async () => {
    const at = { lng: 118.345, lat: 36.845 };
    const first = (await call({ location: at })).body;
    await call({ location: at, casualties: { deaths: 3 } });
    const raise = (await alertOf(duty, first.incidentId))!;
    // A town's duty officer (the demo officers sit at the district): another town's raise is not theirs.
    const db = t.app.get(DataSource);
    const [town] = await db.query(`SELECT j.id FROM jurisdictions j WHERE j.id <> $1 AND NOT EXISTS (SELECT 1 FROM jurisdictions c WHERE c.parent_id = j.id) ORDER BY j.code LIMIT 1`, [raise.incident.jurisdictionId]);
    await db.query(
      `INSERT INTO users (username, display_name, password_hash, roles, jurisdiction_id) SELECT 'town_duty', '镇值班员', password_hash, roles, $1 FROM users WHERE username = 'duty1'`,
      [town.id],
    );
    const townDuty = await t.token('town_duty');
    expect(await alertOf(townDuty, first.incidentId)).toBeUndefined();
    expect((await seen(townDuty, first.incidentId, raise.seq)).status).toBe(404);
    expect(await alertOf(duty, first.incidentId)).toBeDefined();
  });

  it('refuses what is not a raise of the incident, a bad seq, an unknown incident and a commander, recording nothing', async () => {
    const at = { lng: 118.41, lat: 36.88 };
    const first = (await call({ location: at })).body;
    await call({ location: at, casualties: { deaths: 3 } });
    const received = (await history(first.incidentId)).find((h) => h.type === 'call.received')!;
    const notRaise = await seen(duty, first.incidentId, received.seq);
    expect(notRaise.status).toBe(400);
    expect(notRaise.body.fields).toHaveProperty('seq');
    const raise = (await alertOf(duty, first.incidentId))!;
    const elsewhere = (await call({ location: { lng: 118.43, lat: 36.7 } })).body;
    expect((await seen(duty, elsewhere.incidentId, raise.seq)).status).toBe(400);
    for (const bad of ['x', 0, 1.5, null, 1e21]) {
      const res = await seen(duty, first.incidentId, bad);
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('seq');
    }
    // Not a number at all: it says what seq must be, without the range checks "x" also fails.
    expect((await seen(duty, first.incidentId, 'x')).body.fields.seq).toBe('seq must be the integer seq of a grade raise');
    expect((await seen(duty, '00000000-0000-4000-8000-000000000000', raise.seq)).status).toBe(404);
    expect((await seen(commander, first.incidentId, raise.seq)).status).toBe(403);
    expect((await history(first.incidentId)).some((h) => h.type === 'incident.grade_raise_seen')).toBe(false);
    expect((await alertOf(duty, first.incidentId))?.seq).toBe(raise.seq);
  });
});
