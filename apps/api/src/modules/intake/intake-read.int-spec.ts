import pg from 'pg';
import { INCIDENT_CATEGORIES, INCIDENT_TYPES, categoryOfType, incidentKindKey, type CallSource, type IncidentCategory, type IncidentType } from '@beacon/domain';
import { cloneDatabase } from '../../testing/test-app.js';
import { pgArray } from '../../database/sql-literal.js';
import { incidentKindKeySql } from './intake-read.js';

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
});
