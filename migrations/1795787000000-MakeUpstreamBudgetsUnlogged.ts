import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate budget is written on every upstream call. Its rows are worth nothing after a crash
 * (the upstream's own rate headers correct the first calls), so the table skips the WAL: no
 * commit waits for a disk flush on the hot path.
 */
export class MakeUpstreamBudgetsUnlogged1795787000000 implements MigrationInterface {
  name = 'MakeUpstreamBudgetsUnlogged1795787000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "upstream_budgets" SET UNLOGGED`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "upstream_budgets" SET LOGGED`);
  }
}
