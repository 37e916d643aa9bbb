import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { bearer, TestApp } from '../support/test-app';
import { Simulators, useSimulatedApp } from '../support/simulators';

const shipTo = { name: 'John Roe', street1: '350 5th Ave', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' };

describe('POST /v1/rates (e2e)', () => {
  let t: TestApp;
  let sims: Simulators;
  let connectionId: string;
  const rates = (body: object) => t.http().post('/v1/rates').set(bearer(t.adminKey)).send(body);
  const explicit = (overrides: object = {}) => ({ connectionId, shipment: { shipTo, packages: [{ weight: { value: 2, unit: 'lb' } }] }, ...overrides });

  const app = useSimulatedApp({ env: { UPSTREAM_BACKOFF_BASE_MS: '5' } });
  before(() => ({ t, sims, connectionId } = app));

  it('quotes every carrier for an explicit shipment, cheapest first, money as two-place strings', async () => {
    const res = await rates(explicit());
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const { quoteId, expiresAt, rates: list, errors } = res.body;
    assert.match(quoteId, /^[0-9a-f-]{36}$/);
    const ttl = Date.parse(expiresAt) - Date.now();
    assert.ok(ttl > 290_000 && ttl <= 300_000, `expires in ${ttl} ms`);
    assert.deepEqual(errors, []);
    assert.deepEqual(new Set(list.map((r: { carrierCode: string }) => r.carrierCode)), new Set(['stamps_com', 'ups', 'fedex']));
    for (const r of list) {
      for (const money of [r.shipmentCost, r.otherCost, r.totalCost]) assert.match(money, /^\d+\.\d{2}$/);
      assert.equal(Math.round(Number(r.shipmentCost) * 100) + Math.round(Number(r.otherCost) * 100), Math.round(Number(r.totalCost) * 100));
      assert.equal(r.currency, 'USD');
      assert.equal(r.packageCode, 'package');
      assert.ok(r.rateId.startsWith(quoteId));
    }
    const totals = list.map((r: { totalCost: string }) => Number(r.totalCost));
    assert.deepEqual(totals, [...totals].sort((a, b) => a - b));
    assert.equal(new Set(list.map((r: { rateId: string }) => r.rateId)).size, list.length);
    // One getrates per carrier, per parcel.
    assert.equal(sims.shipstation.countRequests({ path: '/shipments/getrates' }), 3);
  });

  it('answers an identical request from the cache without any upstream call', async () => {
    const first = await rates(explicit());
    const before = sims.shipstation.requests.length + sims.dear.requests.length;
    const second = await rates({ ...explicit(), shipment: { packages: [{ weight: { unit: 'lb', value: 2 } }], shipTo } });
    assert.equal(second.status, 200);
    assert.equal(second.body.quoteId, first.body.quoteId);
    assert.deepEqual(second.body.rates, first.body.rates);
    assert.equal(sims.shipstation.requests.length + sims.dear.requests.length, before, 'no upstream call');
    const different = await rates(explicit({ shipment: { shipTo, packages: [{ weight: { value: 3, unit: 'lb' } }] } }));
    assert.notEqual(different.body.quoteId, first.body.quoteId);
    // The cache answers only callers with a valid key.
    for (const auth of [{}, bearer('not-a-key')]) {
      const anonymous = await t.http().post('/v1/rates').set(auth).send(explicit());
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.code, 'unauthorized');
    }
    const metrics = (await t.http().get('/metrics')).text;
    assert.match(metrics, /http_request_duration_seconds_count\{method="POST",route="\/v1\/rates",status="200"\} \d+/);
  });

  it('gives a partial answer with an error entry when one carrier fails', async () => {
    // UPS refuses US shipments without a state (simulator, like ShipStation's 500 with ExceptionMessage).
    const res = await rates(explicit({ shipment: { shipTo: { ...shipTo, state: '' }, packages: [{ weight: { value: 1, unit: 'kg' } }] } }));
    assert.equal(res.status, 200);
    assert.ok(res.body.rates.length > 0);
    assert.ok(res.body.rates.every((r: { carrierCode: string }) => r.carrierCode !== 'ups'));
    assert.deepEqual(res.body.errors.map((e: { carrierCode: string; code: string }) => [e.carrierCode, e.code]), [['ups', 'upstream_rejected']]);
    assert.match(res.body.errors[0].message, /toState/);
    // A partial answer is not cached: asking again asks the carriers again.
    const calls = sims.shipstation.countRequests({ path: '/shipments/getrates' });
    const again = await rates(explicit({ shipment: { shipTo: { ...shipTo, state: '' }, packages: [{ weight: { value: 1, unit: 'kg' } }] } }));
    assert.notEqual(again.body.quoteId, res.body.quoteId);
    assert.ok(sims.shipstation.countRequests({ path: '/shipments/getrates' }) > calls);
  });

  it('filters by carrier and service codes, reporting a carrier that is not connected', async () => {
    const res = await rates(explicit({ carrierCodes: ['fedex', 'dhl_express'], serviceCodes: ['fedex_ground', 'fedex_2day'] }));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.rates.map((r: { serviceCode: string }) => r.serviceCode).sort(), ['fedex_2day', 'fedex_ground']);
    assert.deepEqual(res.body.errors, [{ carrierCode: 'dhl_express', code: 'carrier_not_connected', message: 'Carrier dhl_express is not connected to this ShipStation account.' }]);
    assert.equal(sims.shipstation.countRequests({ path: '/shipments/getrates' }), 1);
  });

  it('sums a multi-parcel shipment per service across parcels', async () => {
    const one = await rates(explicit({ carrierCodes: ['stamps_com'], shipment: { shipTo, packages: [{ weight: { value: 1, unit: 'lb' } }] } }));
    const two = await rates(explicit({ carrierCodes: ['stamps_com'], shipment: { shipTo, packages: [{ weight: { value: 1, unit: 'lb' } }, { weight: { value: 16, unit: 'oz' } }] } }));
    assert.equal(two.status, 200);
    for (const r of two.body.rates) {
      const single = one.body.rates.find((x: { serviceCode: string }) => x.serviceCode === r.serviceCode);
      assert.equal(Math.round(Number(r.totalCost) * 100), 2 * Math.round(Number(single.totalCost) * 100), r.serviceCode);
    }
    assert.equal(sims.shipstation.countRequests({ path: '/shipments/getrates' }), 3);
  });

  it('quotes a packed DEAR sale: ship-to from its address, one parcel per box', async () => {
    const res = await rates({ connectionId, saleId: SEED.saleIds.packedTwoBoxes, carrierCodes: ['stamps_com'] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.rates.length > 0);
    const sent = sims.shipstation.requests.filter((r) => r.path === '/shipments/getrates').map((r) => r.body as { toState: string; toCountry: string; weight: { value: number; units: string } });
    assert.equal(sent.length, 2, 'one getrates per packed box');
    assert.ok(sent.every((b) => b.toState === 'WA' && b.toCountry === 'US'), 'state name mapped to its code');
    assert.ok(sent.every((b) => b.weight.value > 0));
    const saleCall = sims.dear.requests.find((r) => r.path.toLowerCase() === '/sale');
    assert.equal(saleCall?.query?.CountryFormat ?? saleCall?.query?.countryformat, 'Code2');
  });

  it('refuses a sale without a shipping address with 422 sale_missing_shipping_address', async () => {
    const res = await rates({ connectionId, saleId: SEED.saleIds.noShippingAddress });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'sale_missing_shipping_address');
  });

  it('passes on DEAR’s message for an unknown sale as a 404', async () => {
    const res = await rates({ connectionId, saleId: randomUUID() });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'upstream_not_found');
    assert.equal(res.body.upstream.system, 'dear');
    assert.match(res.body.upstream.message, /not found/i);
  });

  it('asks for the fulfilment of an advanced sale with several open ones', async () => {
    const res = await rates({ connectionId, saleId: SEED.saleIds.advancedTwoFulfilments });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'fulfilment_task_required');
    const ok = await rates({ connectionId, saleId: SEED.saleIds.advancedTwoFulfilments, fulfilmentTaskId: SEED.taskIds.advancedTwoFulfilments[0], carrierCodes: ['ups'] });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  const bad: Array<[string, () => object, number, string, string?]> = [
    ['neither saleId nor shipment', () => ({ connectionId }), 400, 'validation_failed', 'saleId'],
    ['both saleId and shipment', () => ({ ...explicit(), saleId: SEED.saleIds.packedOneBox }), 400, 'validation_failed', 'shipment'],
    ['zero weight', () => explicit({ shipment: { shipTo, packages: [{ weight: { value: 0, unit: 'lb' } }] } }), 400, 'validation_failed', 'shipment.packages.0.weight.value'],
    ['negative weight', () => explicit({ shipment: { shipTo, packages: [{ weight: { value: -1, unit: 'kg' } }] } }), 400, 'validation_failed', 'shipment.packages.0.weight.value'],
    ['absurd weight', () => explicit({ shipment: { shipTo, packages: [{ weight: { value: 500, unit: 'lb' } }] } }), 400, 'validation_failed', 'shipment.packages.0.weight'],
    ['unknown weight unit', () => explicit({ shipment: { shipTo, packages: [{ weight: { value: 1, unit: 'stone' } }] } }), 400, 'validation_failed', 'shipment.packages.0.weight.unit'],
    ['unknown dimension unit', () => explicit({ shipment: { shipTo, packages: [{ weight: { value: 1, unit: 'lb' }, dimensions: { length: 1, width: 1, height: 1, unit: 'ft' } }] } }), 400, 'validation_failed', 'shipment.packages.0.dimensions.unit'],
    ['country not alpha-2', () => explicit({ shipment: { shipTo: { ...shipTo, country: 'USA' }, packages: [{ weight: { value: 1, unit: 'lb' } }] } }), 400, 'validation_failed', 'shipment.shipTo.country'],
    ['no packages', () => explicit({ shipment: { shipTo, packages: [] } }), 400, 'validation_failed', 'shipment.packages'],
    ['unknown connection', () => ({ ...explicit(), connectionId: randomUUID() }), 404, 'connection_not_found'],
    ['connectionId not a UUID', () => ({ ...explicit(), connectionId: 'abc' }), 400, 'validation_failed', 'connectionId'],
    ['fulfilment without sale', () => explicit({ fulfilmentTaskId: randomUUID() }), 400, 'validation_failed', 'fulfilmentTaskId'],
    ['bad carrier code', () => explicit({ carrierCodes: ['UPS!'] }), 400, 'validation_failed', 'carrierCodes'],
  ];
  for (const [name, body, status, code, field] of bad) {
    it(`refuses ${name} with ${status} ${code}`, async () => {
      const res = await rates(body());
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.match(res.headers['content-type'], /application\/problem\+json/);
      assert.equal(res.body.code, code);
      if (field) assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), JSON.stringify(res.body.errors));
      assert.equal(sims.shipstation.countRequests({ path: '/shipments/getrates' }), 0, 'nothing was asked upstream');
    });
  }
});
