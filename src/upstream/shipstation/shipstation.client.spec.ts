import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { ReferenceSchemas } from '../../sandbox/common/openapi-schemas';
import { DEFAULT_SHIPSTATION_CREDENTIALS, ShipStationSimulator, startShipStationSimulator } from '../../sandbox/shipstation/shipstation-simulator';
import { testClientDeps, testHttpClient } from '../../../test/support/upstream-test-kit';
import { UpstreamError } from '../upstream.errors';
import { ShipStationClient } from './shipstation.client';
import { ShipStationDialect } from './shipstation.dialect';
import { SsCreateLabelRequest, SsRateRequest } from './shipstation.types';

const address = { name: 'Jane Doe', street1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' };
const rateRequest: SsRateRequest = {
  carrierCode: 'stamps_com', fromPostalCode: '78701', toState: 'NY', toCountry: 'US', toPostalCode: '10001', toCity: 'New York',
  weight: { value: 16, units: 'ounces' }, confirmation: 'delivery', residential: false,
};
const labelRequest: SsCreateLabelRequest = {
  carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail', packageCode: 'package', confirmation: 'delivery', shipDate: '2026-11-27',
  weight: { value: 16, units: 'ounces' }, shipFrom: address, shipTo: { ...address, name: 'John Roe', city: 'New York', state: 'NY', postalCode: '10001' },
  advancedOptions: { customField1: 'dsb:label-1' }, testLabel: false,
};

describe('ShipStationClient against the simulator', () => {
  let sim: ShipStationSimulator;
  let deps: ReturnType<typeof testClientDeps>;
  const client = (apiKey = DEFAULT_SHIPSTATION_CREDENTIALS.apiKey, timeoutMs = 2000) => {
    deps = testClientDeps({ timeoutMs });
    return new ShipStationClient(testHttpClient(new ShipStationDialect(apiKey, DEFAULT_SHIPSTATION_CREDENTIALS.apiSecret, 60_000), sim.url, deps));
  };

  before(async () => {
    sim = await startShipStationSimulator();
  });
  afterEach(() => sim.reset());
  after(async () => {
    await sim.close();
  });

  it('reads carriers, services and packages', async () => {
    const ss = client();
    const carriers = await ss.carriers();
    assert.ok(carriers.some((c) => c.code === 'stamps_com'));
    const services = await ss.services('stamps_com');
    assert.ok(services.every((s) => s.carrierCode === 'stamps_com' && typeof s.domestic === 'boolean'));
    assert.ok((await ss.packages('stamps_com')).some((p) => p.code === 'package'));
  });

  it('quotes one carrier and buys, lists and voids a label', async () => {
    const ss = client();
    const rates = await ss.rates(rateRequest);
    assert.ok(rates.length > 0 && rates.every((r) => typeof r.shipmentCost === 'number'));
    const label = await ss.createLabel(labelRequest);
    assert.match(label.trackingNumber, /\S+/);
    assert.ok(Buffer.from(label.labelData ?? '', 'base64').toString('latin1').startsWith('%PDF'));
    const listed = await ss.shipments({ trackingNumber: label.trackingNumber });
    assert.equal(listed.shipments[0].shipmentId, label.shipmentId);
    assert.equal(listed.shipments[0].advancedOptions?.customField1, 'dsb:label-1');
    assert.deepEqual(await ss.voidLabel(label.shipmentId), { approved: true, message: 'Label voided successfully' });
    assert.equal((await ss.voidLabel(label.shipmentId)).approved, false);
  });

  it('upserts orders by orderKey', async () => {
    const ss = client();
    const order = { orderKey: 'sale-1', orderNumber: 'SO-1', orderDate: '2026-11-27 08:00:00', orderStatus: 'awaiting_shipment' as const, billTo: { name: 'Jane' }, shipTo: address };
    const first = await ss.createOrder(order);
    const second = await ss.createOrder({ ...order, orderNumber: 'SO-1b' });
    assert.equal(second.orderId, first.orderId);
    const bulk = await ss.createOrders([{ ...order, orderKey: 'sale-2', orderNumber: 'SO-2' }]);
    assert.equal(bulk.hasErrors, false);
    assert.ok((await ss.stores()).length > 0);
  });

  it('turns a 401 into upstream_unauthorized (502) with ShipStation’s message', async () => {
    await assert.rejects(client('wrong-key').carriers(), (e: unknown) => {
      assert.ok(e instanceof UpstreamError);
      assert.equal(e.kind, 'unauthorized');
      assert.equal(e.status, 502);
      assert.equal(e.upstreamStatus, 401);
      assert.match(e.upstreamMessage, /denied/i);
      return true;
    });
  });

  it('turns 400 ModelState into upstream_rejected (422) naming the field', async () => {
    const { fromPostalCode: _omit, ...incomplete } = rateRequest;
    await assert.rejects(client().rates(incomplete as SsRateRequest), (e: unknown) => {
      assert.ok(e instanceof UpstreamError);
      assert.equal(e.kind, 'rejected');
      assert.equal(e.status, 422);
      assert.match(e.upstreamMessage, /fromPostalCode/);
      return true;
    });
  });

  it('treats "No applicable services" (a 500) as a final refusal, not retried', async () => {
    const ss = client();
    await assert.rejects(ss.rates({ ...rateRequest, weight: { value: 100_000, units: 'pounds' } }), (e: unknown) => e instanceof UpstreamError && e.kind === 'rejected' && /No applicable services/.test(e.upstreamMessage));
    assert.equal(sim.countRequests({ path: '/shipments/getrates' }), 1);
  });

  it('retries a read through a 500 fault, a reset and a throttle', async () => {
    const ss = client();
    sim.faults.inject({ path: '/carriers', kind: 'status500' });
    sim.faults.inject({ path: '/carriers', kind: 'reset' });
    sim.faults.inject({ path: '/carriers', kind: 'throttle' });
    deps.maxAttempts = 4;
    assert.ok((await ss.carriers()).length > 0);
    assert.equal(sim.countRequests({ path: '/carriers' }), 4);
    assert.equal(deps.recording.pauses.length, 1, 'the 429 paused the shared budget');
    assert.ok(deps.recording.pauses[0].ms > 0 && deps.recording.pauses[0].ms <= 61_000);
  });

  it('gives up after the last attempt with a 503 problem for throttling', async () => {
    const ss = client();
    sim.faults.inject({ path: '/carriers', kind: 'throttle', times: Infinity });
    await assert.rejects(ss.carriers(), (e: unknown) => e instanceof UpstreamError && e.kind === 'throttled' && e.status === 503 && (e.extra.retryAfterSeconds ?? 0) >= 1);
    assert.equal(sim.countRequests({ path: '/carriers' }), 3);
  });

  it('times out on a hang', async () => {
    const ss = client(DEFAULT_SHIPSTATION_CREDENTIALS.apiKey, 200);
    sim.faults.inject({ path: '/stores', kind: 'hang', times: Infinity });
    await assert.rejects(ss.stores(), (e: unknown) => e instanceof UpstreamError && e.kind === 'timeout' && e.status === 502);
  });

  it('never retries a label purchase, even when the answer is lost after the purchase', async () => {
    const ss = client();
    sim.faults.inject({ path: '/shipments/createlabel', kind: 'performThenDrop' });
    await assert.rejects(ss.createLabel(labelRequest), (e: unknown) => e instanceof UpstreamError && e.kind === 'unreachable');
    assert.equal(sim.countRequests({ path: '/shipments/createlabel' }), 1);
    const bought = await ss.shipments({ createDateStart: '2000-01-01 00:00:00' });
    assert.equal(bought.shipments.filter((s) => s.advancedOptions?.customField1 === 'dsb:label-1').length, 1, 'ShipStation bought it once');
    sim.faults.inject({ path: '/shipments/createlabel', kind: 'status500' });
    await assert.rejects(ss.createLabel(labelRequest), (e: unknown) => e instanceof UpstreamError && e.kind === 'failed');
    assert.equal(sim.countRequests({ path: '/shipments/createlabel' }), 2);
  });

  it('sends requests that validate against the official request schemas', async () => {
    const schemas = ReferenceSchemas.load('shipstation-v1.swagger.yaml', { nullOnlyTypeMeansUnknown: true });
    const ss = client();
    await ss.rates(rateRequest);
    await ss.createLabel(labelRequest);
    await ss.createOrder({ orderKey: 'k', orderNumber: 'n', orderDate: '2026-11-27 08:00:00', orderStatus: 'awaiting_shipment', billTo: { name: 'Jane' }, shipTo: address });
    for (const path of ['/shipments/getrates', '/shipments/createlabel', '/orders/createorder']) {
      const sent = sim.requests.filter((r) => r.path.toLowerCase() === path && r.method === 'POST');
      assert.ok(sent.length > 0, `sent ${path}`);
      for (const r of sent) {
        const outcome = schemas.request('POST', path)(r.body);
        assert.ok(outcome.valid, `${path}: ${outcome.errors.join('; ')}`);
      }
    }
  });
});
