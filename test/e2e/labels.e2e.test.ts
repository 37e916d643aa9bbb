import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { bearer, TestApp } from '../support/test-app';
import { connectToSimulators, Simulators, useSimulatedApp } from '../support/simulators';
import { LABEL_TEST_ENV, SHIP_TO, waitForLabel } from '../support/labels-kit';

describe('labels (e2e)', () => {
  let t: TestApp;
  let sims: Simulators;
  let connectionId: string;
  const post = (body: object, key?: string) => {
    const req = t.http().post('/v1/labels').set(bearer(t.adminKey));
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const rateFor = async (body: object) => {
    const res = await t.http().post('/v1/rates').set(bearer(t.adminKey)).send({ connectionId, carrierCodes: ['stamps_com'], ...body });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.rates[0].rateId as string;
  };
  const dearSale = (id: string) => sims.dear.state.sales.find((s) => s.ID === id) as any;

  const app = useSimulatedApp({ env: LABEL_TEST_ENV, connection: { shippingService: { enabled: true, currency: 'USD', shipFrom: { name: 'WH', street1: '1 Dock Rd', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' }, freight: { mode: 'invoice_charge', productName: 'Freight' } } } });
  before(() => ({ t, sims, connectionId } = app));

  it('buys a label for a packed sale from a rate, serves its PDF and records it in DEAR', async () => {
    const rateId = await rateFor({ saleId: SEED.saleIds.packedOneBox });
    const res = await post({ connectionId, rateId, saleId: SEED.saleIds.packedOneBox });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const label = res.body;
    assert.equal(label.status, 'purchased');
    assert.equal(label.saleId, SEED.saleIds.packedOneBox);
    assert.equal(label.carrierCode, 'stamps_com');
    assert.match(label.trackingNumber, /\S{10,}/);
    assert.match(label.shipmentCost, /^\d+\.\d{2}$/);
    assert.equal(label.currency, 'USD');
    assert.equal(label.documentUrl, `/v1/labels/${label.id}/document`);
    assert.equal(label.writeBack.status, 'pending');

    const pdf = await t.http().get(label.documentUrl).set(bearer(t.adminKey)).buffer(true).parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(pdf.headers['content-disposition'], /filename="label-.+\.pdf"/);
    assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');

    const done = await waitForLabel(t, label.id, (l) => l.writeBack.status !== 'pending');
    assert.equal(done.writeBack.status, 'done', JSON.stringify(done.writeBack));
    assert.equal(done.writeBack.outcome.shipLine, 'added');
    const ship = dearSale(SEED.saleIds.packedOneBox).Fulfilments[0].Ship;
    assert.equal(ship.Lines.filter((l: any) => l.TrackingNumber === label.trackingNumber).length, 1);
    assert.equal(ship.Lines[0].IsShipped, true);
    assert.equal(sims.shipstation.countRequests({ path: '/shipments/createlabel' }), 1);
  });

  it('answers 409 with the existing label for a second label on the same box, unless allowAdditional', async () => {
    const body = { connectionId, saleId: SEED.saleIds.packedTwoBoxes, box: 'Box 1', carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' };
    const first = await post(body);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const second = await post(body);
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'label_exists');
    assert.equal(second.body.label.id, first.body.id);
    const other = await post({ ...body, box: 'Box 2' });
    assert.equal(other.status, 201, 'another box of the same sale is fine');
    const extra = await post({ ...body, allowAdditional: true });
    assert.equal(extra.status, 201);
    assert.notEqual(extra.body.id, first.body.id);
    assert.equal(sims.shipstation.countRequests({ path: '/shipments/createlabel' }), 3);
  });

  it('buys a label for an explicit one-package shipment without any DEAR write-back', async () => {
    const res = await post({ connectionId, carrierCode: 'ups', serviceCode: 'ups_ground', shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 3, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }] }, testLabel: true });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.writeBack.status, 'not_applicable');
    assert.equal(res.body.testLabel, true);
    const sent = sims.shipstation.requests.find((r) => r.path === '/shipments/createlabel')!.body as any;
    assert.deepEqual(sent.weight, { value: 3000, units: 'grams' });
    assert.equal(sent.testLabel, true);
    assert.equal(sent.advancedOptions.customField1, `dsb:${res.body.id}`);
  });

  it('voids a label, corrects DEAR, and voiding again returns it unchanged', async () => {
    const bought = await post({ connectionId, saleId: SEED.saleIds.mixedWeightUnits, box: 'Box 1', carrierCode: 'fedex', serviceCode: 'fedex_ground' });
    assert.equal(bought.status, 201, JSON.stringify(bought.body));
    await waitForLabel(t, bought.body.id, (l) => l.writeBack.status === 'done');
    const voided = await t.http().post(`/v1/labels/${bought.body.id}/void`).set(bearer(t.adminKey));
    assert.equal(voided.status, 200, JSON.stringify(voided.body));
    assert.equal(voided.body.status, 'voided');
    assert.ok(voided.body.voidedAt);
    const again = await t.http().post(`/v1/labels/${bought.body.id}/void`).set(bearer(t.adminKey));
    assert.equal(again.status, 200);
    assert.equal(again.body.voidedAt, voided.body.voidedAt);
    assert.equal(sims.shipstation.countRequests({ path: '/shipments/voidlabel' }), 1);
    const corrected = await waitForLabel(t, bought.body.id, (l) => !!l.writeBack.outcome?.voidCorrection);
    assert.equal(corrected.writeBack.outcome.voidCorrection, 'tracking_removed', JSON.stringify(corrected.writeBack));
    const lines = dearSale(SEED.saleIds.mixedWeightUnits).Fulfilments[0].Ship.Lines;
    assert.ok(lines.every((l: any) => l.TrackingNumber !== bought.body.trackingNumber));
  });

  it('answers 422 with ShipStation’s message when it refuses a void', async () => {
    const bought = await post({ connectionId, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail', shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 1, unit: 'lb' } }] } });
    // Voided behind our back in ShipStation: the next void is refused (approved: false).
    const ss = sims.shipstation.state.shipments as any;
    const shipment = [...(ss.values?.() ?? ss)].find((s: any) => String(s.shipmentId) === bought.body.shipstationShipmentId);
    shipment.voided = true;
    const res = await t.http().post(`/v1/labels/${bought.body.id}/void`).set(bearer(t.adminKey));
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.code, 'void_refused');
    assert.equal(res.body.upstream.system, 'shipstation');
    assert.ok(res.body.upstream.message);
    assert.equal((await t.http().get(`/v1/labels/${bought.body.id}`).set(bearer(t.adminKey))).body.status, 'purchased');
  });

  it('lists labels with filters and cursor pagination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post({ connectionId, carrierCode: 'stamps_com', serviceCode: 'usps_first_class_mail', shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 4 + i, unit: 'oz' } }] } });
      ids.push(res.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.http().get('/v1/labels').query({ connectionId, status: 'purchased', limit: 2, ...(cursor ? { cursor } : {}) }).set(bearer(t.adminKey));
      assert.equal(page.status, 200);
      seen.push(...page.body.data.map((l: any) => l.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    for (const id of ids) assert.ok(seen.includes(id));
    assert.equal(new Set(seen).size, seen.length);
    const bySale = await t.http().get('/v1/labels').query({ saleId: SEED.saleIds.packedOneBox }).set(bearer(t.adminKey));
    assert.ok(bySale.body.data.every((l: any) => l.saleId === SEED.saleIds.packedOneBox));
    const future = await t.http().get('/v1/labels').query({ createdFrom: new Date(Date.now() + 60_000).toISOString() }).set(bearer(t.adminKey));
    assert.deepEqual(future.body.data, []);
  });

  const bad: Array<[string, () => Promise<object> | object, number, string]> = [
    ['an unknown rateId', () => ({ connectionId, rateId: `${randomUUID()}:0` }), 422, 'quote_expired'],
    ['a malformed rateId', () => ({ connectionId, rateId: 'abc' }), 400, 'validation_failed'],
    ['both rateId and codes', () => ({ connectionId, rateId: `${randomUUID()}:0`, carrierCode: 'ups', serviceCode: 'ups_ground' }), 400, 'validation_failed'],
    ['codes without sale or shipment', () => ({ connectionId, carrierCode: 'ups', serviceCode: 'ups_ground' }), 400, 'validation_failed'],
    ['a box the sale does not have', () => ({ connectionId, saleId: SEED.saleIds.packedTwoBoxes, box: 'Box 9', carrierCode: 'ups', serviceCode: 'ups_ground' }), 422, 'sale_box_not_found'],
    ['a sale with several boxes and no box', () => ({ connectionId, saleId: SEED.saleIds.packedThreeBoxes, carrierCode: 'ups', serviceCode: 'ups_ground' }), 422, 'box_required'],
    ['a service the carrier does not have', () => ({ connectionId, carrierCode: 'ups', serviceCode: 'fedex_ground', shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 1, unit: 'lb' } }] } }), 422, 'service_not_offered'],
    ['two packages in one label', () => ({ connectionId, carrierCode: 'ups', serviceCode: 'ups_ground', shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 1, unit: 'lb' } }, { weight: { value: 1, unit: 'lb' } }] } }), 422, 'single_package_required'],
    ['a sale without a shipping address', () => ({ connectionId, saleId: SEED.saleIds.noShippingAddress, carrierCode: 'ups', serviceCode: 'ups_ground' }), 422, 'sale_missing_shipping_address'],
    ['an unknown connection', () => ({ connectionId: randomUUID(), carrierCode: 'ups', serviceCode: 'ups_ground', shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 1, unit: 'lb' } }] } }), 404, 'connection_not_found'],
    ['a bad ship date', () => ({ connectionId, carrierCode: 'ups', serviceCode: 'ups_ground', shipDate: '27/11/2026', shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 1, unit: 'lb' } }] } }), 400, 'validation_failed'],
  ];
  for (const [name, body, status, code] of bad) {
    it(`refuses ${name} with ${status} ${code} and buys nothing`, async () => {
      const before = sims.shipstation.countRequests({ path: '/shipments/createlabel' });
      const res = await post(await body());
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.match(res.headers['content-type'], /application\/problem\+json/);
      assert.equal(res.body.code, code);
      assert.equal(sims.shipstation.countRequests({ path: '/shipments/createlabel' }), before);
    });
  }

  it('refuses a rate quoted for another connection', async () => {
    const other = await connectToSimulators(t, sims);
    const res = await t.http().post('/v1/rates').set(bearer(t.adminKey)).send({ connectionId: other, carrierCodes: ['stamps_com'], shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 1, unit: 'lb' } }] } });
    const bought = await post({ connectionId, rateId: res.body.rates[0].rateId });
    assert.equal(bought.status, 422);
    assert.equal(bought.body.code, 'rate_connection_mismatch');
  });

  it('answers 404 for an unknown label, its document and its void', async () => {
    for (const path of [`/v1/labels/${randomUUID()}`, `/v1/labels/${randomUUID()}/document`]) {
      const res = await t.http().get(path).set(bearer(t.adminKey));
      assert.equal(res.status, 404);
      assert.equal(res.body.code, 'label_not_found');
    }
    const v = await t.http().post(`/v1/labels/${randomUUID()}/void`).set(bearer(t.adminKey));
    assert.equal(v.status, 404);
    assert.equal(v.body.code, 'label_not_found');
  });
});
