import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('operations (e2e)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  it('reports liveness and readiness of the database and the job queue', async () => {
    const live = await t.http().get('/health/live');
    assert.equal(live.status, 200);
    assert.deepEqual(live.body, { status: 'ok' });
    const ready = await t.http().get('/health/ready');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ok', checks: { database: 'up', jobs: 'up' } });
  });

  it('echoes a sane x-request-id and generates one otherwise', async () => {
    const given = await t.http().get('/v1/connections').set(bearer(t.adminKey)).set('x-request-id', 'abc-123');
    assert.equal(given.headers['x-request-id'], 'abc-123');
    const generated = await t.http().get('/v1/nothing').set('x-request-id', 'bad id with spaces');
    assert.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/);
    assert.equal(generated.body.requestId, generated.headers['x-request-id']);
    const logged = t.logs.map((l) => JSON.parse(l) as { req?: { id?: string } }).filter((l) => l.req?.id === 'abc-123');
    assert.equal(logged.length, 1, 'the request is logged once as JSON with its id');
  });

  it('exposes Prometheus metrics with HTTP requests by route and status', async () => {
    await t.http().get('/v1/connections').set(bearer(t.adminKey));
    await t.http().get('/v1/connections');
    const res = await t.http().get('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/plain/);
    assert.match(res.text, /http_request_duration_seconds_bucket\{[^}]*route="\/v1\/connections"[^}]*status="200"/);
    assert.match(res.text, /http_request_duration_seconds_count\{method="GET",route="\/v1\/connections",status="401"\} 1/);
  });

  it('serves Swagger UI and the contract as JSON and YAML', async () => {
    const docs = await t.http().get('/docs/');
    assert.equal(docs.status, 200);
    assert.match(docs.text, /swagger-ui/i);
    const json = await t.http().get('/openapi.json');
    assert.equal(json.status, 200);
    assert.ok(json.body.paths['/v1/connections']);
    const yaml = await t.http().get('/openapi.yaml');
    assert.equal(yaml.status, 200);
    assert.deepEqual(Object.keys(parse(yaml.text).paths).sort(), Object.keys(json.body.paths).sort());
  });

  it('documents every route with a summary, typed responses, errors and the bearer scheme', async () => {
    const doc = (await t.http().get('/openapi.json')).body as {
      paths: Record<string, Record<string, { summary?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        assert.ok(op.summary, `${where} has a summary`);
        const statuses = Object.keys(op.responses);
        assert.ok(statuses.some((s) => s.startsWith('2')), `${where} documents its success`);
        if (path.startsWith('/v1/')) {
          assert.ok(op.security?.length, `${where} declares the bearer scheme`);
          assert.ok(statuses.includes('401') && statuses.includes('400'), `${where} documents 400 and 401`);
          const error = op.responses['401'].content?.['application/problem+json'];
          assert.ok(error?.schema, `${where} types its problem responses`);
        }
      }
    }
  });
});
