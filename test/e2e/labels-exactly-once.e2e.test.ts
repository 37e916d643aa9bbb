import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { bearer, TestApp } from '../support/test-app';
import { Simulators, useSimulatedApp } from '../support/simulators';
import { LABEL_TEST_ENV, resetBudgets, SHIP_TO, waitForLabel } from '../support/labels-kit';

/**
 * SPEC §5: no input, retry, crash or race may buy two labels where one was asked for.
 * Every test counts the createlabel calls that reached the ShipStation simulator.
 */
describe('labels: idempotency and exactly-once purchase (e2e)', () => {
  let t: TestApp;
  let sims: Simulators;
  let connectionId: string;
  const post = (body: object, key?: string) => {
    const req = t.http().post('/v1/labels').set(bearer(t.adminKey));
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const createLabelCalls = () => sims.shipstation.countRequests({ path: '/shipments/createlabel' });
  const explicit = (weightOz = 12) => ({ connectionId, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail', shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: weightOz, unit: 'oz' } }] } });

  const app = useSimulatedApp({ env: { ...LABEL_TEST_ENV, LABEL_RECONCILE_GIVE_UP_MS: '3000' } });
  before(() => ({ t, sims, connectionId } = app));

  it('replays the stored answer for the same key and body, with Idempotent-Replayed', async () => {
    const key = `k-${Date.now()}-replay`;
    const first = await post(explicit(), key);
    assert.equal(first.status, 201);
    const second = await post(explicit(), key);
    assert.equal(second.status, 201);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.deepEqual(second.body, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    assert.equal(createLabelCalls(), 1);
  });

  it('refuses the same key with another body (422) and keys are per API key', async () => {
    const key = `k-${Date.now()}-reuse`;
    assert.equal((await post(explicit(12), key)).status, 201);
    const other = await post(explicit(13), key);
    assert.equal(other.status, 422);
    assert.equal(other.body.code, 'idempotency_key_reused');
    // Another API key may use the same key string for its own request.
    const named = await t.http().post('/v1/api-keys').set(bearer(t.adminKey)).send({ name: 'other-app' });
    const mine = await t.http().post('/v1/labels').set(bearer(named.body.key)).set('Idempotency-Key', key).send(explicit(13));
    assert.equal(mine.status, 201);
    assert.equal(createLabelCalls(), 2);
  });

  it('answers 409 at once while the same key is still in flight', async () => {
    const key = `k-${Date.now()}-inflight`;
    sims.shipstation.faults.inject({ path: '/shipments/createlabel', kind: 'hang' });
    // supertest sends on then(): start the first request now.
    const first = post(explicit(), key).then((r) => r);
    await sleep(300);
    const started = Date.now();
    const second = await post(explicit(), key);
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'idempotency_request_in_progress');
    assert.ok(Date.now() - started < 1000, 'answered at once');
    assert.equal((await first).status, 202, 'the first one timed out and is being reconciled');
  });

  it('10 parallel identical requests with one key make exactly one createlabel', async () => {
    const key = `k-${Date.now()}-parallel`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(explicit(), key)));
    assert.equal(createLabelCalls(), 1);
    const statuses = answers.map((a) => a.status).sort();
    assert.ok(statuses.every((s) => s === 201 || s === 409), statuses.join(','));
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    assert.equal(ids.size, 1, 'every success is the same label');
    assert.ok(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'idempotency_request_in_progress'));
  });

  it('10 parallel requests with different keys for one sale box make exactly one createlabel', async () => {
    const body = { connectionId, saleId: SEED.saleIds.packedThreeBoxes, box: 'Box 3', carrierCode: 'ups', serviceCode: 'ups_ground' };
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(body, `k-${Date.now()}-box-${i}`)));
    assert.equal(createLabelCalls(), 1);
    const won = answers.filter((a) => a.status === 201);
    assert.equal(won.length, 1, answers.map((a) => `${a.status}:${a.body.code ?? ''}`).join(','));
    for (const lost of answers.filter((a) => a.status !== 201)) {
      assert.equal(lost.status, 409);
      assert.equal(lost.body.code, 'label_exists');
      assert.equal(lost.body.label.id, won[0].body.id);
    }
  });

  it('adopts a label ShipStation bought when the answer was dropped, never buying it again', async () => {
    const key = `k-${Date.now()}-drop`;
    sims.shipstation.faults.inject({ path: '/shipments/createlabel', kind: 'performThenDrop' });
    const res = await post({ connectionId, saleId: SEED.saleIds.packedOneBox, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' }, key);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'purchased');
    assert.match(res.body.trackingNumber, /\S+/);
    assert.equal(res.body.documentUrl, null, 'the list of shipments carries no label data');
    assert.equal(createLabelCalls(), 1);
    const replay = await post({ connectionId, saleId: SEED.saleIds.packedOneBox, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' }, key);
    assert.equal(replay.status, 201);
    assert.equal(replay.body.id, res.body.id);
    const doc = await t.http().get(`/v1/labels/${res.body.id}/document`).set(bearer(t.adminKey));
    assert.equal(doc.status, 404);
    assert.equal(doc.body.code, 'label_document_unavailable');
    // The adopted label is written back to DEAR like any other.
    const done = await waitForLabel(t, res.body.id, (l) => l.writeBack.status === 'done');
    assert.equal(done.writeBack.outcome.shipLine, 'added');
    assert.equal(createLabelCalls(), 1);
  });

  it('after a timeout, answers 202 pending and settles by reconcile: adopted when bought late', async () => {
    // The purchase happens but the answer never comes before the timeout.
    sims.shipstation.faults.inject({ path: '/shipments/createlabel', kind: 'performThenHang' });
    const res = await post(explicit(20));
    // The inline lookup right after the timeout already finds it, or the sweep does shortly.
    assert.ok([201, 202].includes(res.status), JSON.stringify(res.body));
    const label = await waitForLabel(t, res.body.id, (l) => l.status !== 'pending');
    assert.equal(label.status, 'purchased');
    assert.equal(createLabelCalls(), 1);
  });

  it('after a timeout where nothing was bought, settles as failed and frees the box, without buying', async () => {
    sims.shipstation.faults.inject({ path: '/shipments/createlabel', kind: 'hang' });
    const body = { connectionId, saleId: SEED.saleIds.packedTwoBoxes, box: 'Box 2', carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' };
    const res = await post(body);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.status, 'pending');
    const blocked = await post(body);
    assert.equal(blocked.status, 409, 'the box stays taken while the outcome is unknown');
    const label = await waitForLabel(t, res.body.id, (l) => l.status !== 'pending');
    assert.equal(label.status, 'failed');
    assert.match(label.lastError, /not bought/);
    assert.equal(createLabelCalls(), 1);
    const retry = await post(body);
    assert.equal(retry.status, 201, 'the box is free again');
    assert.equal(createLabelCalls(), 2);
  });

  it('records a refusal from ShipStation as failed, replaying it for the same key', async () => {
    sims.shipstation.faults.inject({ path: '/shipments/createlabel', kind: 'throttle' });
    const key = `k-${Date.now()}-throttled`;
    const res = await post(explicit(), key);
    assert.equal(res.status, 503);
    assert.equal(res.body.code, 'upstream_throttled');
    // Nothing was bought, so the key is free: the same request simply goes through now.
    await resetBudgets(t);
    const again = await post(explicit(), key);
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(createLabelCalls(), 2);
  });
});
