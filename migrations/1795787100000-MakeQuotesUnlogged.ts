import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quotes live five minutes and can always be asked for again; every uncached rate request
 * writes one. Skipping the WAL keeps that write off the disk-flush path. If the database server
 * crashes, PostgreSQL empties the table: open rateIds then answer quote_expired and the client
 * quotes again — nothing is bought or lost.
 */
export class MakeQuotesUnlogged1795787100000 implements MigrationInterface {
  name = 'MakeQuotesUnlogged1795787100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quotes" SET UNLOGGED`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quotes" SET LOGGED`);
  }
}
