import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Absorbing a call rewrites its incident (count, sources, last call, figures, grade), and in a surge
 * one incident takes a call every few seconds. With last_call_at in incidents_open_idx every such
 * rewrite had to add entries to all five of the table's indexes (the GiST reach index among them).
 * Keyed by (status, created_at) — what the incident list filters and sorts by — no index holds a
 * column a call changes, so Postgres updates the row in place on its page (a HOT update, no index
 * entries), given room on the page: fillfactor leaves a quarter of each new page for that.
 */
export class IncidentsHotUpdates1732400000005 implements MigrationInterface {
  name = 'IncidentsHotUpdates1732400000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "incidents_open_idx"`);
    await q.query(`CREATE INDEX "incidents_open_idx" ON "incidents" ("status", "created_at")`);
    await q.query(`ALTER TABLE "incidents" SET (fillfactor = 75)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "incidents" RESET (fillfactor)`);
    await q.query(`DROP INDEX "incidents_open_idx"`);
    await q.query(`CREATE INDEX "incidents_open_idx" ON "incidents" ("status", "last_call_at")`);
  }
}
