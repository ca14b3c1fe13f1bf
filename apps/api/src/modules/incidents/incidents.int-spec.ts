import { basisFitsClassification } from '@beacon/domain';
import { DataSource } from 'typeorm';
import { demoIntakeKey } from '../../database/seeds/demo-seeder.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('incidents: lifecycle, merge, split', () => {
  let t: TestApp;
  let duty: string;
  let n = 0;
  const call = (source: '110' | '119' | '120', body: Record<string, unknown>) =>
    t.http('POST', '/api/intake/calls', {
      headers: { 'x-api-key': demoIntakeKey(source, t.password) },
      body: { source, externalId: `inc-${Date.now()}-${++n}`, receivedAt: new Date().toISOString(), ...body },
    });

  beforeAll(async () => {
    t = await startTestApp({ ACK_TIMEOUT_S: '600' });
    duty = await t.token('duty1');
  });
  afterAll(() => t.close());

  it('walks the legal lifecycle and refuses illegal transitions with a reason recorded on each', async () => {
    const { incidentId: id } = (await call('119', { location: { lng: 118.26, lat: 36.77 }, type: 'fire' })).body;
    const skip = await t.http('POST', `/api/incidents/${id}/transition`, { token: duty, body: { to: 'controlled', reason: '试图跳过确认' } });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('ILLEGAL_TRANSITION');
    expect((await t.http('POST', `/api/incidents/${id}/acknowledge`, { token: duty })).body.status).toBe('acknowledged');
    for (const to of ['responding', 'controlled', 'closed']) {
      const res = await t.http('POST', `/api/incidents/${id}/transition`, { token: duty, body: { to, reason: `进入${to}` } });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(to);
    }
    expect((await t.http('POST', `/api/incidents/${id}/transition`, { token: duty, body: { to: 'responding', reason: 'x' } })).status).toBe(409);
    const missingReason = await t.http('POST', `/api/incidents/${id}/transition`, { token: duty, body: { to: 'responding' } });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.fields).toHaveProperty('reason');
    const detail = (await t.http('GET', `/api/incidents/${id}`, { token: duty })).body;
    const changes = detail.history.filter((h: { type: string }) => h.type === 'incident.status_changed');
    expect(changes.map((h: { payload: { to: string } }) => h.payload.to)).toEqual(['responding', 'controlled', 'closed']);
    expect(changes[0]).toMatchObject({ actor: { type: 'user', id: expect.any(String) }, payload: { reason: '进入responding' } });
    const open = (await t.http('GET', '/api/incidents', { token: duty })).body;
    expect(open.some((i: { id: string }) => i.id === id)).toBe(false);
    const closed = (await t.http('GET', '/api/incidents?status=closed', { token: duty })).body;
    expect(closed.some((i: { id: string }) => i.id === id)).toBe(true);
  });

  it('corrects category, type, location and figures, each an event; a figure raise regrades', async () => {
    const { incidentId: id } = (await call('110', { address: '某厂区', category: 'ACCIDENT' })).body;
    const res = await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { type: 'industrial', location: { lng: 118.3, lat: 36.8 }, figures: { economicLossCny: 10_000_000 }, reason: '现场核实' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'industrial', grade: 'III', gradeBasis: { criterion: 'economicLossCny', value: 10_000_000 } });
    const wrongType = await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { category: 'SOCIAL', type: 'flood' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.fields).toHaveProperty('type');
    // A new category alone clears the type that no longer fits it; the event names both.
    const recategorised = await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { category: 'SOCIAL', reason: '定性为社会安全' } });
    expect(recategorised.body).toMatchObject({ category: 'SOCIAL', type: null });
    // The grade stays (it never drops by itself) on its Decree-493 basis, which no longer fits: the console asks for a regrade.
    expect(recategorised.body).toMatchObject({ grade: 'III', gradeBasis: { table: 'decree_493' } });
    expect(basisFitsClassification(recategorised.body)).toBe(false);
    const history = (await t.http('GET', `/api/incidents/${id}`, { token: duty })).body.history as Array<{ type: string; payload: { changed?: string[]; before?: Record<string, unknown> } }>;
    expect(history.map((h) => h.type)).toEqual(expect.arrayContaining(['incident.created', 'incident.updated', 'incident.grade_raised']));
    const updates = history.filter((h) => h.type === 'incident.updated');
    expect(updates.at(-1)?.payload.changed).toEqual(['category', 'type']);
    // Each correction keeps what the fields were: the history reads "industrial → none", not just "type".
    expect(updates.at(-1)?.payload.before).toEqual({ category: 'ACCIDENT', type: 'industrial' });
    expect(updates[0]?.payload.before).toMatchObject({ type: null, location: null, figures: { economicLossCny: null } });
    // A whole set of figures sent again, one of them new: the history keeps only the one that moved.
    const current = (await t.http('GET', `/api/incidents/${id}`, { token: duty })).body.figures as Record<string, number | null>;
    const given = Object.fromEntries(Object.entries(current).filter(([, v]) => v !== null));
    const resent = await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { figures: { ...given, injured: (current.injured ?? 0) + 2 }, reason: '全量回传' } });
    expect(resent.status).toBe(200);
    const last = ((await t.http('GET', `/api/incidents/${id}`, { token: duty })).body.history as Array<{ type: string; payload: { before?: Record<string, unknown> } }>).filter((h) => h.type === 'incident.updated').at(-1);
    expect(last?.payload.before).toEqual({ figures: { injured: current.injured ?? null } });
    // The same figures again: nothing moved, nothing to say from → to.
    expect((await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { figures: { injured: (current.injured ?? 0) + 2 }, reason: '重复回传' } })).status).toBe(200);
    const again = ((await t.http('GET', `/api/incidents/${id}`, { token: duty })).body.history as Array<{ type: string; payload: { before?: Record<string, unknown> } }>).filter((h) => h.type === 'incident.updated').at(-1);
    expect(again?.payload.before).toEqual({});
  });

  it('refuses moving an incident far outside the officer\'s area, naming location, and changes nothing', async () => {
    const a = (await call('119', { location: { lng: 118.31, lat: 36.81 }, type: 'fire' })).body;
    const res = await t.http('PATCH', `/api/incidents/${a.incidentId}`, { token: duty, body: { location: { lng: 116.4, lat: 39.9 }, reason: '误点' } });
    expect(res.status).toBe(400);
    expect(res.body.fields.location).toMatch(/outside/);
    expect((await t.http('GET', `/api/incidents/${a.incidentId}`, { token: duty })).body.location).toMatchObject({ lng: 118.31, lat: 36.81 });
  });

  it('keeps an officer-set title through later edits and linked calls; an automatic title follows corrections', async () => {
    const at = { lng: 118.42, lat: 36.85 };
    const { incidentId: id } = (await call('110', { location: at, address: '葵丘镇北街', category: 'ACCIDENT' })).body;
    const corrected = await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { type: 'road_traffic' } });
    expect(corrected.body.title).toBe('葵丘镇北街 道路交通事故');
    const titled = await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { title: '葵丘镇北街多车追尾' } });
    expect(titled.body.title).toBe('葵丘镇北街多车追尾');
    await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { figures: { injured: 4 } } });
    const linked = await call('120', { location: at, casualties: { seriousInjuries: 1 } });
    expect(linked.body.incidentId).toBe(id);
    const detail = (await t.http('GET', `/api/incidents/${id}`, { token: duty })).body;
    expect(detail).toMatchObject({ title: '葵丘镇北街多车追尾', callCount: 2, figures: { injured: 4, seriousInjuries: 1 } });
  });

  it('refuses a figure past its bound (a count of people, a magnitude), naming it, and changes nothing', async () => {
    const { incidentId: id } = (await call('119', { location: { lng: 118.27, lat: 36.78 }, type: 'fire', casualties: { injured: 2 } })).body;
    for (const figures of [{ trapped: 2 ** 53 }, { deaths: 100_000_001 }, { magnitude: -4 }, { burnedAreaHa: 3e8 + 1 }]) {
      const res = await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { figures } });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual([`figures.${Object.keys(figures)[0]}`]);
    }
    const detail = (await t.http('GET', `/api/incidents/${id}`, { token: duty })).body;
    expect(detail).toMatchObject({ figures: { injured: 2, trapped: 0, deaths: 0 }, version: 1 });
    expect((await t.http('PATCH', `/api/incidents/${id}`, { token: duty, body: { figures: { trapped: 100_000_000 } } })).status).toBe(200);
  });

  it('filters by category, grade and bbox, and validates the bbox', async () => {
    const { incidentId: id } = (await call('119', { location: { lng: 118.111, lat: 36.711 }, type: 'forest_fire', burnedAreaHa: 150 })).body;
    const inBox = (await t.http('GET', '/api/incidents?bbox=118.1,36.7,118.12,36.72&category=NATURAL&grade=II', { token: duty })).body;
    expect(inBox.map((i: { id: string }) => i.id)).toEqual([id]);
    const bad = await t.http('GET', '/api/incidents?bbox=1,2,3', { token: duty });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('bbox');
  });

  it('finds an incident by part of its number, title or address, in every status unless one is asked for', async () => {
    const a = (await call('119', { location: { lng: 118.53, lat: 36.61 }, type: 'fire', address: '临淄区测试搜索路 17 号' })).body;
    const b = (await call('119', { location: { lng: 118.55, lat: 36.61 }, type: 'fire' })).body;
    expect((await t.http('POST', `/api/incidents/${b.incidentId}/merge`, { token: duty, body: { targetIncidentId: a.incidentId, reason: '同一起火灾' } })).status).toBe(200);
    const merged = (await t.http('GET', `/api/incidents/${b.incidentId}`, { token: duty })).body;
    const search = async (params: string) => {
      const res = await t.http('GET', `/api/incidents?${params}`, { token: duty });
      expect(res.status).toBe(200);
      return res.body.map((i: { id: string }) => i.id) as string[];
    };
    // The merged incident is found by its full number and by its serial alone; the open queue does not list it.
    expect(await search(`q=${merged.code}`)).toEqual([b.incidentId]);
    expect(await search(`q=${merged.code.split('-').pop()}`)).toContain(b.incidentId);
    expect(await search('limit=1000')).not.toContain(b.incidentId);
    expect(await search(`q=${encodeURIComponent('测试搜索路')}`)).toEqual([a.incidentId]);
    expect(await search(`q=${merged.code}&status=reported`)).toEqual([]);
    // A number's serial ranks the incident it names first, before codes with the digits in their date.
    const serial = merged.code.split('-').pop()!;
    expect((await search(`q=${serial}`))[0]).toBe(b.incidentId);
    // Two digits are in many codes' dates: those whose number ends with them come first.
    const digits = serial.slice(-2);
    const codes = ((await t.http('GET', `/api/incidents?q=${digits}&limit=1000`, { token: duty })).body as Array<{ code: string }>).map((i) => i.code.endsWith(digits));
    expect(codes).toContain(true);
    expect(codes).toEqual([...codes].sort((x, y) => Number(y) - Number(x)));
    // LIKE's wildcards are searched for as themselves.
    expect(await search('q=%25%25')).toEqual([]);
    expect(await search('q=__')).toEqual([]);
    // A console in English sends the types its term names: "fire" finds the fires whose titles are in Chinese.
    expect(await search('q=fire')).not.toContain(a.incidentId);
    expect(await search('q=fire&types=fire,forest_fire')).toContain(a.incidentId);
    const badTypes = await t.http('GET', '/api/incidents?q=fire&types=volcano', { token: duty });
    expect(badTypes.status).toBe(400);
    expect(badTypes.body.fields).toHaveProperty('types');
    // What the calls said finds the incident they are in: a source's case number, the caller's phone as
    // typed, their name, their words.
    const caseNo = `JQ${Date.now()}`;
    const c = (
      await t.http('POST', '/api/intake/calls', {
        headers: { 'x-api-key': demoIntakeKey('110', t.password) },
        body: {
          source: '110', externalId: caseNo, receivedAt: new Date().toISOString(), location: { lng: 118.57, lat: 36.63 }, category: 'ACCIDENT',
          caller: { phone: '13812345678', name: '测试报警人甲' }, description: '听到测试性爆响，冒黑烟',
        },
      })
    ).body;
    expect(await search(`q=${caseNo}`)).toEqual([c.incidentId]);
    // A newer incident whose caller only mentions that case number comes after the incident holding it.
    const mention = (await call('120', { location: { lng: 118.9, lat: 36.95 }, category: 'HEALTH', description: `转自 110 警情 ${caseNo}` })).body;
    expect(mention.incidentId).not.toBe(c.incidentId);
    expect(await search(`q=${caseNo}`)).toEqual([c.incidentId, mention.incidentId]);
    expect(await search(`q=${encodeURIComponent('138 1234-5678')}`)).toEqual([c.incidentId]);
    expect(await search(`q=${encodeURIComponent('测试报警人甲')}`)).toEqual([c.incidentId]);
    expect(await search(`q=${encodeURIComponent('测试性爆响')}`)).toEqual([c.incidentId]);
    // Keywords, each somewhere: one in the caller's words, one in the caller's name.
    expect(await search(`q=${encodeURIComponent('冒黑烟 报警人甲')}`)).toEqual([c.incidentId]);
    expect(await search(`q=${encodeURIComponent('冒黑烟 不在任何地方')}`)).toEqual([]);
    // A call's own address (the incident's may differ once an officer corrects it).
    const at = (await call('119', { location: { lng: 118.6, lat: 36.66 }, type: 'fire', address: '测试搜索来电地址 9 号' })).body;
    expect((await t.http('PATCH', `/api/incidents/${at.incidentId}`, { token: duty, body: { address: '更正后的地址', reason: '核实' } })).status).toBe(200);
    expect(await search(`q=${encodeURIComponent('测试搜索来电地址')}`)).toEqual([at.incidentId]);
    // Four digits are a serial, not a phone: the caller whose number holds them is not found by them.
    if (!caseNo.includes('5678')) expect(await search('q=5678')).not.toContain(c.incidentId);
    for (const q of ['x', '%20%20']) {
      const bad = await t.http('GET', `/api/incidents?q=${q}`, { token: duty });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toHaveProperty('q');
    }
  });

  it('merges two incidents with a reason, and undoing restores both with provenance kept', async () => {
    const a = (await call('119', { location: { lng: 118.5, lat: 36.6 }, type: 'fire', casualties: { injured: 1 } })).body;
    const b = (await call('120', { location: { lng: 118.52, lat: 36.6 }, type: 'fire', casualties: { deaths: 3 } })).body;
    expect(a.incidentId).not.toBe(b.incidentId);
    // An officer's own figure on the source: it goes with the merge, and back with its undo.
    expect((await t.http('PATCH', `/api/incidents/${b.incidentId}`, { token: duty, body: { figures: { trapped: 6 }, reason: '现场核实' } })).status).toBe(200);
    const merged = await t.http('POST', `/api/incidents/${b.incidentId}/merge`, { token: duty, body: { targetIncidentId: a.incidentId, reason: '同一起火灾' } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: a.incidentId });
    const target = (await t.http('GET', `/api/incidents/${a.incidentId}`, { token: duty })).body;
    expect(target.calls).toHaveLength(2);
    expect(target).toMatchObject({ sources: ['119', '120'], grade: 'III', figures: { deaths: 3, injured: 1, trapped: 6 } });
    // While merged, corrections go to the incident it was merged into: its own record waits for an unmerge.
    const gradeMerged = await t.http('POST', `/api/incidents/${b.incidentId}/grade`, { token: duty, body: { grade: 'I', reason: '误操作' } });
    expect(gradeMerged.status).toBe(409);
    expect(gradeMerged.body.code).toBe('INCIDENT_MERGED');
    const editMerged = await t.http('PATCH', `/api/incidents/${b.incidentId}`, { token: duty, body: { figures: { deaths: 9 }, reason: '误操作' } });
    expect(editMerged.status).toBe(409);
    expect(editMerged.body.code).toBe('INCIDENT_MERGED');

    const undone = await t.http('POST', `/api/incidents/${b.incidentId}/unmerge`, { token: duty, body: { reason: '误合并' } });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'reported', mergedInto: null, grade: 'III', figures: { deaths: 3, trapped: 6 } });
    // Back in the queue unacknowledged, with a fresh acknowledgement deadline and its timer armed.
    expect(undone.body.ackOverdueLevel).toBe(0);
    expect(Date.parse(undone.body.ackDeadlineAt)).toBeGreaterThan(Date.now() + 500_000);
    const timers = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM timers WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL`, [`ack:${b.incidentId}:1`]);
    expect(timers[0].n).toBe(1);
    // The target gives back what the merge brought — its 3 deaths and the grade III they raised — not
    // silently: the undo is the officer's lowering, recorded with its reason.
    const restored = (await t.http('GET', `/api/incidents/${a.incidentId}`, { token: duty })).body;
    expect(restored.calls).toHaveLength(1);
    expect(restored).toMatchObject({ grade: 'IV', figures: { deaths: 0, injured: 1, trapped: 0 } });
    expect(restored.history.find((h: { type: string }) => h.type === 'incident.grade_changed').payload).toMatchObject({ from: 'III', to: 'IV', direction: 'lower', reason: '撤销合并：误合并' });
    const history = (await t.http('GET', `/api/incidents/${b.incidentId}`, { token: duty })).body.history.map((h: { type: string }) => h.type);
    expect(history).toEqual(expect.arrayContaining(['incident.created', 'incident.merged', 'incident.unmerged']));
    expect((await t.http('POST', `/api/incidents/${a.incidentId}/merge`, { token: duty, body: { targetIncidentId: a.incidentId, reason: 'x' } })).status).toBe(400);
  });

  it('refuses a reason of blanks for merge, unmerge and split, naming the field', async () => {
    const a = (await call('119', { location: { lng: 118.21, lat: 36.61 }, type: 'fire' })).body;
    const b = (await call('110', { location: { lng: 118.29, lat: 36.61 }, type: 'road_traffic' })).body;
    const merge = await t.http('POST', `/api/incidents/${a.incidentId}/merge`, { token: duty, body: { targetIncidentId: b.incidentId, reason: '   ' } });
    expect(merge.status).toBe(400);
    expect(merge.body.fields).toHaveProperty('reason');
    expect((await t.http('GET', `/api/incidents/${a.incidentId}`, { token: duty })).body.status).toBe('reported');
    const merged = await t.http('POST', `/api/incidents/${a.incidentId}/merge`, { token: duty, body: { targetIncidentId: b.incidentId, reason: ' 同一事件 ' } });
    expect(merged.status).toBe(200);
    const unmerge = await t.http('POST', `/api/incidents/${a.incidentId}/unmerge`, { token: duty, body: { reason: ' ' } });
    expect(unmerge.status).toBe(400);
    expect(unmerge.body.fields).toHaveProperty('reason');
    const split = await t.http('POST', `/api/calls/${a.callId}/split`, { token: duty, body: { reason: '\t' } });
    expect(split.status).toBe(400);
  });

  it('splits a wrongly linked call into its own incident, and the split can be undone by merging back', async () => {
    const a = (await call('119', { location: { lng: 118.2, lat: 36.9 }, type: 'fire' })).body;
    const b = (await call('110', { location: { lng: 118.2005, lat: 36.9 }, type: 'road_traffic' })).body;
    expect(b.incidentId).toBe(a.incidentId);
    const split = await t.http('POST', `/api/calls/${b.callId}/split`, { token: duty, body: { reason: '是另一起交通事故' } });
    expect(split.status).toBe(200);
    expect(split.body.id).not.toBe(a.incidentId);
    expect(split.body.callCount).toBe(1);
    const original = (await t.http('GET', `/api/incidents/${a.incidentId}`, { token: duty })).body;
    expect(original.callCount).toBe(1);
    expect(original.history.find((h: { type: string }) => h.type === 'call.split').payload).toMatchObject({ callId: b.callId, reason: '是另一起交通事故' });
    // The new incident says where it came from and why; its call opened it (no link to explain).
    const splitOff = (await t.http('GET', `/api/incidents/${split.body.id}`, { token: duty })).body;
    expect(splitOff.history.find((h: { type: string }) => h.type === 'incident.created').payload).toMatchObject({
      splitFrom: a.incidentId, splitFromCode: original.code, reason: '是另一起交通事故', call: { id: b.callId, linkReason: null },
    });
    expect(splitOff.calls[0]).toMatchObject({ id: b.callId, linkReason: null });
    const onlyCall = await t.http('POST', `/api/calls/${a.callId}/split`, { token: duty, body: { reason: 'x' } });
    expect(onlyCall.status).toBe(422);
    const back = await t.http('POST', `/api/incidents/${split.body.id}/merge`, { token: duty, body: { targetIncidentId: a.incidentId, reason: '撤销拆分' } });
    expect(back.status).toBe(200);
    expect((await t.http('GET', `/api/incidents/${a.incidentId}`, { token: duty })).body.callCount).toBe(2);
  });

  it('splitting a call out takes its figures and the grade they raised with it, and keeps the officer\'s corrections', async () => {
    const a = (await call('119', { location: { lng: 118.25, lat: 36.75 }, type: 'fire', casualties: { injured: 2 } })).body;
    const b = (await call('120', { location: { lng: 118.2502, lat: 36.75 }, type: 'fire', casualties: { deaths: 12 } })).body;
    expect(b.incidentId).toBe(a.incidentId);
    // An officer's own figure: 6 trapped, which no call reported.
    expect((await t.http('PATCH', `/api/incidents/${a.incidentId}`, { token: duty, body: { figures: { trapped: 6 }, reason: '现场核实' } })).status).toBe(200);
    expect((await t.http('GET', `/api/incidents/${a.incidentId}`, { token: duty })).body).toMatchObject({ grade: 'II', figures: { deaths: 12 } });

    expect((await t.http('POST', `/api/calls/${b.callId}/split`, { token: duty, body: { reason: '另一起事故的伤亡' } })).status).toBe(200);
    const after = (await t.http('GET', `/api/incidents/${a.incidentId}`, { token: duty })).body;
    expect(after).toMatchObject({ grade: 'IV', figures: { deaths: 0, injured: 2, trapped: 6 } });
    expect(after.gradeBasis.criterion).not.toBe('deaths');
    expect(after.history.find((h: { type: string }) => h.type === 'incident.grade_changed').payload).toMatchObject({ from: 'II', to: 'IV', direction: 'lower', reason: '拆分来电：另一起事故的伤亡' });
  });
});

describe('incidents: a merge and its undo keep the acknowledgement escalation where it stood', () => {
  let t: TestApp;
  let duty: string;
  let n = 0;
  const SECOND_TIMEOUT_S = 600;
  const call = (location: { lng: number; lat: number }) =>
    t.http('POST', '/api/intake/calls', {
      headers: { 'x-api-key': demoIntakeKey('119', t.password) },
      body: { source: '119', externalId: `esc-${Date.now()}-${++n}`, receivedAt: new Date().toISOString(), location, type: 'fire' },
    });
  const pendingAckTimers = async (incidentId: string) =>
    (await t.app.get(DataSource).query(`SELECT key, due_at FROM timers WHERE key LIKE $1 AND fired_at IS NULL AND cancelled_at IS NULL ORDER BY key`, [`ack:${incidentId}:%`])) as Array<{ key: string; due_at: Date }>;

  beforeAll(async () => {
    // The shift leader is alerted after 1 s, the leader only 10 minutes later.
    t = await startTestApp({ ACK_TIMEOUT_S: '1', ACK_SECOND_TIMEOUT_S: String(SECOND_TIMEOUT_S) });
    duty = await t.token('duty1');
  });
  afterAll(() => t.close());

  const untilLevel1 = async (incidentId: string) => {
    const deadline = Date.now() + 10_000;
    while ((await t.http('GET', `/api/incidents/${incidentId}`, { token: duty })).body.ackOverdueLevel !== 1) {
      if (Date.now() > deadline) throw new Error('the level-1 escalation did not fire');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('gives a newer target the overdue source\'s escalation: the shift leader stays alerted, the leader\'s deadline is the source\'s', async () => {
    const old = (await call({ lng: 118.64, lat: 36.6 })).body;
    await untilLevel1(old.incidentId);
    const source = (await t.http('GET', `/api/incidents/${old.incidentId}`, { token: duty })).body;
    const fresh = (await call({ lng: 118.66, lat: 36.6 })).body;
    expect(fresh.incidentId).not.toBe(old.incidentId);

    const merged = await t.http('POST', `/api/incidents/${old.incidentId}/merge`, { token: duty, body: { targetIncidentId: fresh.incidentId, reason: '同一起火灾' } });
    expect(merged.status).toBe(200);
    const target = (await t.http('GET', `/api/incidents/${fresh.incidentId}`, { token: duty })).body;
    expect(target).toMatchObject({ status: 'reported', ackOverdueLevel: 1, ackDeadlineAt: source.ackDeadlineAt });
    // Its own level-1 timer is moot; the leader's fires at the source's deadline.
    const armed = await pendingAckTimers(fresh.incidentId);
    expect(armed.map((r) => r.key)).toEqual([`ack:${fresh.incidentId}:2`]);
    expect(new Date(armed[0]!.due_at).toISOString()).toBe(source.ackDeadlineAt);
    expect(target.history.find((h: { type: string }) => h.type === 'incident.merged').payload).toMatchObject({ fromCode: source.code, ackTakenFromSource: true });

    // Undone, the source's callers leave with it: the target keeps the shift leader alerted (level 1), and
    // its leader's deadline is no longer the source's but a full second timeout from the undo.
    const before = Date.now();
    expect((await t.http('POST', `/api/incidents/${old.incidentId}/unmerge`, { token: duty, body: { reason: '误合并' } })).status).toBe(200);
    const back = (await t.http('GET', `/api/incidents/${fresh.incidentId}`, { token: duty })).body;
    expect(back.ackOverdueLevel).toBe(1);
    const due = Date.parse(back.ackDeadlineAt);
    expect(due).toBeGreaterThanOrEqual(before + SECOND_TIMEOUT_S * 1000 - 1000);
    const rearmed = await pendingAckTimers(fresh.incidentId);
    expect(rearmed.map((r) => r.key)).toEqual([`ack:${fresh.incidentId}:2`]);
    expect(new Date(rearmed[0]!.due_at).getTime()).toBe(due);
  });

  it('keeps the shift leader alerted and arms the leader\'s timeout again, a full timeout from the undo', async () => {
    const a = (await call({ lng: 118.6, lat: 36.62 })).body;
    const b = (await call({ lng: 118.62, lat: 36.62 })).body;
    expect(a.incidentId).not.toBe(b.incidentId);
    // b's first timeout passes for real: its level-1 timer fires and arms the leader's (ack:b:2).
    await untilLevel1(b.incidentId);
    expect((await pendingAckTimers(b.incidentId)).map((r) => r.key)).toEqual([`ack:${b.incidentId}:2`]);

    // The merge cancels b's timers; undoing it arms the cancelled key again.
    expect((await t.http('POST', `/api/incidents/${b.incidentId}/merge`, { token: duty, body: { targetIncidentId: a.incidentId, reason: '同一起火灾' } })).status).toBe(200);
    expect(await pendingAckTimers(b.incidentId)).toEqual([]);
    const before = Date.now();
    const undone = await t.http('POST', `/api/incidents/${b.incidentId}/unmerge`, { token: duty, body: { reason: '误合并' } });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'reported', ackOverdueLevel: 1 });
    const due = Date.parse(undone.body.ackDeadlineAt);
    expect(due).toBeGreaterThanOrEqual(before + SECOND_TIMEOUT_S * 1000 - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + SECOND_TIMEOUT_S * 1000 + 1000);
    const armed = await pendingAckTimers(b.incidentId);
    expect(armed.map((r) => r.key)).toEqual([`ack:${b.incidentId}:2`]);
    expect(new Date(armed[0]!.due_at).getTime()).toBe(due);
  });
});
