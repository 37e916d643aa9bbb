import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReferenceSchemas, type SchemaRelaxation } from '../common/openapi-schemas';
import { startShipStationSimulator, type ShipStationSimulator } from './shipstation-simulator';

/**
 * Golden tests: the simulator over real HTTP, every success body validated against the
 * Swagger file in shared/reference (shipstation-v1.swagger.yaml). That file declares no
 * response schemas, only examples, so the loader infers schemas from the examples (every
 * key shown is required with the example's type; date strings keep their Pacific shape).
 * Where the examples are narrower than the documented behaviour, the relaxation below
 * says so and cites the fact sheet (reference/shipstation.md).
 */
const RELAXATIONS: SchemaRelaxation[] = [
  {
    where: 'response', method: 'GET', path: '/webhooks', at: 'webhooks[]/StoreID', nullable: true,
    reason: 'fact sheet §8.1: store_id is optional on subscribe; a hook for all stores has no StoreID (both examples happen to have one)',
  },
  {
    where: 'response', method: 'GET', path: '/shipments', at: 'shipments[]/orderId', nullable: true,
    reason: 'fact sheet §7.1: orderId/orderKey/orderNumber are null for order-less labels (createlabel); the example lists only order labels',
  },
  {
    where: 'response', method: 'GET', path: '/shipments', at: 'shipments[]/orderNumber', nullable: true,
    reason: 'fact sheet §7.1, as orderId',
  },
  {
    where: 'response', method: 'GET', path: '/shipments', at: 'shipments[]/shipmentItems', nullable: true,
    reason: 'fact sheet §7.1: shipmentItems is null unless includeShipmentItems=true (the "w/o parameters" example shows items anyway)',
  },
];

const schemas = ReferenceSchemas.load('shipstation-v1.swagger.yaml', {
  // The Swagger body schemas were generated from examples: `type: 'null'` marks a null
  // example value (getrates serviceCode/packageCode, createlabel advancedOptions...),
  // contradicting the descriptions ("string, optional"), so it means "type unknown".
  nullOnlyTypeMeansUnknown: true,
  relaxations: RELAXATIONS,
});

function assertReference(method: string, path: string, body: unknown, status = 200): void {
  const v = schemas.response(method, path, status);
  const r = v(body);
  assert.ok(r.valid, `${v.operation} (${v.source}) ${status}: ${r.errors.join('; ')}`);
}

function assertRequestMatchesReference(method: string, path: string, body: unknown): void {
  const v = schemas.request(method, path);
  const r = v(body);
  assert.ok(r.valid, `request ${v.operation}: ${r.errors.join('; ')}`);
}

const KEY = 'sandbox-ss-key';
const SECRET = 'sandbox-ss-secret';
const basic = (k = KEY, s = SECRET): string => `Basic ${Buffer.from(`${k}:${s}`).toString('base64')}`;

interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function call(
  sim: ShipStationSimulator,
  method: string,
  path: string,
  body?: unknown,
  opts: { auth?: string | null; signal?: AbortSignal } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const auth = opts.auth === undefined ? basic() : opts.auth;
  if (auth !== null) headers.Authorization = auth;
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: opts.signal,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const ADDRESS_TO = {
  name: 'The President', company: 'US Govt', street1: '1600 Pennsylvania Ave', street2: 'Oval Office', street3: null,
  city: 'Washington', state: 'DC', postalCode: '20500', country: 'US', phone: '555-555-5555', residential: false,
};
const ADDRESS_FROM = {
  name: 'Jason Hodges', company: 'ShipStation', street1: '2815 Exposition Blvd', street2: 'Ste 2353242', street3: null,
  city: 'Austin', state: 'TX', postalCode: '78703', country: 'US', phone: '512-555-0100', residential: false,
};

/** Mirrors the reference's createorder example so every documented key is exercised. */
function richOrder(orderNumber: string, orderKey?: string, status = 'awaiting_shipment'): Record<string, unknown> {
  return {
    orderNumber,
    ...(orderKey ? { orderKey } : {}),
    orderDate: '2015-06-29T08:46:27.0000000',
    paymentDate: '2015-06-29T08:46:27.0000000',
    shipByDate: '2015-07-05T00:00:00.0000000',
    orderStatus: status,
    customerUsername: 'headhoncho@whitehouse.gov',
    customerEmail: 'headhoncho@whitehouse.gov',
    billTo: { name: 'The President' },
    shipTo: ADDRESS_TO,
    items: [
      {
        lineItemKey: 'vd08-MSLbtx', sku: 'ABC123', name: 'Test item #1', imageUrl: null,
        weight: { value: 24, units: 'ounces' }, quantity: 2, unitPrice: 99.99, taxAmount: 2.5, shippingAmount: 5,
        warehouseLocation: 'Aisle 1, Bin 7', options: [{ name: 'Size', value: 'Large' }], productId: 123456,
        fulfillmentSku: null, adjustment: false, upc: '32-65-98',
      },
      {
        lineItemKey: null, sku: 'DISCOUNT CODE', name: '10% OFF', quantity: 1, unitPrice: -20.55,
        weight: { value: 0, units: 'ounces' }, warehouseLocation: null, options: [], adjustment: true, fulfillmentSku: 'SKU-Discount',
      },
    ],
    amountPaid: 218.73, taxAmount: 5, shippingAmount: 10,
    customerNotes: 'Thanks for ordering!', internalNotes: 'Customer called and would like to upgrade shipping',
    gift: true, giftMessage: 'Thank you!', paymentMethod: 'Credit Card', requestedShippingService: 'Priority Mail',
    carrierCode: 'fedex', serviceCode: 'fedex_2day', packageCode: 'package', confirmation: 'delivery', shipDate: '2015-07-02',
    weight: { value: 25, units: 'ounces' },
    dimensions: { units: 'inches', length: 7, width: 5, height: 6 },
    insuranceOptions: { provider: 'carrier', insureShipment: true, insuredValue: 200 },
    internationalOptions: { contents: null, customsItems: null },
    advancedOptions: {
      warehouseId: 98765, nonMachinable: false, saturdayDelivery: false, containsAlcohol: false, storeId: 22766,
      customField1: 'Custom data', customField2: 'Per UI settings', customField3: 'https://example.test', source: 'Webstore',
      billToParty: null, billToAccount: null, billToPostalCode: null, billToCountryCode: null,
    },
    tagIds: [53974],
  };
}

function labelRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    carrierCode: 'fedex', serviceCode: 'fedex_ground', packageCode: 'package', confirmation: 'delivery',
    shipDate: '2016-04-03', weight: { value: 3, units: 'ounces' },
    dimensions: { units: 'inches', length: 7, width: 5, height: 6 },
    shipFrom: ADDRESS_FROM, shipTo: ADDRESS_TO,
    insuranceOptions: null, internationalOptions: null, advancedOptions: null, testLabel: false,
    ...overrides,
  };
}

const RATE_REQUEST = {
  carrierCode: 'fedex', serviceCode: null, packageCode: null, fromPostalCode: '78703', toState: 'NY', toCountry: 'US',
  toPostalCode: '10001', toCity: 'New York', weight: { value: 3, units: 'ounces' },
  dimensions: { units: 'inches', length: 7, width: 5, height: 6 }, confirmation: 'delivery', residential: false,
};

describe('ShipStation simulator', () => {
  let sim: ShipStationSimulator;
  before(async () => {
    // A roomy budget here; the 40/min default is exercised by the rate-limit tests.
    sim = await startShipStationSimulator({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
  });
  after(async () => {
    await sim.close();
  });

  describe('reference shapes (Swagger examples)', () => {
    it('lists carriers, one carrier, services and packages', async () => {
      const carriers = await call(sim, 'GET', '/carriers');
      assert.equal(carriers.status, 200);
      assertReference('GET', '/carriers', carriers.body);
      assert.deepEqual(carriers.body.map((c: { code: string }) => c.code), ['stamps_com', 'ups', 'fedex']);

      const one = await call(sim, 'GET', '/carriers/getcarrier?carrierCode=ups');
      assertReference('GET', '/carriers/getcarrier?carrierCode=ups', one.body);
      assert.equal(one.body.name, 'UPS');

      const services = await call(sim, 'GET', '/carriers/listservices?carrierCode=fedex');
      assertReference('GET', '/carriers/listservices?carrierCode=fedex', services.body);
      assert.ok(services.body.some((s: { code: string }) => s.code === 'fedex_2day'));
      assert.ok(services.body.every((s: { carrierCode: string }) => s.carrierCode === 'fedex'));

      const usps = await call(sim, 'GET', '/carriers/listservices?carrierCode=stamps_com');
      const codes = usps.body.map((s: { code: string }) => s.code);
      assert.ok(codes.includes('usps_priority_mail') && codes.includes('usps_first_class_mail'));

      const packages = await call(sim, 'GET', '/carriers/listpackages?carrierCode=stamps_com');
      assertReference('GET', '/carriers/listpackages?carrierCode=stamps_com', packages.body);
      assert.ok(packages.body.some((p: { code: string }) => p.code === 'flat_rate_envelope'));
    });

    it('lists stores: a manual store and "Manual Orders"', async () => {
      const stores = await call(sim, 'GET', '/stores');
      assertReference('GET', '/stores', stores.body);
      assert.deepEqual(stores.body.map((s: { storeName: string }) => s.storeName), ['ShipStation Manual Store', 'Manual Orders']);
      assert.ok(stores.body.every((s: { marketplaceId: number }) => s.marketplaceId === 0));
    });

    it('gets rates in the documented shape', async () => {
      assertRequestMatchesReference('POST', '/shipments/getrates', RATE_REQUEST);
      const r = await call(sim, 'POST', '/shipments/getrates', RATE_REQUEST);
      assert.equal(r.status, 200);
      assertReference('POST', '/shipments/getrates', r.body);
      assert.ok(r.body.some((x: { serviceCode: string }) => x.serviceCode === 'fedex_ground'));
    });

    it('creates, lists and voids a label in the documented shapes', async () => {
      const req = labelRequest();
      assertRequestMatchesReference('POST', '/shipments/createlabel', req);
      const label = await call(sim, 'POST', '/shipments/createlabel', req);
      assert.equal(label.status, 200, JSON.stringify(label.body));
      assertReference('POST', '/shipments/createlabel', label.body);
      for (const k of ['shipmentId', 'orderId', 'userId', 'customerEmail', 'orderNumber', 'createDate', 'shipDate', 'shipmentCost',
        'insuranceCost', 'trackingNumber', 'isReturnLabel', 'batchNumber', 'carrierCode', 'serviceCode', 'packageCode', 'confirmation',
        'warehouseId', 'voided', 'voidDate', 'marketplaceNotified', 'notifyErrorMessage', 'shipTo', 'weight', 'dimensions',
        'insuranceOptions', 'advancedOptions', 'shipmentItems', 'labelData', 'formData']) {
        assert.ok(k in label.body, `createlabel response lacks ${k}`);
      }
      assert.match(label.body.trackingNumber, /^\d{12}$/);

      const list = await call(sim, 'GET', `/shipments?trackingNumber=${label.body.trackingNumber}&includeShipmentItems=false`);
      assertReference('GET', '/shipments', list.body);
      assert.equal(list.body.total, 1);
      assert.equal(list.body.shipments[0].labelData, null);

      const voided = await call(sim, 'POST', '/shipments/voidlabel', { shipmentId: label.body.shipmentId });
      assertReference('POST', '/shipments/voidlabel', voided.body);
      assert.deepEqual(voided.body, { approved: true, message: 'Label voided successfully' });
    });

    it('creates, reads, lists and deletes orders in the documented shapes', async () => {
      const created = await call(sim, 'POST', '/orders/createorder', richOrder('SHAPE-1', 'shape-1'));
      assert.equal(created.status, 200, JSON.stringify(created.body));
      assertReference('POST', '/orders/createorder', created.body);
      assert.equal(created.body.orderTotal, 194.43); // 2×99.99 − 20.55 + 5 + 10, as the reference example

      const one = await call(sim, 'GET', `/orders/${created.body.orderId}`);
      assertReference('GET', `/orders/${created.body.orderId}`, one.body);

      const list = await call(sim, 'GET', '/orders?orderNumber=SHAPE-');
      assertReference('GET', '/orders', list.body);
      assert.equal(list.body.total, 1);

      const bulk = await call(sim, 'POST', '/orders/createorders', [richOrder('SHAPE-2', 'shape-2'), richOrder('SHAPE-3', 'shape-3')]);
      assertReference('POST', '/orders/createorders', bulk.body);
      assert.equal(bulk.body.hasErrors, false);

      const del = await call(sim, 'DELETE', `/orders/${created.body.orderId}`);
      assert.equal(del.status, 200);
      assert.deepEqual(del.body, { success: true, message: 'The requested order has been deleted.' });
      const after = await call(sim, 'GET', '/orders?orderNumber=SHAPE-1');
      assert.equal(after.body.total, 0, 'soft-deleted orders are hidden from lists');
    });

    it('creates a label for an order; the order becomes shipped; the shipment lists its items', async () => {
      const order = await call(sim, 'POST', '/orders/createorder', richOrder('LBL-ORDER-1', 'lbl-order-1'));
      const req = {
        orderId: order.body.orderId, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail', packageCode: 'package',
        confirmation: null, shipDate: '2015-07-02', weight: { value: 2, units: 'pounds' }, dimensions: null,
        insuranceOptions: null, internationalOptions: null, advancedOptions: null, testLabel: false,
      };
      assertRequestMatchesReference('POST', '/orders/createlabelfororder', req);
      const label = await call(sim, 'POST', '/orders/createlabelfororder', req);
      assert.equal(label.status, 200, JSON.stringify(label.body));
      assertReference('POST', '/orders/createlabelfororder', label.body);
      assert.match(label.body.trackingNumber, /^9400\d{18}$/);

      const again = await call(sim, 'GET', `/orders/${order.body.orderId}`);
      assert.equal(again.body.orderStatus, 'shipped');
      const ships = await call(sim, 'GET', `/shipments?orderId=${order.body.orderId}&includeShipmentItems=true`);
      assertReference('GET', '/shipments', ships.body);
      assert.equal(ships.body.shipments[0].shipmentItems.length, 2);
      assert.equal(ships.body.shipments[0].orderNumber, 'LBL-ORDER-1');
    });

    it('subscribes, lists and deletes webhooks', async () => {
      const sub = await call(sim, 'POST', '/webhooks/subscribe', {
        target_url: 'https://example.test/hook', event: 'SHIP_NOTIFY', store_id: null, friendly_name: 'My Shipment Webhook',
      });
      assert.equal(sub.status, 200);
      assertReference('POST', '/webhooks/subscribe', sub.body);
      const list = await call(sim, 'GET', '/webhooks');
      assertReference('GET', '/webhooks', list.body);
      assert.equal(list.body.webhooks[0].HookType, 'SHIP_NOTIFY');
      const del = await fetch(`${sim.url}/webhooks/${sub.body.id}`, { method: 'DELETE', headers: { Authorization: basic() } });
      assert.equal(del.status, 200);
      assert.equal(await del.text(), '', 'unsubscribe answers 200 with no body (§8.1)');
      assert.equal((await call(sim, 'GET', '/webhooks')).body.webhooks.length, 0);
    });
  });

  describe('auth and errors', () => {
    it('answers 401 without or with wrong credentials, without rate headers', async () => {
      for (const auth of [null, basic('sandbox-ss-key', 'wrong'), 'Bearer x']) {
        const r = await call(sim, 'GET', '/carriers', undefined, { auth });
        assert.equal(r.status, 401);
        assert.equal(typeof r.body.Message, 'string');
        assert.equal(r.headers.get('x-rate-limit-limit'), null);
      }
    });

    it('answers 404 for an unknown route and 405 for a wrong method, Web API style', async () => {
      const r = await call(sim, 'GET', '/nothing/here');
      assert.equal(r.status, 404);
      assert.match(r.body.Message, /^No HTTP resource was found that matches the request URI/);
      const m = await call(sim, 'PUT', '/carriers');
      assert.equal(m.status, 405);
      assert.equal(typeof m.body.Message, 'string');
      const missing = await call(sim, 'GET', '/orders/1');
      assert.equal(missing.status, 404);
    });

    it('answers 400 with ModelState for missing createlabel fields and non-boolean booleans', async () => {
      const r = await call(sim, 'POST', '/shipments/createlabel', { carrierCode: 'ups', testLabel: 0 });
      assert.equal(r.status, 400);
      assert.equal(r.body.Message, 'The request is invalid.');
      for (const f of ['serviceCode', 'packageCode', 'shipDate', 'weight', 'shipFrom', 'shipTo', 'testLabel']) {
        assert.ok(Array.isArray(r.body.ModelState[`request.${f}`]), `ModelState lacks request.${f}: ${JSON.stringify(r.body)}`);
      }
    });

    it('refuses a service the carrier does not have, as the real API does (500 NRE, §5.2)', async () => {
      const r = await call(sim, 'POST', '/shipments/createlabel', labelRequest({ carrierCode: 'ups', serviceCode: 'fedex_ground' }));
      assert.equal(r.status, 500);
      assert.equal(r.body.Message, 'An error has occurred.');
      assert.equal(r.body.ExceptionMessage, 'Object reference not set to an instance of an object.');
      const p = await call(sim, 'POST', '/shipments/createlabel', labelRequest({ packageCode: 'crate' }));
      assert.equal(p.body.ExceptionMessage, 'Invalid packageCode');
    });
  });

  describe('rates', () => {
    const base = { fromPostalCode: '78703', toCountry: 'US', toState: 'NY', toPostalCode: '10001' };

    it('needs exactly one carrierCode; missing fields give 400 ModelState', async () => {
      const none = await call(sim, 'POST', '/shipments/getrates', { ...base, weight: { value: 1, units: 'pounds' } });
      assert.equal(none.status, 400);
      assert.deepEqual(Object.keys(none.body.ModelState), ['request.carrierCode']);
      const two = await call(sim, 'POST', '/shipments/getrates', { ...base, carrierCode: ['ups', 'fedex'], weight: { value: 1, units: 'pounds' } });
      assert.equal(two.status, 400);
      const bad = await call(sim, 'POST', '/shipments/getrates', { carrierCode: 'ups', weight: { value: 1, units: 'stone' } });
      assert.equal(bad.status, 400);
      for (const k of ['request.fromPostalCode', 'request.toCountry', 'request.toPostalCode', 'request.weight.units']) {
        assert.ok(k in bad.body.ModelState, `missing ${k}`);
      }
    });

    it('answers only the asked carrier; unknown carrier is a 500 with the reported text', async () => {
      const ups = await call(sim, 'POST', '/shipments/getrates', { ...base, carrierCode: 'ups', weight: { value: 2, units: 'pounds' } });
      assert.equal(ups.status, 200);
      assert.ok(ups.body.length > 0 && ups.body.every((r: { serviceCode: string }) => r.serviceCode.startsWith('ups_')));
      const dhl = await call(sim, 'POST', '/shipments/getrates', { ...base, carrierCode: 'dhl_express', weight: { value: 2, units: 'pounds' } });
      assert.equal(dhl.status, 500);
      assert.equal(dhl.body.ExceptionMessage, 'No applicable services were available for the configured shipment');
    });

    it('prices deterministically from weight in any unit, dimensions, lane and service filter', async () => {
      const rate = async (extra: Record<string, unknown>) =>
        (await call(sim, 'POST', '/shipments/getrates', { ...base, carrierCode: 'fedex', ...extra })).body;
      const oz = await rate({ weight: { value: 48, units: 'ounces' } });
      assert.deepEqual(await rate({ weight: { value: 3, units: 'pounds' } }), oz);
      assert.deepEqual(await rate({ weight: { value: 1360.77711, units: 'grams' } }), oz);
      const big = await rate({ weight: { value: 48, units: 'ounces' }, dimensions: { length: 24, width: 24, height: 24, units: 'inches' } });
      const ground = (rs: Array<{ serviceCode: string; shipmentCost: number }>) => rs.find((r) => r.serviceCode === 'fedex_ground')!.shipmentCost;
      assert.ok(ground(big) > ground(oz), 'dimensional weight raises the price');
      const only = await rate({ weight: { value: 48, units: 'ounces' }, serviceCode: 'fedex_2day' });
      assert.deepEqual(only.map((r: { serviceCode: string }) => r.serviceCode), ['fedex_2day']);
      const intl = await rate({ weight: { value: 48, units: 'ounces' }, toCountry: 'GB', toState: null, toPostalCode: 'NW1 6XE' });
      assert.ok(intl.length > 0 && intl.every((r: { serviceCode: string }) => r.serviceCode.startsWith('fedex_international')));
    });
  });

  describe('orders', () => {
    it('upserts by orderKey (same orderId back) and duplicates without one', async () => {
      const a = await call(sim, 'POST', '/orders/createorder', richOrder('UPS-100', 'upsert-key-1'));
      const b = await call(sim, 'POST', '/orders/createorder', { ...richOrder('UPS-100', 'upsert-key-1'), orderStatus: 'on_hold' });
      assert.equal(b.body.orderId, a.body.orderId);
      assert.equal(b.body.orderStatus, 'on_hold');
      assert.equal(b.body.createDate, a.body.createDate);
      const n1 = await call(sim, 'POST', '/orders/createorder', richOrder('NOKEY-1'));
      const n2 = await call(sim, 'POST', '/orders/createorder', richOrder('NOKEY-1'));
      assert.notEqual(n1.body.orderId, n2.body.orderId);
      assert.notEqual(n1.body.orderKey, n2.body.orderKey);
    });

    it('locks shipped orders against updates, singly and in bulk', async () => {
      const shipped = await call(sim, 'POST', '/orders/createorder', richOrder('LOCK-1', 'lock-key-1', 'shipped'));
      assert.equal(shipped.status, 200);
      const upd = await call(sim, 'POST', '/orders/createorder', { ...richOrder('LOCK-1', 'lock-key-1'), internalNotes: 'changed' });
      assert.equal(upd.status, 500);
      assert.match(upd.body.ExceptionMessage, /shipped and cannot be modified/);
      const bulk = await call(sim, 'POST', '/orders/createorders', [richOrder('LOCK-1', 'lock-key-1'), richOrder('LOCK-2', 'lock-key-2')]);
      assert.equal(bulk.body.hasErrors, true);
      assert.equal(bulk.body.results[0].success, false);
      assert.match(bulk.body.results[0].errorMessage, /cannot be modified/);
      assert.equal(bulk.body.results[1].success, true);
      const too = await call(sim, 'POST', '/orders/createorders', Array.from({ length: 101 }, (_, i) => richOrder(`MANY-${i}`)));
      assert.equal(too.status, 400);
    });

    it('validates required order fields with ModelState', async () => {
      const r = await call(sim, 'POST', '/orders/createorder', { orderKey: 'x' });
      assert.equal(r.status, 400);
      for (const f of ['orderNumber', 'orderDate', 'orderStatus', 'billTo', 'shipTo']) assert.ok(`request.${f}` in r.body.ModelState, f);
    });

    it('filters by orderNumber prefix, status and pages', async () => {
      for (let i = 0; i < 5; i++) await call(sim, 'POST', '/orders/createorder', richOrder(`PAGE-${i}`, `page-${i}`, i < 3 ? 'awaiting_shipment' : 'on_hold'));
      const p = await call(sim, 'GET', '/orders?orderNumber=PAGE-&pageSize=2&page=2');
      assert.equal(p.body.total, 5);
      assert.equal(p.body.pages, 3);
      assert.equal(p.body.page, 2);
      assert.deepEqual(p.body.orders.map((o: { orderNumber: string }) => o.orderNumber), ['PAGE-2', 'PAGE-3']);
      const held = await call(sim, 'GET', '/orders?orderNumber=PAGE-&orderStatus=on_hold');
      assert.equal(held.body.total, 2);
      const tooBig = await call(sim, 'GET', '/orders?pageSize=501');
      assert.equal(tooBig.status, 400);
    });
  });

  describe('void', () => {
    it('refuses a second void, an unknown id, and a label past the carrier void window', async () => {
      let clock = new Date('2024-05-01T17:00:00Z');
      const s = await startShipStationSimulator({ now: () => clock });
      try {
        const a = await call(s, 'POST', '/shipments/createlabel', labelRequest());
        const first = await call(s, 'POST', '/shipments/voidlabel', { shipmentId: a.body.shipmentId });
        assert.equal(first.body.approved, true);
        const second = await call(s, 'POST', '/shipments/voidlabel', { shipmentId: a.body.shipmentId });
        assert.equal(second.status, 200);
        assert.equal(second.body.approved, false);
        assert.equal(typeof second.body.message, 'string');
        const listed = await call(s, 'GET', `/shipments?trackingNumber=${a.body.trackingNumber}`);
        assert.equal(listed.body.shipments[0].voided, true);
        assert.equal(listed.body.shipments[0].voidDate, '2024-05-01T10:00:00.0000000');

        const unknown = await call(s, 'POST', '/shipments/voidlabel', { shipmentId: 1 });
        assert.equal(unknown.body.approved, false);

        const old = await call(s, 'POST', '/shipments/createlabel', labelRequest({ carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' }));
        clock = new Date(clock.getTime() + 31 * 86_400_000);
        const late = await call(s, 'POST', '/shipments/voidlabel', { shipmentId: old.body.shipmentId });
        assert.equal(late.body.approved, false);
        assert.match(late.body.message, /30 days/);
      } finally {
        await s.close();
      }
    });
  });

  describe('Pacific time', () => {
    it('renders timestamps in America/Los_Angeles local time across both DST changes', async () => {
      let clock = new Date('2024-03-10T09:30:00Z'); // 01:30 PST
      const s = await startShipStationSimulator({ now: () => clock });
      try {
        const create = async (n: string) => (await call(s, 'POST', '/orders/createorder', richOrder(n, n))).body;
        const before = await create('DST-1');
        assert.equal(before.createDate, '2024-03-10T01:30:00.0000000');
        assertReference('POST', '/orders/createorder', before);
        clock = new Date('2024-03-10T10:30:00Z'); // one hour later: 03:30 PDT
        const afterSpring = await create('DST-2');
        assert.equal(afterSpring.createDate, '2024-03-10T03:30:00.0000000');
        assert.equal(afterSpring.items[0].createDate, '2024-03-10T03:30:00');

        clock = new Date('2024-11-03T08:30:00.123Z'); // 01:30:00.123 PDT
        assert.equal((await create('DST-3')).createDate, '2024-11-03T01:30:00.1230000');
        clock = new Date('2024-11-03T09:30:00Z'); // 01:30 PST, the repeated hour
        assert.equal((await create('DST-4')).createDate, '2024-11-03T01:30:00.0000000');

        // Filters are read as Pacific local time: 02:00 on 10 March does not exist (spring gap)
        // and is read as 03:00 PDT; only DST-2 was modified after it in March.
        const q = await call(s, 'GET', `/orders?orderNumber=DST-&modifyDateStart=${encodeURIComponent('2024-03-10 02:00:00')}&modifyDateEnd=${encodeURIComponent('2024-03-31 00:00:00')}`);
        assert.deepEqual(q.body.orders.map((o: { orderNumber: string }) => o.orderNumber), ['DST-2']);
        const q2 = await call(s, 'GET', `/orders?orderNumber=DST-&modifyDateEnd=${encodeURIComponent('2024-03-10 01:59:59')}`);
        assert.deepEqual(q2.body.orders.map((o: { orderNumber: string }) => o.orderNumber), ['DST-1']);
        // Input dates are Pacific too: the order date comes back as sent.
        assert.equal(before.orderDate, '2015-06-29T08:46:27.0000000');
      } finally {
        await s.close();
      }
    });
  });

  describe('rate limit', () => {
    it('counts down per key pair, answers 429 when exhausted and recovers after the window', async () => {
      const s = await startShipStationSimulator({
        rateLimit: { limit: 5, windowMs: 1000 },
        credentials: [{ apiKey: KEY, apiSecret: SECRET }, { apiKey: 'other', apiSecret: 'pair' }],
      });
      try {
        const remaining: string[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await call(s, 'GET', '/carriers');
          assert.equal(r.status, 200);
          assert.equal(r.headers.get('x-rate-limit-limit'), '5');
          assert.equal(r.headers.get('x-rate-limit-reset'), '1');
          remaining.push(r.headers.get('x-rate-limit-remaining')!);
        }
        assert.deepEqual(remaining, ['4', '3', '2', '1', '0']);
        const limited = await call(s, 'GET', '/carriers');
        assert.equal(limited.status, 429);
        assert.deepEqual(limited.body, { message: 'Too Many Requests' });
        assert.equal(limited.headers.get('x-rate-limit-remaining'), '0');
        assert.ok(Number(limited.headers.get('x-rate-limit-reset')) >= 1);
        // Another key pair has its own window.
        const other = await call(s, 'GET', '/carriers', undefined, { auth: basic('other', 'pair') });
        assert.equal(other.status, 200);
        assert.equal(other.headers.get('x-rate-limit-remaining'), '4');
        await new Promise((r) => setTimeout(r, 1050));
        const recovered = await call(s, 'GET', '/carriers');
        assert.equal(recovered.status, 200);
        assert.equal(recovered.headers.get('x-rate-limit-remaining'), '4');
      } finally {
        await s.close();
      }
    });

    it('reports whole seconds left in a 60 s window', async () => {
      let clock = new Date('2024-01-01T00:00:00Z');
      const s = await startShipStationSimulator({ now: () => clock });
      try {
        const a = await call(s, 'GET', '/stores');
        assert.equal(a.headers.get('x-rate-limit-limit'), '40');
        assert.equal(a.headers.get('x-rate-limit-reset'), '60');
        clock = new Date(clock.getTime() + 38_500);
        const b = await call(s, 'GET', '/stores');
        assert.equal(b.headers.get('x-rate-limit-reset'), '22');
        assert.equal(b.headers.get('x-rate-limit-remaining'), '38');
      } finally {
        await s.close();
      }
    });
  });

  describe('faults', () => {
    it('status500 answers the Web API exception body with rate headers', async () => {
      sim.faults.inject({ method: 'POST', path: '/shipments/getrates', kind: 'status500' });
      const r = await call(sim, 'POST', '/shipments/getrates', RATE_REQUEST);
      assert.equal(r.status, 500);
      assert.deepEqual(Object.keys(r.body).sort(), ['ExceptionMessage', 'ExceptionType', 'Message', 'StackTrace']);
      assert.ok(r.headers.get('x-rate-limit-remaining') !== null);
      assert.equal((await call(sim, 'POST', '/shipments/getrates', RATE_REQUEST)).status, 200, 'times defaults to 1');
    });

    it('throttle answers 429 with the rate headers; a RegExp rule can make one carrier misbehave', async () => {
      sim.faults.inject({ path: /^\/carriers\/listservices/, kind: 'throttle', times: 2 });
      for (let i = 0; i < 2; i++) {
        const r = await call(sim, 'GET', '/carriers/listservices?carrierCode=ups');
        assert.equal(r.status, 429);
        assert.deepEqual(r.body, { message: 'Too Many Requests' });
        assert.ok(r.headers.get('x-rate-limit-reset') !== null);
      }
      assert.equal((await call(sim, 'GET', '/carriers/listservices?carrierCode=ups')).status, 200);
    });

    it('hang never answers (client timeout) and close() still finishes quickly', async () => {
      const s = await startShipStationSimulator();
      s.faults.inject({ path: '/carriers', kind: 'hang', times: Infinity });
      await assert.rejects(call(s, 'GET', '/carriers', undefined, { signal: AbortSignal.timeout(200) }), (e: Error) => e.name === 'TimeoutError');
      const pending = fetch(`${s.url}/carriers`, { headers: { Authorization: basic() } }).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 50));
      const t0 = Date.now();
      await s.close();
      assert.ok(Date.now() - t0 < 1000, 'close() must not wait for hung requests');
      assert.ok((await pending) instanceof Error);
    });

    it('reset destroys the socket without a response', async () => {
      sim.faults.inject({ method: 'GET', path: '/stores', kind: 'reset' });
      await assert.rejects(call(sim, 'GET', '/stores'), TypeError);
      const rec = sim.requests.filter((r) => r.path === '/stores').at(-1)!;
      assert.equal(rec.status, 0);
      assert.equal((await call(sim, 'GET', '/stores')).status, 200);
    });

    it('performThenDrop buys the label, loses the response; the label is found in GET /shipments', async () => {
      const ref = `idem-${Date.now()}`;
      const startedAt = '2000-01-01 00:00:00';
      sim.faults.inject({ method: 'POST', path: '/shipments/createlabel', kind: 'performThenDrop' });
      const before = sim.state.shipments.length;
      await assert.rejects(
        call(sim, 'POST', '/shipments/createlabel', labelRequest({ shipTo: { ...ADDRESS_TO, name: 'Lost Response' }, advancedOptions: { customField1: ref } })),
        TypeError,
      );
      assert.equal(sim.state.shipments.length, before + 1, 'the label was bought');
      const found = await call(sim, 'GET', `/shipments?recipientName=${encodeURIComponent('Lost Response')}&carrierCode=fedex&serviceCode=fedex_ground&createDateStart=${encodeURIComponent(startedAt)}`);
      assert.equal(found.status, 200);
      assertReference('GET', '/shipments', found.body);
      const mine = found.body.shipments.filter((s: { advancedOptions: { customField1: string } }) => s.advancedOptions.customField1 === ref);
      assert.equal(mine.length, 1);
      assert.equal(mine[0].voided, false);
    });

    it('is controllable over HTTP under /__sim/ without auth or rate limit', async () => {
      const post = await fetch(`${sim.url}/__sim/faults`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'GET', path: '/webhooks', kind: 'status500', times: 'Infinity' }),
      });
      assert.equal(post.status, 204);
      assert.equal((await call(sim, 'GET', '/webhooks')).status, 500);
      assert.equal((await call(sim, 'GET', '/webhooks')).status, 500);
      assert.equal((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status, 204);
      assert.equal((await call(sim, 'GET', '/webhooks')).status, 200);
      const count = await (await fetch(`${sim.url}/__sim/requests?path=/webhooks&method=GET`)).json();
      assert.deepEqual(count, { count: sim.countRequests({ method: 'GET', path: '/webhooks' }) });
      assert.ok(count.count >= 3);
      const bad = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ path: '/x', kind: 'explode' }) });
      assert.equal(bad.status, 400);
    });

    it('POST /__sim/reset clears orders, shipments, requests and faults but keeps the seed', async () => {
      const s = await startShipStationSimulator();
      try {
        await call(s, 'POST', '/orders/createorder', richOrder('RESET-1', 'reset-1'));
        s.faults.inject({ path: '/carriers', kind: 'status500' });
        assert.equal((await fetch(`${s.url}/__sim/reset`, { method: 'POST' })).status, 204);
        assert.equal(s.requests.length, 0);
        assert.equal(s.state.orders.length, 0);
        const c = await call(s, 'GET', '/carriers');
        assert.equal(c.status, 200);
        assert.equal(c.body.length, 3);
      } finally {
        await s.close();
      }
    });
  });

  describe('labels', () => {
    it('labelData is a valid one-page PDF containing the tracking number; tracking numbers look real', async () => {
      const ups = await call(sim, 'POST', '/shipments/createlabel', labelRequest({ carrierCode: 'ups', serviceCode: 'ups_ground' }));
      assert.equal(ups.status, 200, JSON.stringify(ups.body));
      assert.match(ups.body.trackingNumber, /^1Z[0-9A-Z]{16}$/);
      const pdf = Buffer.from(ups.body.labelData, 'base64').toString('latin1');
      assert.ok(pdf.startsWith('%PDF-1.4\n'));
      assert.ok(pdf.trimEnd().endsWith('%%EOF'));
      assert.ok(pdf.includes(ups.body.trackingNumber));
      assert.match(pdf, /\/Type \/Pages \/Kids \[3 0 R\] \/Count 1/);
      const startxref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
      assert.equal(pdf.slice(startxref, startxref + 4), 'xref');
      for (const m of pdf.matchAll(/^(\d{10}) 00000 n $/gm)) {
        assert.match(pdf.slice(Number(m[1])), /^\d+ 0 obj/);
      }
      const usps = await call(sim, 'POST', '/shipments/createlabel', labelRequest({ carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' }));
      assert.match(usps.body.trackingNumber, /^9400\d{18}$/);
      assert.equal(usps.body.formData, null);
      const intl = await call(sim, 'POST', '/shipments/createlabel', labelRequest({
        carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail_international',
        shipTo: { ...ADDRESS_TO, country: 'GB', state: '', postalCode: 'NW1 6XE', city: 'London' },
      }));
      assert.equal(intl.status, 200, JSON.stringify(intl.body));
      assert.ok(Buffer.from(intl.body.formData, 'base64').toString('latin1').startsWith('%PDF-'));
    });

    it('delivers SHIP_NOTIFY webhooks whose resource_url lists the new label', async () => {
      const received: Array<{ resource_url: string; resource_type: string }> = [];
      const hook: Server = createServer((req, res) => {
        let text = '';
        req.on('data', (c) => (text += c));
        req.on('end', () => {
          received.push(JSON.parse(text));
          res.end();
        });
      });
      await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
      try {
        const port = (hook.address() as AddressInfo).port;
        const sub = await call(sim, 'POST', '/webhooks/subscribe', { target_url: `http://127.0.0.1:${port}/ss`, event: 'SHIP_NOTIFY' });
        const label = await call(sim, 'POST', '/shipments/createlabel', labelRequest());
        for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        assert.equal(received.length, 1);
        assert.equal(received[0].resource_type, 'SHIP_NOTIFY');
        assert.ok(received[0].resource_url.startsWith(sim.url));
        const res = await fetch(received[0].resource_url, { headers: { Authorization: basic() } });
        const body = (await res.json()) as { shipments: Array<{ shipmentId: number }> };
        assert.deepEqual(body.shipments.map((s) => s.shipmentId), [label.body.shipmentId]);
        await call(sim, 'DELETE', `/webhooks/${sub.body.id}`);
      } finally {
        await new Promise((r) => hook.close(r));
      }
    });
  });
});
