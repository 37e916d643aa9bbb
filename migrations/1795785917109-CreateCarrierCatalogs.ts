import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateCarrierCatalogs1795785917109 implements MigrationInterface {
    name = 'CreateCarrierCatalogs1795785917109'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "carrier_catalogs" ("connection_id" uuid NOT NULL, "connection_version" TIMESTAMP WITH TIME ZONE NOT NULL, "catalog" jsonb NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_147695c214962ff52f198593983" PRIMARY KEY ("connection_id"))`);
        await queryRunner.query(`ALTER TABLE "carrier_catalogs" ADD CONSTRAINT "FK_147695c214962ff52f198593983" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "carrier_catalogs" DROP CONSTRAINT "FK_147695c214962ff52f198593983"`);
        await queryRunner.query(`DROP TABLE "carrier_catalogs"`);
    }

}
