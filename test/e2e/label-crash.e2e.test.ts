import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { DEFAULT_SHIPSTATION_CREDENTIALS } from '../../src/sandbox/shipstation/shipstation-simulator';
import { Simulators, startSimulators } from '../support/simulators';
import { provisionTestDatabase, TestDatabase } from '../support/test-database';

const MAIN = resolve(__dirname, '..', '..', 'src', 'main.js');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * SPEC §5 "Nothing is lost if the process dies at any point": a process killed with SIGKILL
 * while ShipStation is buying its label, then restarted, settles the label through the
 * reconcile sweep — adopted, written back to DEAR, and never bought a second time.
 */
describe('a process killed during a purchase (e2e, child process)', () => {
  let sims: Simulators;
  let database: TestDatabase;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let base: string;
  const adminKey = `dsb_admin_crash_${randomBytes(12).toString('hex')}`;
  const auth = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };
  let child: ChildProcess | undefined;

  /** Resolves when the process has exited; made at spawn so an early exit is never missed. */
  const exited = new WeakMap<ChildProcess, Promise<unknown>>();
  const start = async (): Promise<ChildProcess> => {
    const proc = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    exited.set(proc, new Promise((done) => proc.once('exit', done)));
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      if (proc.exitCode !== null) throw new Error(`the service exited: ${stderr}`);
      const ready = await fetch(`${base}/health/ready`).then((r) => r.status === 200, () => false);
      if (ready) return proc;
      await sleep(100);
    }
    throw new Error(`the service did not get ready: ${stderr}`);
  };

  before(async () => {
    sims = await startSimulators();
    database = await provisionTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'dsb-crash-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: dataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ADMIN_API_KEY: adminKey,
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      SANDBOX: '0',
      LOG_LEVEL: 'warn',
      UPSTREAM_TIMEOUT_MS: '2000',
      UPSTREAM_BUDGET_WAIT_MS: '1000',
      LABEL_RECONCILE_INTERVAL_MS: '300',
      WRITE_BACK_RETRY_DELAY_SECONDS: '1',
    };
  });
  after(async () => {
    child?.kill('SIGKILL');
    await sims?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('settles the label after a restart: adopted once, written back once', async () => {
    child = await start();
    const created = await fetch(`${base}/v1/connections`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        name: 'Crash test',
        dear: { accountId: SEED.accountId, applicationKey: SEED.applicationKey, baseUrl: sims.dear.url },
        shipstation: { ...DEFAULT_SHIPSTATION_CREDENTIALS, baseUrl: sims.shipstation.url },
        shippingService: { shipFrom: { name: 'WH', street1: '1 Dock Rd', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' } },
      }),
    });
    assert.equal(created.status, 201);
    const connectionId = ((await created.json()) as { id: string }).id;

    // ShipStation buys the label and never answers; the process dies while it waits.
    sims.shipstation.faults.inject({ path: '/shipments/createlabel', kind: 'performThenHang' });
    const purchase = fetch(`${base}/v1/labels`, {
      method: 'POST',
      headers: { ...auth, 'Idempotency-Key': 'crash-1' },
      body: JSON.stringify({ connectionId, saleId: SEED.saleIds.packedOneBox, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' }),
    }).then(async (r) => `answered ${r.status}: ${await r.text()}`, () => 'connection lost');
    const deadline = Date.now() + 20_000;
    while (sims.shipstation.countRequests({ path: '/shipments/createlabel' }) === 0) {
      if (Date.now() > deadline) assert.fail(`createlabel never reached ShipStation; ${await Promise.race([purchase, sleep(10).then(() => 'still waiting')])}`);
      await sleep(10);
    }
    child.kill('SIGKILL');
    assert.equal(await purchase, 'connection lost');
    await exited.get(child);

    child = await start();
    const until = Date.now() + 30_000;
    let label: any;
    while (Date.now() < until) {
      const list = (await (await fetch(`${base}/v1/labels?connectionId=${connectionId}`, { headers: auth })).json()) as { data: any[] };
      label = list.data[0];
      if (label?.status !== 'pending' && label?.writeBack.status === 'done') break;
      await sleep(200);
    }
    assert.equal(label.status, 'purchased', JSON.stringify(label));
    assert.equal(label.writeBack.status, 'done', JSON.stringify(label));
    assert.equal(sims.shipstation.countRequests({ path: '/shipments/createlabel' }), 1, 'bought once');
    const lines = (sims.dear.state.sales.find((s) => s.ID === SEED.saleIds.packedOneBox) as any).Fulfilments[0].Ship.Lines;
    assert.equal(lines.filter((l: any) => l.TrackingNumber === label.trackingNumber).length, 1, 'one ship line in DEAR');

    // The key of the killed request now replays the settled label.
    const replay = await fetch(`${base}/v1/labels`, {
      method: 'POST',
      headers: { ...auth, 'Idempotency-Key': 'crash-1' },
      body: JSON.stringify({ connectionId, saleId: SEED.saleIds.packedOneBox, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' }),
    });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await replay.json()) as { id: string }).id, label.id);
    assert.equal(sims.shipstation.countRequests({ path: '/shipments/createlabel' }), 1);

    child.kill('SIGTERM');
    await exited.get(child);
    child = undefined;
  });
});
