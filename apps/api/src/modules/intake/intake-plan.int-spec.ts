import pg from 'pg';
import { cloneDatabase } from '../../testing/test-app.js';
import { openBatchSql } from './intake-plan.js';
import { READ_SQL } from './intake-read.js';
import { WRITE_SQL } from './intake-write.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];
const describeNode = (n: PlanNode) => [n['Node Type'], n['Relation Name'], n['Index Name']].filter(Boolean).join(' ');

// One call's worth of arguments, as the service binds them (see readForBatch and IntakeService.write).
const READ_ARGS = `'{118.3}', '{36.8}', '{0.01}', '{0.01}', '{2026-11-24T00:00:00Z}', '{2026-11-24T01:00:00Z}', '{310}', 100,
  '{BENCH-1}', '{BENCH-1}', '{119}', '{BENCH-1}', ARRAY['["fire", "/ACCIDENT"]']::jsonb[]`;
const INCIDENT = {
  id: '00000000-0000-4000-8000-000000000001', code: 'X', title: 't', status: 'reported', category: 'ACCIDENT', type: 'fire',
  grade: null, grade_basis: null, lng: 118.3, lat: 36.8, location_accuracy_m: 10, address: null,
  jurisdiction_id: '00000000-0000-4000-8000-000000000002', figures: {}, sources: ['119'], call_count: 2,
  created_at: '2026-11-24T00:00:00Z', first_call_at: '2026-11-24T00:00:00Z', last_call_at: '2026-11-24T00:00:00Z',
};
const WRITE_ARGS = `'[]', '[]', '[]', '${JSON.stringify([INCIDENT])}', '[]'`;

/**
 * The intake statements run one generic plan per connection, made whenever that connection first
 * runs them. Whatever the statistics say then, the plan must look incidents and calls up by key:
 * a scan of every (open) incident or call would make each call cost more as the tables grow.
 */
describe('intake statements stay index-driven whatever the table statistics', () => {
  let db: { url: string; drop: () => Promise<void> };
  let client: pg.Client;
  let n = 0;
  let incidentsPk: string;

  beforeAll(async () => {
    db = await cloneDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE conrelid = 'incidents'::regclass AND contype = 'p'`);
    incidentsPk = rows[0]!.name;
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  /** Runs `fn` inside a transaction under the intake's planner settings, then rolls it back. */
  async function inIntakeTx<T>(fn: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      await client.query(openBatchSql(['1', '-9223372036854775808']));
      return await fn();
    } finally {
      await client.query('ROLLBACK');
    }
  }

  /** Prepares `sql` as the intake does and runs it once, which makes and caches its generic plan. */
  async function prepare(sql: string, args: string): Promise<string> {
    const name = `intake_plan_${++n}`;
    await client.query(`PREPARE ${name} AS ${sql}`);
    await inIntakeTx(() => client.query(`EXECUTE ${name}(${args})`));
    return name;
  }

  /** The plan the statement runs now, as a flat list of nodes. */
  async function planOf(name: string, args: string): Promise<PlanNode[]> {
    const { rows } = await inIntakeTx(() =>
      client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) EXECUTE ${name}(${args})`),
    );
    await client.query(`DEALLOCATE ${name}`);
    return flatten(rows[0]!['QUERY PLAN'][0]!.Plan);
  }

  /** Thousands of open incidents across the district, each with one call. */
  async function fill(count: number): Promise<void> {
    await client.query(
      `WITH j AS (SELECT id FROM jurisdictions LIMIT 1),
            i AS (
              INSERT INTO incidents (code, title, status, category, type, lng, lat, location_accuracy_m, jurisdiction_id, figures, sources,
                                     call_count, created_at, first_call_at, last_call_at, updated_at)
              SELECT 'PLAN-' || g, 'fill', 'reported', 'ACCIDENT', 'fire', 118.2 + (g % 100) * 0.002, 36.7 + (g / 100) * 0.002, 10,
                     j.id, '{}', '{119}', 1, now(), now(), now(), now()
                FROM generate_series(1, $1::int) g, j
              RETURNING id, code)
       INSERT INTO calls (source, external_id, received_at, related_external_ids, incident_id, original_incident_id, created_at)
       SELECT '119', i.code, now(), '{}', i.id, i.id, now() FROM i`,
      [count],
    );
  }

  function expectKeyedLookups(plan: PlanNode[]): void {
    for (const node of plan) {
      expect(describeNode(node)).not.toMatch(/^Seq Scan (incidents|calls)$/);
      // An index read without a key reads all of it; incidents_open_idx holds every open incident.
      if (node['Index Name']) expect({ index: node['Index Name'], keyed: Boolean(node['Index Cond']) }).toEqual({ index: node['Index Name'], keyed: true });
      expect(node['Index Name']).not.toBe('incidents_open_idx');
      expect(node['Node Type']).not.toMatch(/^(Hash Join|Merge Join)$/);
    }
  }

  it.each([
    ['planned while the tables were empty and still used once they are full', true],
    ['planned with fresh statistics of full tables', false],
  ])('%s, the read and the write look incidents and calls up by key', async (_label, plannedEmpty) => {
    await client.query('TRUNCATE calls, incidents CASCADE');
    await client.query('ANALYZE incidents; ANALYZE calls');
    let read = '';
    let write = '';
    if (plannedEmpty) [read, write] = [await prepare(READ_SQL, READ_ARGS), await prepare(WRITE_SQL, WRITE_ARGS)];
    await fill(4000);
    if (!plannedEmpty) {
      await client.query('ANALYZE incidents; ANALYZE calls');
      [read, write] = [await prepare(READ_SQL, READ_ARGS), await prepare(WRITE_SQL, WRITE_ARGS)];
    }

    const readPlan = await planOf(read, READ_ARGS);
    expectKeyedLookups(readPlan);
    // Nearby open incidents come from the partial GiST reach index, candidates by primary key.
    expect(readPlan.map((p) => p['Index Name'])).toEqual(expect.arrayContaining(['incidents_open_reach_idx', incidentsPk, 'calls_source_external_key']));

    const writePlan = await planOf(write, WRITE_ARGS);
    expectKeyedLookups(writePlan);
    expect(writePlan.map((p) => p['Index Name'])).toContain(incidentsPk);
  });

  it('keeps no GIN pending list that every cross-reference search would have to read through', async () => {
    const { rows } = await client.query<{ options: string[] | null }>(
      `SELECT reloptions AS options FROM pg_class WHERE relname = 'calls_related_external_ids_idx'`,
    );
    expect(rows[0]?.options).toContain('fastupdate=off');
  });

  it('absorbs a call into its incident in place: a HOT update, no new index entries', async () => {
    await client.query('TRUNCATE calls, incidents CASCADE');
    const { rows: [j] } = await client.query<{ id: string }>('SELECT id FROM jurisdictions LIMIT 1');
    const stored = { ...INCIDENT, jurisdiction_id: j!.id, figures: {}, ack_overdue_level: 0, version: 1, updated_at: INCIDENT.created_at };
    await client.query(
      `INSERT INTO incidents SELECT * FROM jsonb_populate_record(NULL::incidents, $1::jsonb)`,
      [JSON.stringify({ ...stored, status: 'reported' })],
    );
    // What a linked call changes: its count, sources, last call, figures and grade, version and updated_at.
    const absorbed = {
      ...stored, call_count: 3, sources: ['119', '120'], last_call_at: '2026-11-24T00:05:00Z', figures: { deaths: 3 }, grade: 'III',
      grade_basis: { criterion: 'deaths', figure: 3 }, version: 2, updated_at: '2026-11-24T00:05:00Z',
    };
    await client.query(`PREPARE beacon_hot_check AS ${WRITE_SQL}`);
    await client.query('BEGIN');
    try {
      await client.query(`EXECUTE beacon_hot_check('[]', '[]', '[]', '${JSON.stringify([absorbed])}', '[]')`);
      const { rows } = await client.query<{ updated: string; hot: string }>(
        `SELECT pg_stat_get_xact_tuples_updated('incidents'::regclass) AS updated, pg_stat_get_xact_tuples_hot_updated('incidents'::regclass) AS hot`,
      );
      expect(rows[0]).toEqual({ updated: '1', hot: '1' });
    } finally {
      await client.query('ROLLBACK');
      await client.query('DEALLOCATE beacon_hot_check');
    }
  });
});
