import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Unified alarm intake: integration keys, calls, incidents, merges. */
export class Intake1732400000001 implements MigrationInterface {
  name = 'Intake1732400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE incident_code_seq`);
    await q.query(`CREATE TABLE "intake_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text NOT NULL, "label" text NOT NULL, "key_hash" text NOT NULL, "key_prefix" text NOT NULL, "jurisdiction_id" uuid NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4fef5b0d25349253a4cea461c11" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "intake_keys_hash_key" ON "intake_keys"  ("key_hash") `);
    await q.query(`CREATE TABLE "calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text NOT NULL, "external_id" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "caller" jsonb, "lng" double precision, "lat" double precision, "accuracy_m" double precision, "address" text, "category" text, "type" text, "description" text, "casualties" jsonb, "economic_loss_cny" numeric(16,2), "burned_area_ha" double precision, "magnitude" double precision, "related_external_ids" text array NOT NULL DEFAULT '{}', "incident_id" uuid NOT NULL, "original_incident_id" uuid NOT NULL, "link_reason" jsonb, "intake_key_id" uuid, "entered_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9171d91f8dd1a649659f1b6a20" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "calls_external_id_idx" ON "calls"  ("external_id") `);
    await q.query(`CREATE INDEX "calls_incident_idx" ON "calls"  ("incident_id") `);
    await q.query(`CREATE UNIQUE INDEX "calls_source_external_key" ON "calls"  ("source", "external_id") `);
    await q.query(`CREATE TABLE "incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "title" text NOT NULL, "status" text NOT NULL, "category" text, "type" text, "grade" text, "grade_basis" jsonb, "lng" double precision, "lat" double precision, "location_accuracy_m" double precision, "address" text, "jurisdiction_id" uuid NOT NULL, "figures" jsonb NOT NULL, "sources" text array NOT NULL, "call_count" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_call_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_call_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" uuid, "ack_deadline_at" TIMESTAMP WITH TIME ZONE, "ack_overdue_level" integer NOT NULL DEFAULT '0', "merged_into" uuid, "status_before_merge" text, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "incidents_code_key" ON "incidents"  ("code") `);
    await q.query(`CREATE INDEX "incidents_jurisdiction_idx" ON "incidents"  ("jurisdiction_id", "created_at") `);
    await q.query(`CREATE INDEX "incidents_open_idx" ON "incidents"  ("status", "last_call_at") `);
    await q.query(`CREATE TABLE "incident_merges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_incident_id" uuid NOT NULL, "target_incident_id" uuid NOT NULL, "moved_call_ids" uuid array NOT NULL, "reason" text NOT NULL, "merged_by" uuid NOT NULL, "merged_at" TIMESTAMP WITH TIME ZONE NOT NULL, "undone_at" TIMESTAMP WITH TIME ZONE, "undone_by" uuid, CONSTRAINT "PK_219affdb09478201bd8d8df888b" PRIMARY KEY ("id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE incident_code_seq`);
    await q.query(`DROP TABLE "incident_merges"`);
    await q.query(`DROP TABLE "incidents"`);
    await q.query(`DROP TABLE "calls"`);
    await q.query(`DROP TABLE "intake_keys"`);
  }
}
