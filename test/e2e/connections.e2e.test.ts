import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { connectionBody } from '../factories/connection.factory';
import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('connections (e2e)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  it('creates a connection, redacts its secrets and never logs them', async () => {
    const body = connectionBody();
    const res = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(body);
    assert.equal(res.status, 201);
    assert.match(res.body.id, /^[0-9a-f-]{36}$/);
    assert.equal(res.body.dear.accountId, body.dear.accountId);
    assert.equal(res.body.dear.applicationKey, `****${body.dear.applicationKey.slice(-4)}`);
    assert.equal(res.body.shipstation.apiKey, `****${body.shipstation.apiKey.slice(-4)}`);
    assert.equal(res.body.shipstation.apiSecret, `****${body.shipstation.apiSecret.slice(-4)}`);
    assert.equal(res.body.orderSync.mode, 'none');
    assert.equal(res.body.shippingService.shipFrom.city, 'Austin');
    assert.deepEqual(res.body.limits, { shipstationPerMinute: 40, dearPerMinute: 60 });
    const fetched = await t.http().get(`/v1/connections/${res.body.id}`).set(bearer(t.adminKey));
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.body, res.body);
    const everything = JSON.stringify(res.body) + JSON.stringify(fetched.body) + t.logs.join('\n');
    for (const secret of [body.dear.applicationKey, body.shipstation.apiKey, body.shipstation.apiSecret]) {
      assert.ok(!everything.includes(secret), `secret ${secret.slice(0, 8)}… leaked`);
    }
    assert.ok(t.logs.length > 0, 'logs were captured');
  });

  it('stores secrets encrypted at rest', async () => {
    const body = connectionBody();
    const res = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(body);
    const rows: Array<Record<string, string>> = await t.running.app.get(DataSource).query('SELECT * FROM connections WHERE id = $1', [res.body.id]);
    const row = JSON.stringify(rows[0]);
    assert.ok(!row.includes(body.dear.applicationKey));
    assert.ok(!row.includes(body.shipstation.apiSecret));
    assert.match(rows[0].dear_application_key_enc, /^v1\.[0-9a-f]{8}\./);
  });

  it('patches nested fields without touching the others', async () => {
    const body = connectionBody();
    const created = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(body);
    const res = await t.http().patch(`/v1/connections/${created.body.id}`).set(bearer(t.adminKey))
      .send({ shippingService: { currency: 'CAD' }, shipstation: { apiSecret: 'a-new-secret-value-XYZ1' }, limits: { dearPerMinute: 30 } });
    assert.equal(res.status, 200);
    assert.equal(res.body.shippingService.currency, 'CAD');
    assert.equal(res.body.shippingService.shipFrom.city, 'Austin');
    assert.equal(res.body.shipstation.apiSecret, '****XYZ1');
    assert.equal(res.body.shipstation.apiKey, created.body.shipstation.apiKey);
    assert.deepEqual(res.body.limits, { shipstationPerMinute: 40, dearPerMinute: 30 });
  });

  it('refuses a second syncing connection for the same DEAR account with 409 and the reason', async () => {
    const first = connectionBody({ orderSync: { mode: 'custom_store', customStore: { username: 'acme', password: 'store-password-1' } } });
    const a = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(first);
    assert.equal(a.status, 201);
    const second = connectionBody({ dear: first.dear, orderSync: { mode: 'shipstation_store' } });
    const b = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(second);
    assert.equal(b.status, 409);
    assert.equal(b.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(b.body.code, 'sync_mode_conflict');
    assert.equal(b.body.conflictingConnectionId, a.body.id);
    assert.match(b.body.detail, /exclusive/);
    // Method 3 combines with either: a rates-only connection for the same account is fine.
    const ratesOnly = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(connectionBody({ dear: first.dear }));
    assert.equal(ratesOnly.status, 201);
    // Switching the rates-only one into the other sync mode is refused too.
    const patch = await t.http().patch(`/v1/connections/${ratesOnly.body.id}`).set(bearer(t.adminKey)).send({ orderSync: { mode: 'shipstation_store' } });
    assert.equal(patch.status, 409);
    assert.equal(patch.body.code, 'sync_mode_conflict');
  });

  it('requires custom-store credentials in custom_store mode', async () => {
    const res = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(connectionBody({ orderSync: { mode: 'custom_store' } }));
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'validation_failed');
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field), ['orderSync.customStore']);
  });

  it('lists with cursor pagination', async () => {
    for (let i = 0; i < 3; i++) await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(connectionBody());
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { data: Array<{ id: string }>; nextCursor: string | null } } = await t.http().get('/v1/connections').query({ limit: 2, ...(cursor ? { cursor } : {}) }).set(bearer(t.adminKey));
      assert.equal(res.status, 200);
      assert.ok(res.body.data.length <= 2);
      for (const c of res.body.data) {
        assert.ok(!seen.has(c.id), 'no connection appears twice');
        seen.add(c.id);
      }
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    assert.ok(seen.size >= 3);
    assert.ok(pages >= 2);
  });

  it('deletes, then answers 404', async () => {
    const created = await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(connectionBody());
    const del = await t.http().delete(`/v1/connections/${created.body.id}`).set(bearer(t.adminKey));
    assert.equal(del.status, 204);
    const again = await t.http().get(`/v1/connections/${created.body.id}`).set(bearer(t.adminKey));
    assert.equal(again.status, 404);
    assert.equal(again.body.code, 'connection_not_found');
    const delAgain = await t.http().delete(`/v1/connections/${created.body.id}`).set(bearer(t.adminKey));
    assert.equal(delAgain.status, 404);
  });
});
