import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('API keys (e2e)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  it('answers 401 problem+json without a key or with a wrong one', async () => {
    for (const headers of [{}, bearer('nope'), { Authorization: 'Basic abc' }, bearer(`${t.adminKey}x`)]) {
      const res = await t.http().get('/v1/connections').set(headers);
      assert.equal(res.status, 401);
      assert.match(res.headers['content-type'], /^application\/problem\+json/);
      assert.equal(res.body.code, 'unauthorized');
      assert.ok(res.body.requestId);
    }
  });

  it('creates a named key shown once, which then authenticates but cannot manage keys', async () => {
    const created = await t.http().post('/v1/api-keys').set(bearer(t.adminKey)).send({ name: 'warehouse-app' });
    assert.equal(created.status, 201);
    assert.match(created.body.key, /^dsb_[A-Za-z0-9]{12}_/);
    const listed = await t.http().get('/v1/api-keys').set(bearer(t.adminKey));
    assert.equal(listed.status, 200);
    const row = listed.body.data.find((k: { id: string }) => k.id === created.body.id);
    assert.ok(row);
    assert.equal(row.key, undefined, 'the key is never listed');
    assert.ok(!JSON.stringify(listed.body).includes(created.body.key));

    const use = await t.http().get('/v1/connections').set(bearer(created.body.key));
    assert.equal(use.status, 200);
    const manage = await t.http().get('/v1/api-keys').set(bearer(created.body.key));
    assert.equal(manage.status, 403);
    assert.equal(manage.body.code, 'forbidden');
  });

  it('revokes a key: it stops working at once', async () => {
    const created = await t.http().post('/v1/api-keys').set(bearer(t.adminKey)).send({ name: 'temp' });
    assert.equal((await t.http().get('/v1/connections').set(bearer(created.body.key))).status, 200);
    const revoked = await t.http().delete(`/v1/api-keys/${created.body.id}`).set(bearer(t.adminKey));
    assert.equal(revoked.status, 204);
    const after = await t.http().get('/v1/connections').set(bearer(created.body.key));
    assert.equal(after.status, 401);
    const again = await t.http().delete(`/v1/api-keys/${created.body.id}`).set(bearer(t.adminKey));
    assert.equal(again.status, 404);
  });

  it('stores only a hash of the key', async () => {
    const created = await t.http().post('/v1/api-keys').set(bearer(t.adminKey)).send({ name: 'hashed' });
    const { DataSource } = await import('typeorm');
    const rows = await t.running.app.get(DataSource).query('SELECT * FROM api_keys WHERE id = $1', [created.body.id]);
    assert.ok(!JSON.stringify(rows).includes(created.body.key));
    assert.match(rows[0].secret_hash, /^[0-9a-f]{64}$/);
  });
});
