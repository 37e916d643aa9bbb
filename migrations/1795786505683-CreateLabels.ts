import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateLabels1795786505683 implements MigrationInterface {
    name = 'CreateLabels1795786505683'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "leases" ("key" text NOT NULL, "holder" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_daeaa1b58c852fecef65f3e189f" PRIMARY KEY ("key"))`);
        await queryRunner.query(`CREATE TABLE "idempotency_keys" ("api_key_id" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "label_id" uuid, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_913ded668c974d019eb0196e639" PRIMARY KEY ("api_key_id", "key"))`);
        await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_created_at" ON "idempotency_keys"  ("created_at") `);
        await queryRunner.query(`CREATE TABLE "label_documents" ("key" text NOT NULL, "content_type" text NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ecd0df1a07105ba40d64bf273a6" PRIMARY KEY ("key"))`);
        await queryRunner.query(`CREATE TABLE "labels" ("id" uuid NOT NULL, "connection_id" uuid NOT NULL, "status" text NOT NULL, "sale_id" uuid, "fulfilment_task_id" uuid, "box" text, "natural_key" text, "quote_id" uuid, "rate_id" text, "purchase" jsonb NOT NULL, "reference" text NOT NULL, "purchase_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "tracking_number" text, "shipment_cost" bigint, "insurance_cost" bigint, "currency" text NOT NULL, "shipstation_shipment_id" bigint, "has_document" boolean NOT NULL DEFAULT false, "has_form" boolean NOT NULL DEFAULT false, "last_error" text, "purchased_at" TIMESTAMP WITH TIME ZONE, "voided_at" TIMESTAMP WITH TIME ZONE, "write_back_status" text NOT NULL, "write_back_attempts" integer NOT NULL DEFAULT '0', "write_back_last_error" text, "write_back_completed_at" TIMESTAMP WITH TIME ZONE, "write_back_outcome" jsonb, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0c4e97f76f1f3a268c7a70b925" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_labels_write_back" ON "labels"  ("write_back_status") `);
        await queryRunner.query(`CREATE INDEX "IDX_labels_settle" ON "labels"  ("status", "purchase_deadline") `);
        await queryRunner.query(`CREATE INDEX "IDX_labels_sale" ON "labels"  ("connection_id", "sale_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_labels_list" ON "labels"  ("created_at", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_labels_active_box" ON "labels"  ("connection_id", "natural_key") WHERE "natural_key" IS NOT NULL AND "status" IN ('pending', 'purchased')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."UQ_labels_active_box"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_labels_list"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_labels_sale"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_labels_settle"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_labels_write_back"`);
        await queryRunner.query(`DROP TABLE "labels"`);
        await queryRunner.query(`DROP TABLE "label_documents"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_idempotency_keys_created_at"`);
        await queryRunner.query(`DROP TABLE "idempotency_keys"`);
        await queryRunner.query(`DROP TABLE "leases"`);
    }

}
