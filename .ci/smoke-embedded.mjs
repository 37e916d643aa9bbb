// Smoke test of the embedded default: start the built app with no DATABASE_URL on a temporary
// DATA_DIR, wait for readiness, create a connection, stop with SIGTERM, start again and find it.
// Also checks that a second process on the same DATA_DIR refuses to start.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'dsb-smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function start() {
  const child = spawn(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stdout.on('data', (d) => (child.output += d));
  child.stderr.on('data', (d) => (child.output += d));
  child.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return child;
}

async function waitReady(child, label) {
  const t0 = Date.now();
  while (Date.now() - t0 < 60_000) {
    if (child.exitCode !== null) throw new Error(`${label} exited early:\n${child.output}`);
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.status === 200) return Date.now() - t0;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${label} not ready in 60 s:\n${child.output}`);
}

async function stop(child) {
  child.kill('SIGTERM');
  const code = await child.exited;
  if (code !== 0) throw new Error(`exit code ${code} after SIGTERM:\n${child.output}`);
}

try {
  const first = start();
  const coldMs = await waitReady(first, 'first start');
  const match = /Admin key\s+(dsb_admin_\S+)/.exec(first.output);
  if (!match) throw new Error(`the admin key was not printed:\n${first.output}`);
  const adminKey = match[1];
  if (JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).adminApiKey !== adminKey) throw new Error('printed key differs from the kept one');
  const auth = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };
  const created = await fetch(`${base}/v1/connections`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ name: 'Smoke', dear: { accountId: 'smoke-acct', applicationKey: 'smoke-dear-key-1234' }, shipstation: { apiKey: 'smoke-ss-key-1234', apiSecret: 'smoke-ss-secret-1234' } }),
  });
  if (created.status !== 201) throw new Error(`create connection: ${created.status} ${await created.text()}`);
  const { id } = await created.json();

  // The development default starts the simulators and a ready Sandbox connection.
  const listed = await (await fetch(`${base}/v1/connections`, { headers: auth })).json();
  const sandbox = listed.data.find((c) => c.sandbox);
  if (!sandbox) throw new Error(`no Sandbox connection: ${JSON.stringify(listed)}`);
  const verified = await (await fetch(`${base}/v1/connections/${sandbox.id}/verify`, { method: 'POST', headers: auth })).json();
  if (!verified.ok) throw new Error(`the Sandbox connection does not verify: ${JSON.stringify(verified)}`);

  const second = start();
  const secondCode = await second.exited;
  if (secondCode === 0 || !/in use by process/.test(second.output)) throw new Error(`a second process on the same DATA_DIR did not refuse:\n${second.output}`);

  await stop(first);
  const again = start();
  const warmMs = await waitReady(again, 'second start');
  const fetched = await fetch(`${base}/v1/connections/${id}`, { headers: auth });
  if (fetched.status !== 200) throw new Error(`connection lost across restart: ${fetched.status}`);
  const again2 = await (await fetch(`${base}/v1/connections`, { headers: auth })).json();
  if (again2.data.filter((c) => c.sandbox).length !== 1) throw new Error('the Sandbox connection was created twice');
  const reverified = await (await fetch(`${base}/v1/connections/${sandbox.id}/verify`, { method: 'POST', headers: auth })).json();
  if (!reverified.ok) throw new Error(`the Sandbox connection does not verify after a restart: ${JSON.stringify(reverified)}`);
  if (/Admin key\s+dsb_admin_/.test(again.output)) throw new Error('the admin key was printed again');
  await stop(again);
  console.log(`smoke ok: cold start ready in ${coldMs} ms, warm start ready in ${warmMs} ms, connection ${id} kept, sandbox verified twice, second process refused`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
