import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ApiKeyEntity } from '../api-keys/entities/api-key.entity';
import { CarrierCatalogEntity } from '../carriers/entities/carrier-catalog.entity';
import { ConnectionEntity } from '../connections/entities/connection.entity';
import { LeaseEntity } from '../common/leases/lease.entity';
import { IdempotencyKeyEntity } from '../labels/entities/idempotency-key.entity';
import { LabelDocumentEntity } from '../labels/entities/label-document.entity';
import { LabelEntity } from '../labels/entities/label.entity';
import { QuoteEntity } from '../rates/entities/quote.entity';
import { UpstreamBudgetEntity } from '../upstream/budget/upstream-budget.entity';

/** Every entity of the application; the migration CLI and the app share this list. */
export const ENTITIES = [ApiKeyEntity, ConnectionEntity, UpstreamBudgetEntity, CarrierCatalogEntity, QuoteEntity, LabelEntity, IdempotencyKeyEntity, LabelDocumentEntity, LeaseEntity];

/**
 * One set of TypeORM options for the app, the tests and the migration CLI. Schema changes go
 * only through migrations (STYLE habit 10), so `synchronize` is off everywhere.
 */
export function buildDataSourceOptions(url: string, opts: { embedded: boolean; poolSize?: number; migrationsRun?: boolean }): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.js')],
    migrationsTableName: 'typeorm_migrations',
    migrationsRun: opts.migrationsRun ?? false,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed (PGlite ships none preloaded).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    // Embedded: exactly one connection (see embedded-database.ts); a stray query outside the
    // open transaction then fails after the timeout instead of deadlocking.
    poolSize: opts.embedded ? 1 : opts.poolSize ?? 10,
    extra: { connectionTimeoutMillis: opts.embedded ? 15000 : 10000 },
  };
}
