/**
 * The environment of the labels burst (bench/labels.bench.ts, part 2): like
 * support/environment.ts, except that DEAR runs at its REAL budget on both sides:
 *
 * - the DEAR simulator limits the account to 60 calls per fixed 60 000 ms window and answers
 *   429 with `Retry-After` beyond that (its default, dear.md §1.4);
 * - the service runs with `UPSTREAM_WINDOW_MS=60000` (the production default) and the
 *   connection's `limits.dearPerMinute` 60;
 * - ShipStation stays opened up (simulator 1,000,000/min, connection 1000/min): it is not what is
 *   measured here;
 * - the connection's freight mode is `none`, so a write-back costs the fewest DEAR calls (one
 *   `GET /sale`, one `POST /sale/fulfilment/ship`).
 *
 * Everything else is the production default (UPSTREAM_BUDGET_WAIT_MS unless BENCH_LABELS_BUDGET_WAIT_MS
 * overrides it for a diagnostic run, WRITE_BACK_* …).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, RunningApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { DearSimulator, RateLimitConfig, SEED, startDearSimulator } from '../../src/sandbox/dear/dear-simulator';
import { DEFAULT_SHIPSTATION_CREDENTIALS, ShipStationSimulator, startShipStationSimulator } from '../../src/sandbox/shipstation/shipstation-simulator';
import { Database, provisionDatabase } from './environment';

/** DEAR's real budget (reference/dear.md §1.4), on the simulator and in the service. */
export const DEAR_REAL_LIMIT: Required<RateLimitConfig> = { limit: 60, windowMs: 60_000, throttleStyle: '429', retryAfter: 'seconds' };
export const SERVICE_WINDOW_MS = 60_000;
export const SERVICE_DEAR_PER_MINUTE = 60;
const SHIPSTATION_OPEN = { limit: 1_000_000, windowMs: 60_000 };
const SERVICE_SHIPSTATION_PER_MINUTE = 1000;

export interface LabelsBurstEnvironment {
  url: string;
  adminKey: string;
  connectionId: string;
  running: RunningApp;
  config: AppConfig;
  database: Database;
  shipstation: ShipStationSimulator;
  dear: DearSimulator;
  budgetNote: string;
  close(): Promise<void>;
}

export async function startLabelsBurstEnvironment(): Promise<LabelsBurstEnvironment> {
  const database = await provisionDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'dsb-bench-labels-'));
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(dataDir, { recursive: true, force: true }), () => database.drop()];
  const close = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  };
  try {
    const [shipstation, dear] = await Promise.all([
      startShipStationSimulator({ latencyMs: 0, rateLimit: SHIPSTATION_OPEN }),
      startDearSimulator({ latencyMs: 0, rateLimit: DEAR_REAL_LIMIT }),
    ]);
    cleanups.push(() => shipstation.close(), () => dear.close());

    const adminKey = `dsb_admin_bench_${randomBytes(16).toString('hex')}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      ADMIN_API_KEY: adminKey,
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      SANDBOX: '0',
      UPSTREAM_WINDOW_MS: String(SERVICE_WINDOW_MS),
      // Diagnostic knob only (default: the production default): how long a call may wait for a budget slot.
      ...(process.env.BENCH_LABELS_BUDGET_WAIT_MS ? { UPSTREAM_BUDGET_WAIT_MS: process.env.BENCH_LABELS_BUDGET_WAIT_MS } : {}),
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    });
    const running = await createApp(config, { embeddedInMemory: true, defaultMetrics: true });
    cleanups.push(() => running.close());
    await running.app.listen(0, '127.0.0.1');
    const { port } = running.app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;

    const res = await fetch(`${url}/v1/connections`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Bench labels burst',
        dear: { accountId: SEED.accountId, applicationKey: SEED.applicationKey, baseUrl: dear.url },
        shipstation: { ...DEFAULT_SHIPSTATION_CREDENTIALS, baseUrl: shipstation.url },
        shippingService: {
          enabled: true,
          currency: 'USD',
          shipFrom: { name: 'Acme Warehouse', street1: '500 Congress Ave', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
          freight: { mode: 'none' },
        },
        limits: { shipstationPerMinute: SERVICE_SHIPSTATION_PER_MINUTE, dearPerMinute: SERVICE_DEAR_PER_MINUTE },
      }),
    });
    const body = (await res.json()) as { id?: string };
    if (res.status !== 201 || !body.id) throw new Error(`could not create the connection: ${res.status} ${JSON.stringify(body)}`);

    return {
      url,
      adminKey,
      connectionId: body.id,
      running,
      config,
      database,
      shipstation,
      dear,
      budgetNote:
        `DEAR at its real budget: simulator ${DEAR_REAL_LIMIT.limit} calls per fixed ${DEAR_REAL_LIMIT.windowMs / 1000} s window (429 + Retry-After beyond), ` +
        `service UPSTREAM_WINDOW_MS=${SERVICE_WINDOW_MS}, limits.dearPerMinute=${SERVICE_DEAR_PER_MINUTE}, UPSTREAM_BUDGET_WAIT_MS=${config.upstreamBudgetWaitMs}; ` +
        `ShipStation opened up (simulator ${SHIPSTATION_OPEN.limit.toLocaleString('en-US')}/min, limits.shipstationPerMinute=${SERVICE_SHIPSTATION_PER_MINUTE}); freight mode none.`,
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
