import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for intake's candidate search under load: open incidents by position (a GiST index on a
 * built-in point, no PostGIS) and calls by the case ids they cross-reference (GIN on the array).
 * Without them every call scanned all open incidents and every call row.
 */
export class IntakeSearchIndexes1732400000002 implements MigrationInterface {
  name = 'IntakeSearchIndexes1732400000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "incidents_open_point_idx" ON "incidents" USING gist (point("lng", "lat"))
        WHERE "status" IN ('reported', 'acknowledged', 'responding', 'controlled') AND "lng" IS NOT NULL AND "lat" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "calls_related_external_ids_idx" ON "calls" USING gin ("related_external_ids")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "calls_related_external_ids_idx"`);
    await q.query(`DROP INDEX "incidents_open_point_idx"`);
  }
}
