import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `"status" IN ('reported', 'acknowledged', 'responding', 'controlled') AND "lng" IS NOT NULL AND "lat" IS NOT NULL`;

/**
 * Open incidents indexed by their reach: the box their position accuracy covers around them, not
 * the bare point. The point index made every intake search pad its box by the largest accuracy any
 * incident might have (2 km by default): hundreds of incidents read for each call to keep a handful.
 * Searching by overlap of the call's reach with each incident's reach reads only those that can be
 * near it. An immutable SQL function so the index and the query spell the box the same way.
 */
export class IncidentReachIndex1732400000004 implements MigrationInterface {
  name = 'IncidentReachIndex1732400000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION incident_reach_box(lng float8, lat float8, accuracy_m float8) RETURNS box
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT box(point(lng - greatest(coalesce(accuracy_m, 0), 0) / (111320 * cos(radians(lat))), lat - greatest(coalesce(accuracy_m, 0), 0) / 111320),
                   point(lng + greatest(coalesce(accuracy_m, 0), 0) / (111320 * cos(radians(lat))), lat + greatest(coalesce(accuracy_m, 0), 0) / 111320))
      $$`);
    await q.query(`CREATE INDEX "incidents_open_reach_idx" ON "incidents" USING gist (incident_reach_box("lng", "lat", "location_accuracy_m")) WHERE ${OPEN}`);
    await q.query(`DROP INDEX "incidents_open_point_idx"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "incidents_open_point_idx" ON "incidents" USING gist (point("lng", "lat")) WHERE ${OPEN}`);
    await q.query(`DROP INDEX "incidents_open_reach_idx"`);
    await q.query(`DROP FUNCTION incident_reach_box(float8, float8, float8)`);
  }
}
