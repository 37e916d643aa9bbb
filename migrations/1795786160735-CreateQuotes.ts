import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateQuotes1795786160735 implements MigrationInterface {
    name = 'CreateQuotes1795786160735'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "quotes" ("id" uuid NOT NULL, "connection_id" uuid NOT NULL, "connection_version" TIMESTAMP WITH TIME ZONE NOT NULL, "request_hash" text NOT NULL, "cacheable" boolean NOT NULL, "currency" text NOT NULL, "shipment" jsonb NOT NULL, "rates" jsonb NOT NULL, "errors" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_99a0e8bcbcd8719d3a41f23c263" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_quotes_expires_at" ON "quotes"  ("expires_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_quotes_lookup" ON "quotes"  ("connection_id", "request_hash", "expires_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_quotes_lookup"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_quotes_expires_at"`);
        await queryRunner.query(`DROP TABLE "quotes"`);
    }

}
