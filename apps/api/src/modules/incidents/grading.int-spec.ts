import path from 'node:path';
import { demoIntakeKey } from '../../database/seeds/demo-seeder.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const DENSE = path.resolve(__dirname, '../../../../../docs/examples/grade-tables.dense-population.json');

/**
 * The [secondary] grading tables come from configuration (GRADE_TABLES_FILE): an earthquake of 6.2 in a
 * densely populated district is 特别重大 there, 重大 by the shipped (relatively dense) column — on
 * intake in the worker thread and in the API's loop alike, on an officer's correction, and in what the
 * console is told to grade with.
 */
describe.each([
  ['the shipped tables', {}, 'II', '人口较密集地区'],
  ['GRADE_TABLES_FILE (dense population), intake in the API', { GRADE_TABLES_FILE: DENSE }, 'I', '人口密集地区'],
  ['GRADE_TABLES_FILE (dense population), intake in the worker thread', { GRADE_TABLES_FILE: DENSE, INTAKE_WORKER: 'true' }, 'I', '人口密集地区'],
])('grading with %s', (_, env: Record<string, string>, grade, column) => {
  let t: TestApp;
  let duty: string;
  let n = 0;
  const quake = (body: Record<string, unknown>) =>
    t.http('POST', '/api/intake/calls', {
      headers: { 'x-api-key': demoIntakeKey('110', t.password) },
      body: { source: '110', externalId: `eq-${Date.now()}-${++n}`, receivedAt: new Date().toISOString(), type: 'earthquake', ...body },
    });
  const incident = async (id: string) => (await t.http('GET', `/api/incidents/${id}`, { token: duty })).body;

  beforeAll(async () => {
    t = await startTestApp(env);
    duty = await t.token('duty1');
  });
  afterAll(() => t.close());

  it(`grades a 6.2 earthquake ${grade} by the ${column} column, on the first call and on a later one`, async () => {
    const first = await quake({ location: { lng: 118.31, lat: 36.81 }, magnitude: 6.2 });
    expect(first.status).toBe(201);
    expect(await incident(first.body.incidentId)).toMatchObject({ grade, gradeBasis: { table: 'earthquake', criterion: 'magnitude' } });
    expect((await incident(first.body.incidentId)).gradeBasis.reason).toContain(column);

    const quiet = await quake({ location: { lng: 118.36, lat: 36.86 }, magnitude: 3.5 });
    expect((await incident(quiet.body.incidentId)).grade).toBeNull();
    const later = await quake({ location: { lng: 118.3601, lat: 36.8601 }, magnitude: 6.2 });
    expect(later.body).toMatchObject({ incidentId: quiet.body.incidentId, linked: true });
    expect((await incident(quiet.body.incidentId)).grade).toBe(grade);
  });

  it("grades an officer's corrected figures by the same tables", async () => {
    const call = await quake({ location: { lng: 118.41, lat: 36.71 } });
    const patched = await t.http('PATCH', `/api/incidents/${call.body.incidentId}`, { token: duty, body: { figures: { magnitude: 6.2 } } });
    expect(patched.status).toBe(200);
    expect((await incident(call.body.incidentId)).grade).toBe(grade);
  });

  it('tells the console which tables are in force', async () => {
    const res = await t.http('GET', '/api/grading/tables', { token: duty });
    expect(res.status).toBe(200);
    expect(res.body.earthquake.criteria.find((c: { criterion: string }) => c.criterion === 'magnitude').qualifier).toBe(column);
    expect(res.body.decree_493.criteria[0]).toMatchObject({ criterion: 'deaths' });
    expect((await t.http('GET', '/api/grading/tables')).status).toBe(401);
  });
});
