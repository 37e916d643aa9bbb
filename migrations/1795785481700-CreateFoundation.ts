import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateFoundation1795785481700 implements MigrationInterface {
    name = 'CreateFoundation1795785481700'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "prefix" text NOT NULL, "secret_hash" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_keys_prefix" ON "api_keys"  ("prefix") `);
        await queryRunner.query(`CREATE TABLE "connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "dear_account_id" text NOT NULL, "dear_application_key_enc" text NOT NULL, "dear_base_url" text NOT NULL, "shipstation_api_key_enc" text NOT NULL, "shipstation_api_secret_enc" text NOT NULL, "shipstation_base_url" text NOT NULL, "order_sync_mode" text NOT NULL DEFAULT 'none', "custom_store_username" text, "custom_store_password_enc" text, "settings" jsonb NOT NULL DEFAULT '{}', "sandbox" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0a1f844af3122354cbd487a8d03" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_connections_custom_store_username" ON "connections"  ("custom_store_username") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_connections_syncing_dear_account" ON "connections"  ("dear_account_id") WHERE "order_sync_mode" <> 'none'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."UQ_connections_syncing_dear_account"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_connections_custom_store_username"`);
        await queryRunner.query(`DROP TABLE "connections"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_api_keys_prefix"`);
        await queryRunner.query(`DROP TABLE "api_keys"`);
    }

}
