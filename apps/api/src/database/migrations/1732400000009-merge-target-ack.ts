import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A merge that handed the target the source's acknowledgement clock (ackAfterMerge) remembers the
 * target's own, so undoing it gives the target its own clock back (ackAfterUnmergeOfTarget): the
 * source's callers have left with the source.
 */
export class MergeTargetAck1732400000009 implements MigrationInterface {
  name = 'MergeTargetAck1732400000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "incident_merges" ADD "target_ack_before" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "incident_merges" DROP COLUMN "target_ack_before"`);
  }
}
