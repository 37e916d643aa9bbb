import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectionBody } from '../factories/connection.factory';
import { bearer, startTestApp, TestApp } from '../support/test-app';

interface BadRequest {
  name: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string | (() => string);
  body?: unknown;
  raw?: { contentType: string; data: string | Buffer };
  expect: number;
  code?: string;
  field?: string;
}

/**
 * SPEC §8: no bad input produces a 500. Every request below is wrong in a different way and
 * must get a 4xx application/problem+json with a request id (and field errors where they apply).
 */
describe('bad input (e2e)', () => {
  let t: TestApp;
  let existingId: string;
  before(async () => {
    t = await startTestApp();
    existingId = (await t.http().post('/v1/connections').set(bearer(t.adminKey)).send(connectionBody())).body.id;
  });
  after(async () => {
    await t?.close();
  });

  const valid = () => connectionBody();
  const cases: BadRequest[] = [
    { name: 'empty object', method: 'post', path: '/v1/connections', body: {}, expect: 400, code: 'validation_failed', field: 'name' },
    { name: 'empty body', method: 'post', path: '/v1/connections', expect: 400, code: 'validation_failed' },
    { name: 'JSON array body', method: 'post', path: '/v1/connections', body: [1, 2], expect: 400 },
    { name: 'JSON string body', method: 'post', path: '/v1/connections', raw: { contentType: 'application/json', data: '"hello"' }, expect: 400 },
    { name: 'JSON null body', method: 'post', path: '/v1/connections', raw: { contentType: 'application/json', data: 'null' }, expect: 400 },
    { name: 'malformed JSON', method: 'post', path: '/v1/connections', raw: { contentType: 'application/json', data: '{"name": ' }, expect: 400, code: 'malformed_json' },
    { name: 'trailing garbage', method: 'post', path: '/v1/connections', raw: { contentType: 'application/json', data: '{"name":"a"} x' }, expect: 400, code: 'malformed_json' },
    { name: 'text/plain body', method: 'post', path: '/v1/connections', raw: { contentType: 'text/plain', data: 'name=a' }, expect: 415, code: 'unsupported_media_type' },
    { name: 'form body', method: 'post', path: '/v1/connections', raw: { contentType: 'application/x-www-form-urlencoded', data: 'name=a' }, expect: 415, code: 'unsupported_media_type' },
    { name: 'XML body', method: 'post', path: '/v1/connections', raw: { contentType: 'application/xml', data: '<a/>' }, expect: 415 },
    { name: 'body over 1 MB', method: 'post', path: '/v1/connections', raw: { contentType: 'application/json', data: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }) }, expect: 413, code: 'payload_too_large' },
    { name: 'unknown top-level field', method: 'post', path: '/v1/connections', body: { ...valid(), isAdmin: true }, expect: 400, field: 'isAdmin' },
    { name: 'unknown nested field', method: 'post', path: '/v1/connections', body: { ...valid(), dear: { ...valid().dear, extra: 1 } }, expect: 400, field: 'dear.extra' },
    { name: 'name is a number', method: 'post', path: '/v1/connections', body: { ...valid(), name: 42 }, expect: 400, field: 'name' },
    { name: 'name is an empty string', method: 'post', path: '/v1/connections', body: { ...valid(), name: '' }, expect: 400, field: 'name' },
    { name: 'huge name', method: 'post', path: '/v1/connections', body: { ...valid(), name: 'n'.repeat(100_000) }, expect: 400, field: 'name' },
    { name: 'dear is a string', method: 'post', path: '/v1/connections', body: { ...valid(), dear: 'acct' }, expect: 400, field: 'dear' },
    { name: 'dear missing', method: 'post', path: '/v1/connections', body: { ...valid(), dear: undefined }, expect: 400, field: 'dear' },
    { name: 'applicationKey missing', method: 'post', path: '/v1/connections', body: { ...valid(), dear: { accountId: 'a' } }, expect: 400, field: 'dear.applicationKey' },
    { name: 'baseUrl not a URL', method: 'post', path: '/v1/connections', body: { ...valid(), shipstation: { ...valid().shipstation, baseUrl: 'not a url' } }, expect: 400, field: 'shipstation.baseUrl' },
    { name: 'baseUrl with a file scheme', method: 'post', path: '/v1/connections', body: { ...valid(), shipstation: { ...valid().shipstation, baseUrl: 'file:///etc/passwd' } }, expect: 400, field: 'shipstation.baseUrl' },
    { name: 'unknown sync mode', method: 'post', path: '/v1/connections', body: { ...valid(), orderSync: { mode: 'both' } }, expect: 400, field: 'orderSync.mode' },
    { name: 'status mapping to an unknown status', method: 'post', path: '/v1/connections', body: { ...valid(), orderSync: { statusMapping: { unpaid: 'whenever' } } }, expect: 400, field: 'orderSync.statusMapping' },
    { name: 'since is not a date', method: 'post', path: '/v1/connections', body: { ...valid(), orderSync: { since: 'yesterday' } }, expect: 400, field: 'orderSync.since' },
    { name: 'currency in lower case', method: 'post', path: '/v1/connections', body: { ...valid(), shippingService: { currency: 'usd' } }, expect: 400, field: 'shippingService.currency' },
    { name: 'country not alpha-2', method: 'post', path: '/v1/connections', body: { ...valid(), shippingService: { shipFrom: { ...valid().shippingService.shipFrom, country: 'United States' } } }, expect: 400, field: 'shippingService.shipFrom.country' },
    { name: 'limits negative', method: 'post', path: '/v1/connections', body: { ...valid(), limits: { dearPerMinute: -1 } }, expect: 400, field: 'limits.dearPerMinute' },
    { name: 'limits as a string', method: 'post', path: '/v1/connections', body: { ...valid(), limits: { shipstationPerMinute: '40' } }, expect: 400, field: 'limits.shipstationPerMinute' },
    { name: 'carrierNames with a number value', method: 'post', path: '/v1/connections', body: { ...valid(), shippingService: { carrierNames: { ups: 5 } } }, expect: 400, field: 'shippingService.carrierNames' },
    { name: 'field mapping attribute out of range', method: 'post', path: '/v1/connections', body: { ...valid(), fieldMapping: { giftAttribute: 'AdditionalAttribute11' } }, expect: 400, field: 'fieldMapping.giftAttribute' },
    { name: 'get with an invalid UUID', method: 'get', path: '/v1/connections/not-a-uuid', expect: 400, field: 'id' },
    { name: 'get with an SQL-looking id', method: 'get', path: "/v1/connections/1'%20OR%20'1'='1", expect: 400, field: 'id' },
    { name: 'get an unknown connection', method: 'get', path: '/v1/connections/00000000-0000-4000-8000-000000000000', expect: 404, code: 'connection_not_found' },
    { name: 'patch with an invalid UUID', method: 'patch', path: '/v1/connections/123', body: { name: 'x' }, expect: 400, field: 'id' },
    { name: 'patch with a wrong type', method: 'patch', path: () => `/v1/connections/${existingId}`, body: { name: ['x'] }, expect: 400, field: 'name' },
    { name: 'patch with an unknown field', method: 'patch', path: () => `/v1/connections/${existingId}`, body: { id: '00000000-0000-4000-8000-000000000000' }, expect: 400, field: 'id' },
    { name: 'delete with an invalid UUID', method: 'delete', path: '/v1/connections/%%', expect: 400 },
    { name: 'list with limit 0', method: 'get', path: '/v1/connections?limit=0', expect: 400, field: 'limit' },
    { name: 'list with limit 500', method: 'get', path: '/v1/connections?limit=500', expect: 400, field: 'limit' },
    { name: 'list with limit abc', method: 'get', path: '/v1/connections?limit=abc', expect: 400, field: 'limit' },
    { name: 'list with a forged cursor', method: 'get', path: '/v1/connections?cursor=Zm9vYmFy', expect: 400, field: 'cursor' },
    { name: 'list with an unknown query parameter', method: 'get', path: '/v1/connections?admin=1', expect: 400, field: 'admin' },
    { name: 'api key without a name', method: 'post', path: '/v1/api-keys', body: {}, expect: 400, field: 'name' },
    { name: 'api key with a huge name', method: 'post', path: '/v1/api-keys', body: { name: 'k'.repeat(5000) }, expect: 400, field: 'name' },
    { name: 'unknown route', method: 'get', path: '/v1/does-not-exist', expect: 404, code: 'not_found' },
    { name: 'wrong method', method: 'delete', path: '/v1/connections', expect: 404 },
  ];

  it(`has at least 30 malformed requests (${cases.length})`, () => {
    assert.ok(cases.length >= 30);
  });

  for (const c of cases) {
    it(`${c.name} → ${c.expect}`, async () => {
      const path = typeof c.path === 'function' ? c.path() : c.path;
      let req = t.http()[c.method](path).set(bearer(t.adminKey));
      if (c.raw) req = req.set('Content-Type', c.raw.contentType).send(c.raw.data);
      else if (c.body !== undefined) req = req.send(c.body as object);
      const res = await req;
      assert.equal(res.status, c.expect, JSON.stringify(res.body).slice(0, 300));
      assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
      const body = JSON.parse(res.text) as { status: number; code: string; title: string; type: string; requestId: string; errors?: Array<{ field: string }> };
      assert.equal(body.status, c.expect);
      assert.ok(body.code && body.title && body.type && body.requestId, 'problem has type, title, code, requestId');
      if (c.code) assert.equal(body.code, c.code);
      if (c.field) {
        assert.ok(body.errors?.some((e) => e.field === c.field), `expected a field error on ${c.field}, got ${JSON.stringify(body.errors)}`);
      }
    });
  }
});
