import pg from 'pg';
import { DEFAULT_LINKING_CONFIG, INCIDENT_CATEGORIES, INCIDENT_TYPES, categoryOfType, incidentKindKey, type CallSource, type IncidentCategory, type IncidentType } from '@beacon/domain';
import { cloneDatabase } from '../../testing/test-app.js';
import { pgArray } from '../../database/sql-literal.js';
import { CallEntity } from './call.entity.js';
import { openBatchSql } from './intake-plan.js';
import { READ_PREPARED, executeReadSql, incidentKindKeySql, parseRead } from './intake-read.js';

describe('intake read SQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let client: pg.Client;
  beforeAll(async () => {
    db = await cloneDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  /** The read's nature filter computes libs/domain's incidentKindKey in SQL: the two must agree on every row. */
  describe('incidentKindKeySql', () => {
    it('gives the domain key for every type, category and source mix an incident can have', async () => {
      const types = INCIDENT_CATEGORIES.flatMap((c) => INCIDENT_TYPES[c] as readonly IncidentType[]);
      const natures: Array<{ type: IncidentType | null; category: IncidentCategory | null }> = [
        ...types.map((type) => ({ type, category: categoryOfType(type) })),
        ...INCIDENT_CATEGORIES.map((category) => ({ type: null, category })),
        { type: null, category: null },
      ];
      const sourceMixes: CallSource[][] = [[], ['120'], ['110'], ['119', '120'], ['120', 'manual'], ['110', '119', '120']];
      const rows = natures.flatMap((n) => sourceMixes.map((sources) => ({ ...n, sources })));
      const { rows: keys } = await client.query<{ key: string }>(
        `SELECT ${incidentKindKeySql('i')} AS key
           FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS r(type, category, sources, n)
          CROSS JOIN LATERAL (SELECT r.type, r.category, ARRAY(SELECT jsonb_array_elements_text(r.sources)) AS sources) AS i
          ORDER BY r.n`,
        [rows.map((r) => r.type), rows.map((r) => r.category), rows.map((r) => JSON.stringify(r.sources))],
      );
      expect(keys.map((k) => k.key)).toEqual(rows.map(incidentKindKey));
    });
  });

  /** The read's arguments travel as literals inside the opening message: Postgres must get back exactly what was sent. */
  describe('pgArray', () => {
    it('round-trips any case id and JSON as text[] / jsonb[], and numbers as float8[]', async () => {
      const texts = ['119-20261123-000123', `it's`, 'back\\slash', 'a"quote', '{brace}', 'comma,sep', 'NULL', '', ' spaced ', '压测 \u2028 é', '\\"\'{,}'];
      const json = [JSON.stringify(['fire', '/ACCIDENT']), JSON.stringify({ note: 'a"b\\c' })];
      const numbers = [118.3, -36.000001, 0, 1e-7, 123456789.123];
      const { rows } = await client.query<{ texts: string[]; json: unknown[]; numbers: number[]; empty: string[] }>(
        `SELECT ${pgArray(texts)}::text[] AS texts, ${pgArray(json)}::jsonb[] AS json, ${pgArray(numbers)}::float8[] AS numbers, ${pgArray([])}::text[] AS empty`,
      );
      expect(rows[0]!.texts).toEqual(texts);
      expect(rows[0]!.json.map((j) => JSON.stringify(typeof j === 'string' ? JSON.parse(j) : j))).toEqual(json.map((j) => JSON.stringify(JSON.parse(j))));
      expect(rows[0]!.numbers).toEqual(numbers);
      expect(rows[0]!.empty).toEqual([]);
    });
  });

  /**
   * A surge's incidents gather hundreds of calls; the read must not ship them all with every nearby
   * call. With each candidate it returns only the stored calls linking could match: those whose case
   * id a call of the batch names, or that name one of the batch's calls.
   */
  describe('candidates and their refs', () => {
    it('returns a busy incident with only the calls that share a case id with the batch, and its sources from the row', async () => {
      const { rows: [incident] } = await client.query<{ id: string }>(
        `INSERT INTO incidents (code, title, status, category, type, lng, lat, location_accuracy_m, jurisdiction_id, figures, sources,
                                call_count, created_at, first_call_at, last_call_at, updated_at)
         SELECT 'READ-1', 'busy', 'reported', 'ACCIDENT', 'fire', 118.31, 36.81, 10, (SELECT id FROM jurisdictions LIMIT 1), '{}', '{110,119}',
                52, now(), now(), now(), now()
         RETURNING id`,
      );
      await client.query(
        `INSERT INTO calls (source, external_id, received_at, related_external_ids, incident_id, original_incident_id, created_at)
         SELECT '119', 'READ-119-' || g, now(), '{}'::text[], $1::uuid, $1::uuid, now() FROM generate_series(1, 50) g
         UNION ALL SELECT '110', 'READ-110-7', now(), '{}', $1, $1, now()
         UNION ALL SELECT '119', 'READ-119-99', now(), '{READ-120-NEW}', $1, $1, now()`,
        [incident!.id],
      );
      // A 120 call at the incident that names the 110 case; the 119 call READ-119-99 names it.
      const call = Object.assign(new CallEntity(), {
        source: '120', externalId: 'READ-120-NEW', relatedExternalIds: ['READ-110-7'], receivedAt: new Date(),
        lng: 118.31, lat: 36.81, accuracyM: 10, type: null, category: 'HEALTH',
      });

      await client.query(`PREPARE ${READ_PREPARED.name} AS ${READ_PREPARED.sql}`);
      await client.query('BEGIN');
      try {
        // The opening's two statements in one simple-protocol message, as the intake sends them: one result each.
        const results = (await client.query(`${openBatchSql([])}; ${executeReadSql([call], DEFAULT_LINKING_CONFIG)}`)) as unknown as pg.QueryResult[];
        const rows = results[1]!.rows;
        const { candidates, stored } = parseRead(rows);
        expect(stored.size).toBe(0);
        expect(candidates).toHaveLength(1);
        expect(candidates[0]!.incident.sources).toEqual(['110', '119']);
        expect(candidates[0]!.refs.sort((a, b) => a.externalId.localeCompare(b.externalId))).toEqual([
          { source: '110', externalId: 'READ-110-7', relatedExternalIds: [] },
          { source: '119', externalId: 'READ-119-99', relatedExternalIds: ['READ-120-NEW'] },
        ]);
      } finally {
        await client.query('ROLLBACK');
      }
    });
  });
});
