import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { DEFAULT_SHIPSTATION_CREDENTIALS } from '../../src/sandbox/shipstation/shipstation-simulator';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { connectToSimulators, Simulators, startSimulators } from '../support/simulators';

describe('verify and carriers against the simulators (e2e)', () => {
  let t: TestApp;
  let sims: Simulators;
  before(async () => {
    sims = await startSimulators();
    t = await startTestApp({ UPSTREAM_BACKOFF_BASE_MS: '5', UPSTREAM_BUDGET_WAIT_MS: '2000' });
  });
  afterEach(async () => {
    sims.shipstation.reset();
    sims.dear.reset();
    // A throttling test leaves the shared credential paused; each test starts with a fresh budget.
    await t.running.app.get(DataSource).query('DELETE FROM upstream_budgets');
  });
  after(async () => {
    await t?.close();
    await sims?.close();
  });

  it('verifies both sides of a working connection', async () => {
    const id = await connectToSimulators(t, sims);
    const res = await t.http().post(`/v1/connections/${id}/verify`).set(bearer(t.adminKey));
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, true);
    assert.equal(res.body.dear.ok, true);
    assert.equal(res.body.shipstation.ok, true);
    assert.match(res.body.shipstation.detail, /stamps_com/);
  });

  it('reports each side separately with the upstream’s own message, and logs no secret', async () => {
    const id = await connectToSimulators(t, sims, {
      dear: { accountId: SEED.accountId, applicationKey: 'wrong-dear-key-SECRET-1', baseUrl: sims.dear.url },
    });
    const res = await t.http().post(`/v1/connections/${id}/verify`).set(bearer(t.adminKey));
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, false);
    assert.equal(res.body.shipstation.ok, true);
    assert.equal(res.body.dear.ok, false);
    assert.equal(res.body.dear.error.code, 'upstream_unauthorized');
    assert.equal(res.body.dear.error.status, 403);
    assert.match(res.body.dear.error.message, /credentials/i);
    const logs = t.logs.join('\n');
    for (const secret of ['wrong-dear-key-SECRET-1', DEFAULT_SHIPSTATION_CREDENTIALS.apiSecret, SEED.applicationKey]) assert.ok(!logs.includes(secret), 'secret in logs');
  });

  it('lists carriers with services and packages, then serves them from the cache', async () => {
    const id = await connectToSimulators(t, sims);
    const first = await t.http().get(`/v1/connections/${id}/carriers`).set(bearer(t.adminKey));
    assert.equal(first.status, 200);
    const stamps = first.body.data.find((c: { code: string }) => c.code === 'stamps_com');
    assert.ok(stamps.services.length > 0 && stamps.packages.length > 0);
    const calls = sims.shipstation.requests.length;
    assert.equal(calls, 1 + 2 * first.body.data.length);
    const second = await t.http().get(`/v1/connections/${id}/carriers`).set(bearer(t.adminKey));
    assert.deepEqual(second.body, first.body);
    assert.equal(sims.shipstation.requests.length, calls, 'no upstream call for a cached list');
    const refreshed = await t.http().get(`/v1/connections/${id}/carriers?refresh=true`).set(bearer(t.adminKey));
    assert.equal(refreshed.status, 200);
    assert.equal(sims.shipstation.requests.length, 2 * calls);
    await t.http().patch(`/v1/connections/${id}`).set(bearer(t.adminKey)).send({ shipstation: { apiSecret: DEFAULT_SHIPSTATION_CREDENTIALS.apiSecret } });
    await t.http().get(`/v1/connections/${id}/carriers`).set(bearer(t.adminKey));
    assert.equal(sims.shipstation.requests.length, 3 * calls, 'changed credentials make the cache stale');
  });

  it('answers 502 problem+json naming the upstream when ShipStation keeps failing', async () => {
    const id = await connectToSimulators(t, sims);
    sims.shipstation.faults.inject({ path: '/carriers', kind: 'status500', times: Infinity });
    const res = await t.http().get(`/v1/connections/${id}/carriers?refresh=true`).set(bearer(t.adminKey));
    assert.equal(res.status, 502);
    assert.match(res.headers['content-type'], /application\/problem\+json/);
    assert.equal(res.body.code, 'upstream_failed');
    assert.equal(res.body.upstream.system, 'shipstation');
    assert.equal(res.body.upstream.status, 500);
    assert.ok(res.body.upstream.message);
  });

  it('answers 503 with Retry-After when ShipStation keeps throttling', async () => {
    const id = await connectToSimulators(t, sims);
    sims.shipstation.faults.inject({ path: '/carriers', kind: 'throttle', times: Infinity });
    const started = Date.now();
    const res = await t.http().get(`/v1/connections/${id}/carriers?refresh=true`).set(bearer(t.adminKey));
    assert.equal(res.status, 503);
    assert.ok(['upstream_throttled', 'upstream_budget_exhausted'].includes(res.body.code), res.body.code);
    assert.ok(Number(res.headers['retry-after']) >= 1);
    assert.ok(Date.now() - started < 25_000);
  });

  it('404 for an unknown connection', async () => {
    const res = await t.http().post('/v1/connections/00000000-0000-4000-8000-000000000000/verify').set(bearer(t.adminKey));
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'connection_not_found');
  });
});
