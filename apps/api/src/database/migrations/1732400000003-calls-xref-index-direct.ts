import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GIN index on calls' cross-referenced case ids is searched by every intake batch. With GIN's
 * default fast update, new entries wait in an unsorted pending list until a vacuum merges them, and
 * every search reads the whole list: under a surge of calls each search got slower with each call
 * stored since the last vacuum. Entries now go straight into the index; its pending list is merged.
 */
export class CallsXrefIndexDirect1732400000003 implements MigrationInterface {
  name = 'CallsXrefIndexDirect1732400000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX "calls_related_external_ids_idx" SET (fastupdate = off)`);
    await q.query(`SELECT gin_clean_pending_list('calls_related_external_ids_idx'::regclass)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX "calls_related_external_ids_idx" RESET (fastupdate)`);
  }
}
