import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A call whose source clock ran ahead of the server's is kept at the server's time (acceptedReceivedAt),
 * and the source's own time is kept here for the record; null for every other call.
 */
export class CallsReportedReceivedAt1732400000008 implements MigrationInterface {
  name = 'CallsReportedReceivedAt1732400000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "calls" ADD "reported_received_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "calls" DROP COLUMN "reported_received_at"`);
  }
}
