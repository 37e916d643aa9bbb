import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { createApp, RunningApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { provisionTestDatabase } from './test-database';

export interface TestApp {
  running: RunningApp;
  config: AppConfig;
  /** Base URL of the app listening on a real loopback socket. */
  url: string;
  adminKey: string;
  /** supertest bound to the live server. */
  http: () => supertest.Agent;
  /** Every JSON log line the app wrote, raw. */
  logs: string[];
  close(): Promise<void>;
}

/** Starts the real app on its own database and a random port, capturing its logs. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await provisionTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'dsb-test-'));
  const adminKey = `dsb_admin_test_${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    ADMIN_API_KEY: adminKey,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SANDBOX: '0',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const running = await createApp(config, { logDestination: destination, embeddedInMemory: true });
  await running.app.listen(0, '127.0.0.1');
  const { port } = running.app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    running,
    config,
    url,
    adminKey,
    http: () => supertest.agent(url),
    logs,
    async close() {
      await running.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function bearer(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
}
