/**
 * Transport-level golden tests: auth, rate limiting, error shapes, faults, control API
 * (dear.md §1).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SEED } from './dear-seed';
import { startDearSimulator, type DearSimulator } from './dear-simulator';
import { assertErrorArray, AUTH, call, sleep } from './dear-test-helpers';

describe('DEAR simulator: transport', () => {
  let sim: DearSimulator;
  before(async () => {
    sim = await startDearSimulator();
  });
  after(() => sim.close());

  it('url includes /ExternalApi/v2 without a trailing slash', () => {
    assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+\/ExternalApi\/v2$/);
  });

  it('answers 403 with "Incorrect credentials!" for a wrong key, a wrong account or missing headers (§1.2)', async () => {
    for (const headers of [
      { 'api-auth-accountid': SEED.accountId, 'api-auth-applicationkey': 'wrong' },
      { 'api-auth-accountid': 'other-account', 'api-auth-applicationkey': SEED.applicationKey },
      {} as Record<string, string>,
    ]) {
      const r = await call(sim, 'GET', '/me', undefined, headers);
      assert.equal(r.status, 403);
      // bare Error Model object — the non-array variant of §1.6
      assert.deepEqual(r.body, { ErrorCode: 403, Exception: 'Incorrect credentials!' });
    }
  });

  it('matches endpoint names and parameter names case-insensitively (§1.1)', async () => {
    const a = await call(sim, 'GET', '/SaleList?page=1&limit=2');
    assert.equal(a.status, 200);
    assert.equal(a.body.SaleList.length, 2);
    const lower = await fetch(`${sim.url.replace('/ExternalApi/v2', '/externalapi/v2')}/me`, { headers: AUTH });
    assert.equal(lower.status, 200);
  });

  it('serves the HTML "Page not found" page for unknown endpoints such as /Products (§1.5, §9 #9, #15)', async () => {
    const r = await call(sim, 'GET', '/Products');
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
    assert.match(r.text, /Page not found/);
    const outside = await fetch(`${sim.rootUrl}/nowhere`);
    assert.equal(outside.status, 404);
    assert.match(await outside.text(), /Page not found/);
  });

  it('answers 405 with the Error Model for a method the endpoint lacks (§1.5)', async () => {
    const r = await call(sim, 'DELETE', '/saleList');
    assert.equal(r.status, 405);
    assertErrorArray(r.body, 405);
  });

  it('answers a missing record with 400 and the Error Model array, not 404 (§1.5, §1.6)', async () => {
    const r = await call(sim, 'GET', '/sale?ID=00000000-0000-0000-0000-00000000abcd');
    assert.equal(r.status, 400);
    assert.match(assertErrorArray(r.body, 400), /Sale with ID '00000000-0000-0000-0000-00000000abcd' not found\./);
  });

  it('answers an unparseable body with 500 and the Error Model (§1.5)', async () => {
    const res = await fetch(`${sim.url}/sale/order`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: '{not json' });
    assert.equal(res.status, 500);
    assertErrorArray(await res.json(), 500);
  });

  it('validates Limit 1..1000 (§1.7)', async () => {
    assert.equal((await call(sim, 'GET', '/saleList?Limit=1000')).status, 200);
    const r = await call(sim, 'GET', '/saleList?Limit=1001');
    assert.equal(r.status, 400);
    assertErrorArray(r.body, 400);
    assert.equal((await call(sim, 'GET', '/saleList?Limit=0')).status, 400);
  });

  it('records requests by canonical endpoint path and counts them, also through /__sim/requests', async () => {
    sim.reset();
    await call(sim, 'GET', `/sale?ID=${SEED.saleIds.packedOneBox}`);
    await call(sim, 'GET', `/Sale?ID=${SEED.saleIds.packedTwoBoxes}`);
    await call(sim, 'GET', '/saleList');
    assert.equal(sim.countRequests({ method: 'GET', path: '/sale' }), 2);
    assert.equal(sim.countRequests({ path: '/ExternalApi/v2/sale' }), 2);
    assert.equal(sim.countRequests({ path: /^\/sale/ }), 3);
    const r = await fetch(`${sim.rootUrl}/__sim/requests?path=/sale&method=GET`);
    assert.deepEqual(await r.json(), { count: 2 });
    assert.equal(sim.requests[0].apiKey, SEED.accountId);
    assert.equal(sim.requests[0].status, 200);
    const reset = await fetch(`${sim.rootUrl}/__sim/reset`, { method: 'POST' });
    assert.equal(reset.status, 204);
    assert.equal(sim.countRequests(), 0);
  });
});

describe('DEAR simulator: rate limiting (§1.4, §9 #1, #2)', () => {
  const window = 1200;

  for (const style of ['429', '503'] as const) {
    for (const retryAfter of ['seconds', 'seconds-text', 'absent'] as const) {
      it(`throttles the 4th call in a 3-call window with ${style} and Retry-After ${retryAfter}`, async () => {
        const sim = await startDearSimulator({ rateLimit: { limit: 3, windowMs: window, throttleStyle: style, retryAfter } });
        try {
          for (let i = 0; i < 3; i++) assert.equal((await call(sim, 'GET', '/me')).status, 200);
          const r = await call(sim, 'GET', '/me');
          assert.equal(r.status, Number(style));
          const header = r.headers.get('retry-after');
          if (retryAfter === 'seconds') assert.match(header ?? '', /^\d+$/);
          if (retryAfter === 'seconds-text') assert.match(header ?? '', /^\d+ Seconds$/);
          if (retryAfter === 'absent') assert.equal(header, null);
          assert.equal(assertErrorArray(r.body, Number(style)), 'You reached 60 calls per minute API limit');
          // the control API is outside the budget
          assert.equal((await fetch(`${sim.rootUrl}/__sim/requests`)).status, 200);
          await sleep(window + 50);
          assert.equal((await call(sim, 'GET', '/me')).status, 200, 'a new window opens after windowMs');
        } finally {
          await sim.close();
        }
      });
    }
  }

  it('defaults to 60 calls per 60 s, 429 and Retry-After in seconds', async () => {
    const sim = await startDearSimulator();
    try {
      const results = await Promise.all(Array.from({ length: 61 }, () => call(sim, 'GET', '/me')));
      assert.equal(results.filter((r) => r.status === 200).length, 60);
      const throttled = results.find((r) => r.status === 429);
      assert.ok(throttled);
      const secs = Number(throttled.headers.get('retry-after'));
      assert.ok(secs >= 1 && secs <= 60, `Retry-After ${secs}`);
    } finally {
      await sim.close();
    }
  });

  it('counts the budget per account and can be switched at run time (also over /__sim/rate-limit)', async () => {
    const sim = await startDearSimulator({
      accounts: [
        { accountId: 'acct-a', applicationKey: 'key-a' },
        { accountId: 'acct-b', applicationKey: 'key-b' },
      ],
      rateLimit: { limit: 2, windowMs: 60_000 },
    });
    const a = { 'api-auth-accountid': 'acct-a', 'api-auth-applicationkey': 'key-a' };
    const b = { 'api-auth-accountid': 'acct-b', 'api-auth-applicationkey': 'key-b' };
    try {
      assert.equal((await call(sim, 'GET', '/me', undefined, a)).status, 200);
      assert.equal((await call(sim, 'GET', '/me', undefined, a)).status, 200);
      assert.equal((await call(sim, 'GET', '/me', undefined, a)).status, 429);
      assert.equal((await call(sim, 'GET', '/me', undefined, b)).status, 200, 'account b has its own budget');
      const set = await fetch(`${sim.rootUrl}/__sim/rate-limit`, { method: 'POST', body: JSON.stringify({ accountId: 'acct-a', throttleStyle: '503', retryAfter: 'absent' }) });
      assert.equal(set.status, 204);
      const r = await call(sim, 'GET', '/me', undefined, a);
      assert.equal(r.status, 503);
      assert.equal(r.headers.get('retry-after'), null);
    } finally {
      await sim.close();
    }
  });
});

describe('DEAR simulator: faults', () => {
  let sim: DearSimulator;
  before(async () => {
    sim = await startDearSimulator({ rateLimit: { limit: 1000, windowMs: 60_000, throttleStyle: '503', retryAfter: 'seconds-text' } });
  });
  after(() => sim.close());

  it('status500 answers 500 with the Error Model once, then the endpoint works again', async () => {
    sim.faults.inject({ method: 'GET', path: '/ExternalApi/v2/saleList', kind: 'status500' });
    const r = await call(sim, 'GET', '/saleList');
    assert.equal(r.status, 500);
    assertErrorArray(r.body, 500);
    assert.equal((await call(sim, 'GET', '/saleList')).status, 200);
  });

  it("throttle answers in the account's configured style (here 503 + 'N Seconds')", async () => {
    sim.faults.inject({ path: '/me', kind: 'throttle', times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await call(sim, 'GET', '/me');
      assert.equal(r.status, 503);
      assert.match(r.headers.get('retry-after') ?? '', /^\d+ Seconds$/);
    }
    assert.equal((await call(sim, 'GET', '/me')).status, 200);
  });

  it('hang never answers (the client times out)', async () => {
    sim.faults.inject({ path: '/me', kind: 'hang' });
    await assert.rejects(fetch(`${sim.url}/me`, { headers: AUTH, signal: AbortSignal.timeout(300) }));
    assert.equal((await call(sim, 'GET', '/me')).status, 200);
  });

  it('reset destroys the socket before answering', async () => {
    sim.faults.inject({ path: '/me', kind: 'reset' });
    await assert.rejects(fetch(`${sim.url}/me`, { headers: AUTH }));
  });

  it('performThenDrop applies the write, then drops the connection', async () => {
    const taskId = SEED.saleIds.packedOneBox;
    const before = sim.state.sales.find((s) => s.ID === taskId)!.Updated.getTime();
    sim.faults.inject({ method: 'POST', path: '/sale/fulfilment/ship', kind: 'performThenDrop' });
    await assert.rejects(
      fetch(`${sim.url}/sale/fulfilment/ship`, {
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'application/json' },
        body: JSON.stringify({ TaskID: taskId, Status: 'AUTHORISED', Lines: [{ ShipmentDate: '2026-11-20', Carrier: 'UPS', Box: 'Box 1', TrackingNumber: '1ZDROP', IsShipped: true }] }),
      }),
    );
    const ship = await call(sim, 'GET', `/sale/fulfilment/ship?TaskID=${taskId}`);
    assert.equal(ship.body.Status, 'AUTHORISED');
    assert.equal(ship.body.Lines[0].TrackingNumber, '1ZDROP');
    assert.ok(sim.state.sales.find((s) => s.ID === taskId)!.Updated.getTime() > before);
  });

  it('faults can be injected and cleared over /__sim/faults', async () => {
    let r = await fetch(`${sim.rootUrl}/__sim/faults`, { method: 'POST', body: JSON.stringify({ path: '/ExternalApi/v2/me', kind: 'status500', times: 'Infinity' }) });
    assert.equal(r.status, 204);
    assert.equal((await call(sim, 'GET', '/me')).status, 500);
    assert.equal((await call(sim, 'GET', '/me')).status, 500);
    r = await fetch(`${sim.rootUrl}/__sim/faults`, { method: 'DELETE' });
    assert.equal(r.status, 204);
    assert.equal((await call(sim, 'GET', '/me')).status, 200);
  });
});
