import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A merge remembers the target's figures from before it, so undoing it gives back exactly what the
 * merge brought (the source's figures, its officers' corrections among them) and nothing the target
 * had itself. Merges made before this have none: their undo falls back to the figures of the calls.
 */
export class MergeTargetFigures1732400000006 implements MigrationInterface {
  name = 'MergeTargetFigures1732400000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "incident_merges" ADD "target_figures_before" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "incident_merges" DROP COLUMN "target_figures_before"`);
  }
}
