import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  it('refuses a data directory held by a live process, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const holder = spawn(process.execPath, ['-e', `require(${JSON.stringify(__filename.replace(/\.spec\.js$/, '.js'))}).lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setTimeout(() => {}, 30000)`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      assert.throws(() => lockDataDir(dir), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.equal(error.pid, holder.pid);
        assert.match(error.message, /in use by process \d+.*DATABASE_URL/s);
        return true;
      });
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a dead process, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'app.lock'), '999999');
    const release = lockDataDir(dir);
    assert.equal(readFileSync(join(dir, 'app.lock'), 'utf8'), String(process.pid));
    release();
    assert.equal(existsSync(join(dir, 'app.lock')), false);
  });
});
