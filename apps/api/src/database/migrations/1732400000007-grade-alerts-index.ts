import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events that start and end the loud grade-raise alerts (raises, officers' grade changes, and the
 * command center's "seen"), per incident, newest last: GET /api/incidents/grade-raises probes it once
 * per open incident instead of walking each incident's every call event. Intake's appends of other
 * event types only test the predicate.
 */
export class GradeAlertsIndex1732400000007 implements MigrationInterface {
  name = 'GradeAlertsIndex1732400000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "events_grade_alerts_idx" ON "events" ("aggregate_id", "seq") WHERE type IN ('incident.grade_raised', 'incident.grade_changed', 'incident.grade_raise_seen')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "events_grade_alerts_idx"`);
  }
}
