import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from './app-config';
import { ConfigError } from './environment';

const KEY = 'ab'.repeat(32);

describe('loadConfig', () => {
  it('names the variable, never its value, when a value is invalid', () => {
    const secretish = 'postgres-but-not-a-url-SECRET';
    assert.throws(
      () => loadConfig({ DATABASE_URL: secretish, PORT: 'eighty', ADMIN_API_KEY: 'x'.repeat(30), ENCRYPTION_KEY: KEY }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.variables.sort(), ['DATABASE_URL', 'PORT']);
        assert.ok(!error.message.includes(secretish));
        assert.ok(!error.message.includes('eighty'));
        return true;
      },
    );
  });

  it('rejects a short admin key and a malformed encryption key without echoing them', () => {
    assert.throws(() => loadConfig({ ADMIN_API_KEY: 'short-KEY', ENCRYPTION_KEY: 'nothex' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.variables.sort(), ['ADMIN_API_KEY', 'ENCRYPTION_KEY']);
      assert.ok(!error.message.includes('short-KEY') && !error.message.includes('nothex'));
      return true;
    });
  });

  it('requires ADMIN_API_KEY and ENCRYPTION_KEY in production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.variables, ['ADMIN_API_KEY', 'ENCRYPTION_KEY']);
      return true;
    });
    const config = loadConfig({ NODE_ENV: 'production', ADMIN_API_KEY: 'p'.repeat(32), ENCRYPTION_KEY: KEY });
    assert.equal(config.sandbox, false, 'the sandbox is off by default in production');
    assert.equal(config.host, '0.0.0.0');
  });

  it('generates the keys once in development, keeps them in DATA_DIR and reuses them', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    assert.equal(first.generatedAdminKey, true);
    assert.match(first.adminApiKey, /^dsb_admin_/);
    const file = join(dataDir, 'secrets.json');
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const second = loadConfig({ DATA_DIR: dataDir });
    assert.equal(second.generatedAdminKey, false);
    assert.equal(second.adminApiKey, first.adminApiKey);
    assert.deepEqual(second.encryptionKeys, first.encryptionKeys);
    assert.ok(readFileSync(file, 'utf8').includes(first.adminApiKey));
    assert.equal(second.sandbox, true, 'the sandbox is on by default in development');
  });

  it('accepts previous encryption keys for rotation, current first', () => {
    const old = 'cd'.repeat(32);
    const config = loadConfig({ ADMIN_API_KEY: 'a'.repeat(30), ENCRYPTION_KEY: KEY, ENCRYPTION_KEYS_PREVIOUS: old });
    assert.deepEqual(config.encryptionKeys.map((k) => k.toString('hex')), [KEY, old]);
  });
});
