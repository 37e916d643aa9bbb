import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { provisionTestDatabase, withClient } from '../../test/support/test-database';
import { createApp, RunningApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { DearSimulator, RateLimitConfig, SEED, startDearSimulator } from '../../src/sandbox/dear/dear-simulator';
import { DEFAULT_SHIPSTATION_CREDENTIALS, ShipStationSimulator, startShipStationSimulator } from '../../src/sandbox/shipstation/shipstation-simulator';

/** Upstream budget settings for measurements: see {@link BenchEnvironment.budgetNote}. */
export const BENCH_WINDOW_MS = 100; // UPSTREAM_WINDOW_MS minimum (src/config/environment.ts)
export const BENCH_PER_WINDOW = 1000; // limits.*PerMinute maximum (connection DTO)
/** Simulators never throttle during a benchmark. */
const SIM_RATE_LIMIT = { limit: 1_000_000, windowMs: 60_000 };

export interface Database {
  /** Human description for the report. */
  label: string;
  kind: 'embedded-in-memory' | 'postgresql';
  url?: string;
  drop(): Promise<void>;
}

/**
 * With DATABASE_URL: a fresh database on that server, dropped afterwards (the tests' own
 * provisioning). Without: the app's embedded in-memory PostgreSQL (PGlite).
 */
export async function provisionDatabase(): Promise<Database> {
  const fresh = await provisionTestDatabase('bench');
  if (!fresh.url) return { label: 'embedded PostgreSQL (PGlite), in memory, one connection', kind: 'embedded-in-memory', drop: fresh.drop };
  const url = new URL(fresh.url);
  const [version] = await withClient(fresh.url, async (c) => (await c.query<{ server_version: string }>('SHOW server_version')).rows.map((r) => r.server_version));
  return {
    label: `PostgreSQL ${version ?? '?'} at ${url.hostname}:${url.port || 5432} (fresh database ${url.pathname.slice(1)}, dropped after)`,
    kind: 'postgresql',
    url: fresh.url,
    drop: fresh.drop,
  };
}

/** The app on a random loopback port, both simulators in process, and one connection to them. */
export interface BenchEnvironment {
  url: string;
  adminKey: string;
  connectionId: string;
  running: RunningApp;
  config: AppConfig;
  database: Database;
  shipstation: ShipStationSimulator;
  dear: DearSimulator;
  /** Basic auth header of the simulator's key pair, as the service sends it. */
  shipstationAuth: string;
  budgetNote: string;
  close(): Promise<void>;
}

/** What differs between benchmarks; the defaults open every budget up (see budgetNote). */
export interface BenchEnvironmentOptions {
  simulatorLimits?: { shipstation?: { limit: number; windowMs: number }; dear?: RateLimitConfig };
  /** Extra service environment (e.g. UPSTREAM_WINDOW_MS). */
  env?: Record<string, string>;
  /** The connection's per-credential limits. */
  limits?: { shipstationPerMinute: number; dearPerMinute: number };
  /** Merged into the connection's shippingService. */
  shippingService?: Record<string, unknown>;
  budgetNote?: (config: AppConfig) => string;
}

export async function startBenchEnvironment(opts: BenchEnvironmentOptions = {}): Promise<BenchEnvironment> {
  const database = await provisionDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'dsb-bench-'));
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(dataDir, { recursive: true, force: true }), () => database.drop()];
  const close = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  };
  try {
    const [shipstation, dear] = await Promise.all([
      startShipStationSimulator({ latencyMs: 0, rateLimit: opts.simulatorLimits?.shipstation ?? SIM_RATE_LIMIT }),
      startDearSimulator({ latencyMs: 0, rateLimit: opts.simulatorLimits?.dear ?? SIM_RATE_LIMIT }),
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
      UPSTREAM_WINDOW_MS: String(BENCH_WINDOW_MS),
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ...opts.env,
    });
    const running = await createApp(config, { embeddedInMemory: true, defaultMetrics: true });
    cleanups.push(() => running.close());
    await running.app.listen(0, '127.0.0.1');
    const { port } = running.app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;

    const connectionId = await createConnection(url, adminKey, shipstation.url, dear.url, opts);
    const { apiKey, apiSecret } = DEFAULT_SHIPSTATION_CREDENTIALS;
    return {
      url,
      adminKey,
      connectionId,
      running,
      config,
      database,
      shipstation,
      dear,
      shipstationAuth: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`,
      budgetNote:
        opts.budgetNote?.(config) ??
        `The upstream budget was opened up for the measurement (UPSTREAM_WINDOW_MS=${BENCH_WINDOW_MS}, ` +
          `limits ${BENCH_PER_WINDOW} calls per window for both upstreams; simulators limit ${SIM_RATE_LIMIT.limit.toLocaleString('en-US')}/min) ` +
          'so it never paces the run; every upstream call still takes its token with its PostgreSQL round trips.',
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

async function createConnection(appUrl: string, adminKey: string, shipstationUrl: string, dearUrl: string, opts: BenchEnvironmentOptions): Promise<string> {
  const res = await fetch(`${appUrl}/v1/connections`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Bench',
      dear: { accountId: SEED.accountId, applicationKey: SEED.applicationKey, baseUrl: dearUrl },
      shipstation: { ...DEFAULT_SHIPSTATION_CREDENTIALS, baseUrl: shipstationUrl },
      shippingService: {
        enabled: true,
        currency: 'USD',
        shipFrom: { name: 'Acme Warehouse', street1: '500 Congress Ave', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
        ...opts.shippingService,
      },
      limits: opts.limits ?? { shipstationPerMinute: BENCH_PER_WINDOW, dearPerMinute: BENCH_PER_WINDOW },
    }),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`could not create the connection: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Header lines every benchmark report starts with. */
export function machineLines(): string[] {
  return [`Node ${process.version} on ${process.platform}/${process.arch}, ${availableParallelism()} cores (os.availableParallelism)`];
}
