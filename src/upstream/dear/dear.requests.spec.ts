/**
 * Golden request tests: the bodies DearClient actually sends for each write (captured by the
 * simulator) must match the request schemas of shared/reference/dear-v2.openapi.yaml.
 *
 * The yaml's request schemas declare properties but neither `required` nor
 * `additionalProperties: false`, so ajv alone would accept a misspelt key (`Boxes` for `Box`,
 * dear.md §9 #11). Each body is therefore also checked for keys the schema does not declare;
 * the only ones allowed are named below with the reference that documents them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReferenceSchemas, type JsonSchema } from '../../sandbox/common/openapi-schemas';
import { SEED, startDearSimulator, type DearSimulator } from '../../sandbox/dear/dear-simulator';
import { testClientDeps, testHttpClient } from '../../../test/support/upstream-test-kit';
import { additionalChargeWrite, DearClient, invoiceWriteBody } from './dear.client';
import { DearDialect } from './dear.dialect';

/** Keys outside the yaml's request schemas that the reference documents elsewhere. */
const DOCUMENTED_EXTRAS: Record<string, string> = {
  // The yaml's own PUT description: "Add filed `AddTrackingNumbers` = `true` to payload" (dear.md §3.4).
  'PUT /sale/fulfilment/ship AddTrackingNumbers': 'yaml PUT /sale/fulfilment/ship description; dear.md §3.4',
  // dear.md §3.4 lists `ID` (read-only GUID) among the ship-line fields; sent back to edit that line.
  'PUT /sale/fulfilment/ship Lines[]/ID': 'dear.md §3.4 ship line fields; JP sends it back on update',
};

const schemas = ReferenceSchemas.load('dear-v2.openapi.yaml');

/** Paths of keys in `data` that `schema` (refs already inlined) does not declare. */
function undeclaredKeys(schema: JsonSchema, data: unknown, at = ''): string[] {
  if (Array.isArray(data)) {
    const items = schema.items as JsonSchema | undefined;
    return items ? data.flatMap((d) => undeclaredKeys(items, d, `${at}[]`)) : [];
  }
  if (data === null || typeof data !== 'object') return [];
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (!props) return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([k, v]) => {
    const path = at ? `${at}/${k}` : k;
    return props[k] ? undeclaredKeys(props[k], v, path) : [path];
  });
}

function assertGolden(sim: DearSimulator, method: string, path: string): Record<string, unknown> {
  const sent = sim.requests.filter((r) => r.method === method && r.path === path).at(-1);
  assert.ok(sent, `no ${method} ${path} was sent`);
  const body = sent.body as Record<string, unknown>;
  assert.equal(typeof body, 'object');
  const v = schemas.request(method, path);
  assert.equal(v.source, 'declared', `expected a declared request schema for ${method} ${path}`);
  const out = v(body);
  assert.ok(out.valid, `${method} ${path} body does not match ${v.operation}:\n${out.errors.join('\n')}\n${JSON.stringify(body)}`);
  const extra = undeclaredKeys(v.schema, body).filter((k) => !DOCUMENTED_EXTRAS[`${method} ${path} ${k}`]);
  assert.deepEqual(extra, [], `${method} ${path} sends keys the reference does not declare`);
  return body;
}

describe('DearClient: golden request bodies against dear-v2.openapi.yaml', () => {
  let sim: DearSimulator;
  let dear: DearClient;
  before(async () => {
    sim = await startDearSimulator({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
    dear = new DearClient(testHttpClient(new DearDialect(SEED.accountId, SEED.applicationKey, 60_000), sim.url, testClientDeps({ maxAttempts: 1 })));
  });
  after(() => sim.close());

  it('the undeclared-key check catches the read-side spelling `Boxes` on a write', () => {
    const v = schemas.request('POST', '/sale/fulfilment/ship');
    assert.deepEqual(undeclaredKeys(v.schema, { TaskID: 't', Lines: [{ Boxes: 'Box 1' }] }), ['Lines[]/Boxes']);
  });

  it('POST /sale/fulfilment/ship (write-back: shipped boxes, notes to the buyer)', async () => {
    const taskId = (await dear.fulfilment(SEED.saleIds.packedTwoBoxes)).Fulfilments[0].TaskID;
    await dear.postShip({
      TaskID: taskId,
      Status: 'AUTHORISED',
      RequireBy: null,
      ShippingAddress: { Line1: '1501 Pike Place', Line2: 'Apt 5C', City: 'Seattle', State: 'Washington', Postcode: '98101', Country: 'United States', Company: '', Contact: 'Marcus Lee', ShipToOther: false },
      ShippingNotes: 'Thanks!',
      Lines: ['Box 1', 'Box 2'].map((Box) => ({ ShipmentDate: '2026-03-02T00:00:00', Carrier: 'FedEx', Box, TrackingNumber: '794700000001', TrackingURL: 'https://www.fedex.com/fedextrack/?trknbr=794700000001', IsShipped: true })),
    });
    const body = assertGolden(sim, 'POST', '/sale/fulfilment/ship');
    assert.equal(body.AddTrackingNumbers, undefined);
  });

  it('PUT /sale/fulfilment/ship with AddTrackingNumbers (void → replace tracking)', async () => {
    const taskId = (await dear.fulfilment(SEED.saleIds.shipped)).Fulfilments[0].TaskID;
    const [line] = (await dear.ship(taskId)).Lines;
    await dear.putShip({ TaskID: taskId, AddTrackingNumbers: true, Lines: [{ ID: line.ID, ShipmentDate: line.ShipmentDate, Carrier: line.Carrier, Box: line.Boxes, TrackingNumber: '9400111899223197429999', TrackingURL: '', IsShipped: true }] });
    const body = assertGolden(sim, 'PUT', '/sale/fulfilment/ship');
    assert.equal(body.AddTrackingNumbers, true);
  });

  it('POST /sale/invoice (freight as an additional charge, whole set re-sent)', async () => {
    const saleId = SEED.saleIds.draftInvoiceWithFreight;
    const [inv] = (await dear.saleInvoice(saleId, { includeProductInfo: true })).Invoices;
    const charges = [...inv.AdditionalCharges.filter((c) => c.Description !== 'Freight').map(additionalChargeWrite), { Description: 'Freight', Price: 8.58, Quantity: 1, Discount: 0, Tax: 0, TaxRule: 'Tax Exempt', Total: 8.58 }];
    await dear.postSaleInvoice(invoiceWriteBody(saleId, inv, { AdditionalCharges: charges }));
    const body = assertGolden(sim, 'POST', '/sale/invoice');
    assert.deepEqual((body.AdditionalCharges as Array<{ Description: string }>).map((c) => c.Description), ['Freight']);
  });

  it('POST /sale/order (charges before the order is authorised)', async () => {
    const saleId = SEED.saleIds.notAuthorised;
    const o = await dear.saleOrder(saleId);
    await dear.postSaleOrder({ SaleID: saleId, Status: 'DRAFT', Lines: o.Lines.map((l) => ({ ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, Quantity: l.Quantity, Price: l.Price, Discount: l.Discount, Tax: l.Tax, TaxRule: l.TaxRule, Total: l.Total })), AdditionalCharges: [{ Description: 'Freight', Price: 5, Quantity: 1 }] });
    assertGolden(sim, 'POST', '/sale/order');
  });

  it('POST and PUT /webhooks (bearerauth, SPEC App. A)', async () => {
    const w = await dear.createWebhook({ Type: 'Sale/PackAuthorised', IsActive: true, ExternalURL: 'https://bridge.example/webhooks/dear/c1', ExternalAuthorizationType: 'bearerauth', ExternalBearerToken: 'tok-1' });
    const post = assertGolden(sim, 'POST', '/webhooks');
    assert.equal(post.ExternalUserName, undefined, 'unused credentials are omitted, not null');
    await dear.updateWebhook({ ID: w.ID, Type: w.Type, IsActive: true, ExternalURL: w.ExternalURL, ExternalAuthorizationType: 'bearerauth', ExternalBearerToken: 'tok-2', ExternalHeaders: [{ Key: 'X-Connection', Value: 'c1' }] });
    assertGolden(sim, 'PUT', '/webhooks');
  });
});
