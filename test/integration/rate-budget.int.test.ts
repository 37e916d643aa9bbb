import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { ShipStationSimulator, startShipStationSimulator, DEFAULT_SHIPSTATION_CREDENTIALS } from '../../src/sandbox/shipstation/shipstation-simulator';
import { DearSimulator, startDearSimulator } from '../../src/sandbox/dear/dear-simulator';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { UpstreamClients } from '../../src/upstream/upstream-clients.service';
import { connectionBody } from '../factories/connection.factory';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { provisionTestDatabase, TestDatabase } from '../support/test-database';

const WINDOW_MS = 1000;
const SS_LIMIT = 5;
const DEAR_LIMIT = 6;

/** The most calls that started within any interval of `windowMs` (a sliding check, stricter than fixed windows). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/**
 * SPEC §3/§8: instances on one PostgreSQL share each credential's budget. Two app instances
 * on one database make three windows' worth of calls each way against simulators with a
 * compressed window: every call succeeds first time, and no window sees more than the limit.
 * Needs a PostgreSQL server: the embedded database serves one process and one connection.
 */
describe('shared rate budget across two instances (integration)', { skip: !process.env.DATABASE_URL && 'needs DATABASE_URL (two instances share one server)' }, () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let shipstation: ShipStationSimulator;
  let dear: DearSimulator;
  let connectionId: string;

  before(async () => {
    database = await provisionTestDatabase();
    shipstation = await startShipStationSimulator({ rateLimit: { limit: SS_LIMIT, windowMs: WINDOW_MS } });
    dear = await startDearSimulator({ rateLimit: { limit: DEAR_LIMIT, windowMs: WINDOW_MS } });
    // One attempt only: a 429 must surface, not be hidden by a retry.
    const env = { DATABASE_URL: database.url!, UPSTREAM_WINDOW_MS: String(WINDOW_MS), UPSTREAM_MAX_ATTEMPTS: '1', UPSTREAM_BUDGET_WAIT_MS: '30000' };
    a = await startTestApp(env);
    b = await startTestApp({ ...env, ADMIN_API_KEY: a.adminKey, ENCRYPTION_KEY: a.config.encryptionKeys[0].toString('hex') });
    const created = await a.http().post('/v1/connections').set(bearer(a.adminKey)).send(
      connectionBody({
        dear: { accountId: SEED.accountId, applicationKey: SEED.applicationKey, baseUrl: dear.url },
        shipstation: { ...DEFAULT_SHIPSTATION_CREDENTIALS, baseUrl: shipstation.url },
        limits: { shipstationPerMinute: SS_LIMIT, dearPerMinute: DEAR_LIMIT },
      }),
    );
    assert.equal(created.status, 201);
    connectionId = created.body.id;
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await shipstation?.close();
    await dear?.close();
    await database?.drop();
  });

  it('keeps ShipStation and DEAR calls inside the limit with no 429/503', async () => {
    const started = Date.now();
    const [ca, cb] = await Promise.all([a, b].map((t) => t.running.app.get(UpstreamClients).forConnection(connectionId)));
    const ssCalls = 3 * SS_LIMIT;
    const dearCalls = 3 * DEAR_LIMIT;
    const results = await Promise.allSettled([
      ...Array.from({ length: ssCalls }, (_, i) => (i % 2 ? ca : cb).shipstation.carriers()),
      ...Array.from({ length: dearCalls }, (_, i) => (i % 2 ? ca : cb).dear.me()),
    ]);
    const failures = results.filter((r) => r.status === 'rejected');
    assert.deepEqual(failures, [], 'every call succeeded on its first attempt');

    const ssSeen = shipstation.requests.filter((r) => r.path === '/carriers');
    const dearSeen = dear.requests.filter((r) => r.path.toLowerCase() === '/me');
    assert.equal(ssSeen.length, ssCalls);
    assert.equal(dearSeen.length, dearCalls);
    assert.ok([...ssSeen, ...dearSeen].every((r) => r.status === 200), 'no 429/503 was received');
    const ssBusiest = busiestWindow(ssSeen.map((r) => r.at.getTime()), WINDOW_MS);
    const dearBusiest = busiestWindow(dearSeen.map((r) => r.at.getTime()), WINDOW_MS);
    assert.ok(ssBusiest <= SS_LIMIT, `ShipStation busiest window ${ssBusiest} > ${SS_LIMIT}`);
    assert.ok(dearBusiest <= DEAR_LIMIT, `DEAR busiest window ${dearBusiest} > ${DEAR_LIMIT}`);
    const elapsed = Date.now() - started;
    // Three windows' worth needs at least two full windows of waiting: the budget paced, not bounced.
    assert.ok(elapsed >= 2 * WINDOW_MS, `took ${elapsed} ms`);
    process.stdout.write(`# budget: ${ssCalls} ShipStation + ${dearCalls} DEAR calls from 2 instances in ${elapsed} ms; busiest ${WINDOW_MS} ms window: ShipStation ${ssBusiest}/${SS_LIMIT}, DEAR ${dearBusiest}/${DEAR_LIMIT}\n`);
  });

  it('answers 503 with Retry-After when the wait would exceed the bound', async () => {
    const t = await startTestApp({ DATABASE_URL: database.url!, UPSTREAM_WINDOW_MS: '60000', UPSTREAM_BUDGET_WAIT_MS: '0', ADMIN_API_KEY: a.adminKey, ENCRYPTION_KEY: a.config.encryptionKeys[0].toString('hex') });
    try {
      await t.running.app.get(DataSource).query('DELETE FROM upstream_budgets');
      shipstation.reset(); // the simulator's own window from the previous test
      const clients = await t.running.app.get(UpstreamClients).forConnection(connectionId);
      // Under a 60 s window the 5-call budget is spent after 5 calls; the 6th must not wait.
      const results = await Promise.allSettled(Array.from({ length: SS_LIMIT + 1 }, () => clients.shipstation.stores()));
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(refused.length, 1, refused.map((r) => String(r.reason?.code ?? r.reason)).join(', '));
      assert.equal(refused[0].reason.code, 'upstream_budget_exhausted');
      assert.equal(refused[0].reason.status, 503);
      assert.ok(refused[0].reason.extra.retryAfterSeconds >= 1);
    } finally {
      await t.close();
    }
  });
});
