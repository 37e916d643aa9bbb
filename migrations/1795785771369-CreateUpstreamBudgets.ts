import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateUpstreamBudgets1795785771369 implements MigrationInterface {
    name = 'CreateUpstreamBudgets1795785771369'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "upstream_budgets" ("key" text NOT NULL, "calls" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}', "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ddf82025769f4968706c41f9bf7" PRIMARY KEY ("key"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "upstream_budgets"`);
    }

}
