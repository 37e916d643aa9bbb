import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../src/common/crypto/secret-box';
import { ConnectionsService } from '../../src/connections/connections.service';
import { ConnectionEntity } from '../../src/connections/entities/connection.entity';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../../src/database/embedded-database';
import { DomainError } from '../../src/common/errors/domain-error';
import { connectionBody } from '../factories/connection.factory';
import { provisionTestDatabase, TestDatabase } from '../support/test-database';

describe('database (integration)', () => {
  let database: TestDatabase;
  let embedded: EmbeddedDatabase | undefined;
  let ds: DataSource;

  before(async () => {
    database = await provisionTestDatabase();
    embedded = database.url ? undefined : await startEmbeddedDatabase(undefined);
    const url = database.url ?? embedded!.url;
    ds = new DataSource(buildDataSourceOptions(url, { embedded: !database.url, poolSize: 10 }));
    await ds.initialize();
  });
  after(async () => {
    await ds?.destroy();
    await embedded?.close();
    await database?.drop();
  });

  it('applies every migration, reverts each with its down(), and applies them again', async () => {
    const applied = await ds.runMigrations();
    assert.ok(applied.length >= 1);
    const tables = async () => (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map((r: { tablename: string }) => r.tablename);
    assert.ok((await tables()).includes('connections'));
    for (let i = 0; i < applied.length; i++) await ds.undoLastMigration();
    assert.deepEqual(await tables(), ['typeorm_migrations']);
    assert.equal((await ds.runMigrations()).length, applied.length);
  });

  it('has no schema drift between entities and migrations', async () => {
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    assert.deepEqual(sql.upQueries.map((q) => q.query), []);
  });

  it('lets only one of two racing syncing connections for one DEAR account in (partial unique index)', async () => {
    await ds.runMigrations();
    const service = new ConnectionsService(ds.getRepository(ConnectionEntity), new SecretBox([randomBytes(32)]));
    const dear = connectionBody().dear;
    const results = await Promise.allSettled(
      ['custom_store', 'shipstation_store', 'shipstation_store'].map((mode) =>
        service.create(connectionBody({ dear, orderSync: { mode, customStore: { username: `u-${mode}`, password: 'password-123456' } } }) as never),
      ),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 2);
    for (const r of rejected) {
      assert.ok(r.reason instanceof DomainError, String(r.reason));
      assert.equal(r.reason.code, 'sync_mode_conflict');
      assert.equal(r.reason.status, 409);
    }
  });
});
