import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The spine: event log (append-only), jurisdictions, users, resources, road network, durable timers. */
export class Spine1732400000000 implements MigrationInterface {
  name = 'Spine1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "events" ("seq" BIGSERIAL NOT NULL, "type" text NOT NULL, "aggregate_type" text NOT NULL, "aggregate_id" text NOT NULL, "jurisdiction_id" uuid, "actor_type" text NOT NULL, "actor_id" text, "actor_name" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "payload" jsonb NOT NULL, CONSTRAINT "PK_44840d7c5944a3bfbf21a6113d8" PRIMARY KEY ("seq"))`);
    await q.query(`CREATE INDEX "events_jurisdiction_seq_idx" ON "events"  ("jurisdiction_id", "seq") `);
    await q.query(`CREATE INDEX "events_aggregate_idx" ON "events"  ("aggregate_type", "aggregate_id", "seq") `);
    await q.query(`CREATE TABLE "jurisdictions" ("id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "level" text NOT NULL, "parent_id" uuid, "geometry" jsonb, "centroid" jsonb, CONSTRAINT "PK_7cc0bed21c9e2b32866c1109ec5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "jurisdictions_code_key" ON "jurisdictions"  ("code") `);
    await q.query(`CREATE INDEX "jurisdictions_parent_idx" ON "jurisdictions"  ("parent_id") `);
    await q.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "jurisdiction_id" uuid NOT NULL, "team_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "users_username_key" ON "users"  ("username") `);
    await q.query(`CREATE TABLE "teams" ("id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "specialty" text NOT NULL, "rating" integer, "capabilities" text array NOT NULL, "headcount" integer NOT NULL, "jurisdiction_id" uuid NOT NULL, "status" text NOT NULL, "lng" double precision NOT NULL, "lat" double precision NOT NULL, "home_lng" double precision NOT NULL, "home_lat" double precision NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "teams_jurisdiction_idx" ON "teams"  ("jurisdiction_id") `);
    await q.query(`CREATE TABLE "warehouses" ("id" uuid NOT NULL, "name" text NOT NULL, "jurisdiction_id" uuid NOT NULL, "lng" double precision NOT NULL, "lat" double precision NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_56ae21ee2432b2270b48867e4be" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "warehouses_jurisdiction_idx" ON "warehouses"  ("jurisdiction_id") `);
    await q.query(`CREATE TABLE "stock_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "warehouse_id" uuid NOT NULL, "code" character(7) NOT NULL, "name" text NOT NULL, "unit" text NOT NULL, "quantity" numeric(14,2) NOT NULL, CONSTRAINT "PK_0b9076412a58c8608b2bd26574c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "stock_lines_warehouse_code_key" ON "stock_lines"  ("warehouse_id", "code") `);
    await q.query(`CREATE TABLE "shelters" ("id" uuid NOT NULL, "name" text NOT NULL, "shelter_class" text NOT NULL, "jurisdiction_id" uuid NOT NULL, "lng" double precision NOT NULL, "lat" double precision NOT NULL, "area_m2" integer NOT NULL, "physical_capacity" integer NOT NULL, "staffed_capacity" integer NOT NULL, "occupancy" integer NOT NULL DEFAULT '0', "status" text NOT NULL DEFAULT 'closed', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_91ad96be54ee26203d624b96f5f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "shelters_jurisdiction_idx" ON "shelters"  ("jurisdiction_id") `);
    await q.query(`CREATE TABLE "road_segments" ("id" text NOT NULL, "road_class" text NOT NULL, "name" text, "speed_kmh" integer NOT NULL, "geometry" jsonb NOT NULL, CONSTRAINT "PK_32eb82f0761f8c1b20aee0b9d5c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "timers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "key" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payload" jsonb NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d13ea0d2fe75274ca5a9576aae6" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "timers_key_key" ON "timers"  ("key") `);
    await q.query(`CREATE INDEX "timers_pending_idx" ON "timers"  ("due_at") WHERE fired_at IS NULL AND cancelled_at IS NULL`);
    await q.query(`CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP;
    END $$`);
    await q.query(`CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON "events" FOR EACH ROW EXECUTE FUNCTION events_append_only()`);
    await q.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER events_no_truncate ON "events"`);
    await q.query(`DROP TRIGGER events_no_update ON "events"`);
    await q.query(`DROP FUNCTION events_append_only()`);
    await q.query(`DROP TABLE "timers"`);
    await q.query(`DROP TABLE "road_segments"`);
    await q.query(`DROP TABLE "shelters"`);
    await q.query(`DROP TABLE "stock_lines"`);
    await q.query(`DROP TABLE "warehouses"`);
    await q.query(`DROP TABLE "teams"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "jurisdictions"`);
    await q.query(`DROP TABLE "events"`);
  }
}
