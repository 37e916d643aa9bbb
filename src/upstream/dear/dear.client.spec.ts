/**
 * DearClient against the DEAR simulator over real HTTP: typed reads, writes, both error shapes
 * (dear.md §1.6), throttling as 429/503 with every Retry-After variant (§1.4), faults and the
 * retry policy of each write. The rate budget is the test kit's in-memory recorder (the real one
 * needs PostgreSQL and is tested in test/integration/rate-budget.int.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SEED, startDearSimulator, type DearSimulator } from '../../sandbox/dear/dear-simulator';
import { RecordingBudget, testClientDeps, testHttpClient } from '../../../test/support/upstream-test-kit';
import { UpstreamError, type UpstreamErrorKind } from '../upstream.errors';
import { additionalChargeWrite, DearClient, invoiceWriteBody } from './dear.client';
import { DearDialect } from './dear.dialect';
import { DEAR_EMPTY_GUID } from './dear.types';

interface ClientOptions {
  applicationKey?: string;
  timeoutMs?: number;
  maxAttempts?: number;
  /** The dialect's pause when a throttled answer has no Retry-After. */
  windowMs?: number;
}

/** A client on the shared test kit: an in-memory budget that records the pauses DEAR asked for. */
function makeClient(baseUrl: string, o: ClientOptions = {}): { client: DearClient; budget: RecordingBudget } {
  const deps = testClientDeps({ ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}), ...(o.maxAttempts ? { maxAttempts: o.maxAttempts } : {}) });
  const dialect = new DearDialect(SEED.accountId, o.applicationKey ?? SEED.applicationKey, o.windowMs ?? 45_000);
  return { client: new DearClient(testHttpClient(dialect, baseUrl, deps)), budget: deps.recording };
}

async function upstreamError(p: Promise<unknown>, kind: UpstreamErrorKind): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof UpstreamError, `expected UpstreamError, got ${String(e)}`);
    assert.equal(e.kind, kind, `kind ${e.kind}: ${e.upstreamMessage}`);
    assert.equal(e.system, 'dear');
    return e;
  }
  assert.fail(`expected an UpstreamError of kind ${kind}`);
}

const ids = SEED.saleIds;

describe('DearClient: reads', () => {
  let sim: DearSimulator;
  let dear: DearClient;
  before(async () => {
    sim = await startDearSimulator({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
    dear = makeClient(sim.url).client;
  });
  after(() => sim.close());

  it('me() returns the company (§7.5)', async () => {
    const me = await dear.me();
    assert.equal(me.Company, 'Sandbox Outfitters LLC');
    assert.equal(me.DefaultWeightUnits, 'g');
    assert.equal(me.DefaultDimensionsUnits, 'cm');
  });

  it('saleList() pages with Page/Limit and returns rows without lines (§2.1)', async () => {
    const r = await dear.saleList({ page: 2, limit: 5 });
    assert.equal(r.Page, 2);
    assert.ok(r.Total >= 43);
    assert.equal(r.SaleList.length, 5);
    const row = r.SaleList[0];
    assert.match(row.SaleID, /^[0-9a-f-]{36}$/);
    assert.match(row.OrderNumber, /^SO-/);
    assert.match(row.Updated, /Z$/);
    assert.equal((row as unknown as Record<string, unknown>).Order, undefined);
    const sent = sim.requests.filter((q) => q.path === '/saleList').at(-1)!;
    assert.deepEqual(sent.query, { Page: '2', Limit: '5' });
  });

  it('saleList() sends UpdatedSince as UTC yyyy-MM-ddTHH:mm:ss.fff and gets only later changes (§1.8, §2.1)', async () => {
    const all = await dear.saleList({ page: 1, limit: 1000 });
    const updated = all.SaleList.map((r) => Date.parse(r.Updated)).sort((a, b) => a - b);
    const since = new Date(updated[Math.floor(updated.length / 2)]);
    const r = await dear.saleList({ page: 1, limit: 1000, updatedSince: since });
    const sent = sim.requests.filter((q) => q.path === '/saleList').at(-1)!;
    assert.equal(sent.query.UpdatedSince, since.toISOString().slice(0, 23));
    assert.ok(r.Total > 0 && r.Total < all.Total);
    for (const row of r.SaleList) assert.ok(Date.parse(row.Updated) > since.getTime());
  });

  it('saleList() refuses a Limit outside 1..1000 before calling (§1.7)', async () => {
    await assert.rejects(dear.saleList({ page: 1, limit: 1001 }), RangeError);
    await assert.rejects(dear.saleList({ page: 0, limit: 10 }), RangeError);
  });

  it('sale() returns the full sale with lines, stages, payments and attributes (§2.2)', async () => {
    const s = await dear.sale(ids.packedOneBox);
    assert.equal(s.ID, ids.packedOneBox);
    assert.equal(s.Email, 'olivia.bennett@example.com');
    assert.equal(s.Phone, '+1 512-555-0101');
    assert.equal(s.Carrier, 'UPS Ground');
    assert.equal(s.Note, 'Repeat customer - VIP');
    assert.equal(s.ShippingNotes, 'Leave at the side door.');
    assert.equal(s.ShippingAddress.City, 'Austin');
    assert.equal(s.ShippingAddress.Country, 'United States');
    assert.equal(s.Order.Status, 'AUTHORISED');
    const tee = s.Order.Lines.find((l) => l.SKU === 'TEE-BLK-M')!;
    assert.equal(tee.Quantity, 2);
    assert.equal(tee.ProductWeight, 180);
    assert.equal(tee.WeightUnits, 'g');
    assert.equal(s.Quote.Prepayments[0].Account, 'PayPal');
    assert.equal(s.CombinedPackingStatus, 'PACKED');
    const [f] = s.Fulfilments;
    assert.equal(f.FulfillmentNumber, 1);
    assert.equal(f.Pack.Status, 'AUTHORISED');
    assert.ok(f.Pack.Lines.every((l) => l.Box === 'Box 1'));
    assert.match(f.Pick.Lines[0].Location, /^Main Warehouse/);
    const gift = await dear.sale(ids.giftOrder);
    assert.equal(gift.AdditionalAttributes?.AdditionalAttribute1, 'Yes');
    assert.equal(gift.AdditionalAttributes?.AdditionalAttribute2, 'Happy birthday, Sam! Love, Alex');
  });

  it('sale(id, {countryFormat: "Code2"}) sends CountryFormat=Code2 and gets ISO codes (§2.2)', async () => {
    const s = await dear.sale(ids.canada, { countryFormat: 'Code2' });
    const sent = sim.requests.filter((q) => q.path === '/sale').at(-1)!;
    assert.equal(sent.query.CountryFormat, 'Code2');
    assert.equal(s.ShippingAddress.Country, 'CA');
    assert.equal(s.Fulfilments[0].Ship.ShippingAddress.Country, 'CA');
  });

  it('fulfilment(), pick(), pack(), ship() return the stages; product info only on request (§3)', async () => {
    const fl = await dear.fulfilment(ids.packedTwoBoxes);
    assert.equal(fl.SaleID, ids.packedTwoBoxes);
    const taskId = fl.Fulfilments[0].TaskID;
    assert.deepEqual([...new Set(fl.Fulfilments[0].Pack.Lines.map((l) => l.Box))].sort(), ['Box 1', 'Box 2']);
    const pick = await dear.pick(taskId);
    assert.equal(pick.TaskID, taskId);
    assert.equal(pick.Status, 'AUTHORISED');
    assert.equal(pick.Lines[0].ProductWeight, undefined);
    const pack = await dear.pack(taskId, { includeProductInfo: true });
    assert.equal(pack.Status, 'AUTHORISED');
    assert.equal(typeof pack.Lines[0].ProductWeight, 'number');
    const shipped = await dear.ship((await dear.fulfilment(ids.shipped)).Fulfilments[0].TaskID);
    assert.equal(shipped.Status, 'AUTHORISED');
    assert.deepEqual(shipped.Lines.map((l) => l.TrackingNumber).sort(), [...SEED.trackingNumbers.shipped].sort());
    assert.ok(shipped.Lines.every((l) => l.IsShipped && typeof l.Boxes === 'string' && l.ID));
    const adv = await dear.fulfilment(ids.advancedTwoFulfilments);
    assert.deepEqual(adv.Fulfilments.map((f) => f.TaskID), [...SEED.taskIds.advancedTwoFulfilments]);
  });

  it('saleOrder() and saleInvoice() return the stage documents (§2.4, §2.5)', async () => {
    const o = await dear.saleOrder(ids.couponCharge);
    assert.equal(o.SaleID, ids.couponCharge);
    assert.match(o.SaleOrderNumber, /^SO-/);
    assert.deepEqual(o.AdditionalCharges.map((c) => [c.Description, c.Price]), [['Coupon WELCOME10', -5.7], ['Freight', 6.95]]);
    const inv = await dear.saleInvoice(ids.draftInvoiceWithFreight);
    assert.equal(inv.Invoices.length, 1);
    assert.equal(inv.Invoices[0].Status, 'DRAFT');
    assert.match(inv.Invoices[0].InvoiceNumber, /^INV-/);
    assert.equal(inv.Invoices[0].AdditionalCharges[0].Description, 'Freight');
  });

  it('product(), productBySku() and products() return weights, locator and image attachments (§5.1)', async () => {
    const tee = await dear.product(SEED.productIds['TEE-BLK-M'], { includeAttachments: true });
    assert.ok(tee);
    assert.equal(tee.SKU, 'TEE-BLK-M');
    assert.equal(tee.Weight, 180);
    assert.equal(tee.WeightUnits, 'g');
    assert.equal(tee.StockLocator, 'Aisle 3, Shelf B');
    assert.equal(tee.Attachments?.length, 2);
    const dflt = tee.Attachments!.find((a) => a.IsDefault === true)!;
    assert.equal(dflt.FileName, 'tee-blk-m-front.jpg');
    assert.match(dflt.DownloadUrl, /^https:\/\/inventory\.dearsystems\.com\/Attachment\/Download\?ID=/);
    const noImages = await dear.product(SEED.productIds['TEE-BLK-M']);
    assert.deepEqual(noImages?.Attachments ?? [], []);
    const mug = await dear.productBySku('mug-cer-11');
    assert.equal(mug?.ID, SEED.productIds['MUG-CER-11']);
    assert.equal(mug?.WeightUnits, 'kg');
    assert.equal(await dear.productBySku('NO-SUCH-SKU'), undefined);
    assert.equal(await dear.product('00000000-0000-0000-0000-0000000000ff'), undefined);
    const page = await dear.products({ page: 1, limit: 4 });
    assert.equal(page.Products.length, 4);
    assert.ok(page.Total >= 15);
  });

  it('productFamilies() and productFamily() return option names and each variant’s values (§5.1)', async () => {
    const found = await dear.productFamilies({ page: 1, limit: 10, sku: 'TEE-BLK-M' });
    assert.equal(found.ProductFamilies.length, 1);
    const fam = await dear.productFamily(found.ProductFamilies[0].ID);
    assert.ok(fam);
    assert.equal(fam.Option1Name, 'Colour');
    assert.equal(fam.Option2Name, 'Size');
    const member = fam.Products.find((p) => p.ID === SEED.productIds['TEE-BLK-M'])!;
    assert.deepEqual([member.SKU, member.Option1, member.Option2], ['TEE-BLK-M', 'Black', 'M']);
  });

  it('carriers() and locations() return every row, bins included (§5.4, §7)', async () => {
    const carriers = await dear.carriers();
    assert.ok(carriers.some((c) => c.Description === 'DEFAULT Carrier' && c.CarrierID));
    assert.equal(carriers.length, 8);
    const locations = await dear.locations();
    const main = locations.find((l) => l.Name === 'Main Warehouse')!;
    assert.equal(main.IsDefault, true);
    assert.deepEqual(main.Bins?.map((b) => b.Name), ['A-01-01', 'A-01-02', 'A-01-03', 'B-02-01', 'C-03-04']);
    const binRow = locations.find((l) => l.Name === 'A-01-03')!;
    assert.equal(binRow.ParentName, 'Main Warehouse');
    assert.equal(locations.find((l) => l.Name === 'Overflow Store')?.Bins, null);
  });
});

describe('DearClient: writes', () => {
  let sim: DearSimulator;
  let dear: DearClient;
  before(async () => {
    sim = await startDearSimulator({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
    dear = makeClient(sim.url).client;
  });
  after(() => sim.close());

  it('postShip() records shipped boxes; the stage authorises itself once every box shipped (§3.4)', async () => {
    const taskId = (await dear.fulfilment(ids.packedTwoBoxes)).Fulfilments[0].TaskID;
    const since = new Date(Date.now() - 1);
    const r = await dear.postShip({
      TaskID: taskId,
      Status: 'AUTHORISED',
      ShippingNotes: 'Thanks for your order!',
      Lines: ['Box 1', 'Box 2'].map((Box, i) => ({ ShipmentDate: '2026-03-02T00:00:00', Carrier: 'FedEx', Box, TrackingNumber: `79470000000${i}`, TrackingURL: `https://www.fedex.com/fedextrack/?trknbr=79470000000${i}`, IsShipped: true })),
    });
    assert.equal(r.TaskID, taskId);
    assert.equal(r.Status, 'AUTHORISED');
    assert.equal(r.ShippingNotes, 'Thanks for your order!');
    assert.deepEqual(r.Lines.map((l) => l.Boxes), ['Box 1', 'Box 2']);
    const sale = await dear.sale(ids.packedTwoBoxes);
    assert.equal(sale.CombinedShippingStatus, 'SHIPPED');
    assert.match(sale.CombinedTrackingNumbers ?? '', /794700000000/);
    // The write moved the sale's Updated: an incremental sync sees it.
    const changed = await dear.saleList({ page: 1, limit: 1000, updatedSince: since });
    assert.ok(changed.SaleList.some((row) => row.SaleID === ids.packedTwoBoxes));
  });

  it('putShip() sends AddTrackingNumbers and replaces tracking on an authorised shipment (§3.4)', async () => {
    const taskId = (await dear.fulfilment(ids.shipped)).Fulfilments[0].TaskID;
    const before = await dear.ship(taskId);
    const line = before.Lines[1];
    const r = await dear.putShip({ TaskID: taskId, AddTrackingNumbers: true, Lines: [{ ID: line.ID, ShipmentDate: line.ShipmentDate, Carrier: 'USPS', Box: line.Boxes, TrackingNumber: '9400111899223197420000', TrackingURL: '', IsShipped: true }] });
    assert.equal(r.Status, 'AUTHORISED');
    assert.equal(r.Lines.find((l) => l.ID === line.ID)?.TrackingNumber, '9400111899223197420000');
    assert.equal(r.Lines.find((l) => l.ID === before.Lines[0].ID)?.TrackingNumber, before.Lines[0].TrackingNumber);
    const sent = sim.requests.filter((q) => q.method === 'PUT' && q.path === '/sale/fulfilment/ship').at(-1)!;
    assert.equal((sent.body as Record<string, unknown>).AddTrackingNumbers, true);
  });

  it('postShip() on an authorised shipment is rejected with DEAR’s message (400 error array, §1.6)', async () => {
    const taskId = (await dear.fulfilment(ids.shipped)).Fulfilments[0].TaskID;
    const e = await upstreamError(dear.postShip({ TaskID: taskId, Status: 'DRAFT', Lines: [{ ShipmentDate: '2026-03-02T00:00:00', Box: 'Box 1' }] }), 'rejected');
    assert.equal(e.upstreamStatus, 400);
    assert.match(e.upstreamMessage, /already AUTHORISED/);
  });

  it('postSaleOrder() replaces the order’s lines and charges (§2.4)', async () => {
    const o = await dear.saleOrder(ids.notAuthorised);
    assert.equal(o.Status, 'DRAFT');
    const r = await dear.postSaleOrder({
      SaleID: ids.notAuthorised,
      Status: 'DRAFT',
      Lines: o.Lines.map((l) => ({ ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, Quantity: l.Quantity, Price: l.Price, Discount: l.Discount, Tax: l.Tax, TaxRule: l.TaxRule, Total: l.Total })),
      AdditionalCharges: [{ Description: 'Freight', Price: 7.5, Quantity: 1 }],
    });
    assert.deepEqual(r.AdditionalCharges.map((c) => [c.Description, c.Price]), [['Freight', 7.5]]);
    assert.equal(r.Lines.length, o.Lines.length);
  });

  it('postSaleInvoice() writes the whole set back: read, change the freight charge, post (SPEC App. A)', async () => {
    const [inv] = (await dear.saleInvoice(ids.draftInvoiceWithFreight)).Invoices;
    const charges = inv.AdditionalCharges.map(additionalChargeWrite).map((c) => (c.Description === 'Freight' ? { ...c, Price: 12.34, Total: 12.34 } : c));
    const r = await dear.postSaleInvoice(invoiceWriteBody(ids.draftInvoiceWithFreight, inv, { AdditionalCharges: charges }));
    const after = r.Invoices.find((i) => i.TaskID === inv.TaskID)!;
    assert.equal(after.Status, 'DRAFT');
    assert.deepEqual(after.AdditionalCharges.map((c) => [c.Description, c.Price]), [['Freight', 12.34]]);
    assert.deepEqual(after.Lines.map((l) => [l.SKU, l.Quantity]), inv.Lines.map((l) => [l.SKU, l.Quantity]));
  });

  it('an Error Model under HTTP 200 (authorised invoice) becomes `rejected` (§1.6)', async () => {
    const [inv] = (await dear.saleInvoice(ids.packedThreeBoxes)).Invoices;
    assert.equal(inv.Status, 'AUTHORISED');
    const e = await upstreamError(dear.postSaleInvoice(invoiceWriteBody(ids.packedThreeBoxes, inv)), 'rejected');
    assert.equal(e.upstreamStatus, 200);
    assert.match(e.upstreamMessage, /is AUTHORISED and cannot be changed/);
  });

  it('webhooks: create (bearerauth), list, update, delete (§6.1, SPEC App. A)', async () => {
    const created = await dear.createWebhook({ Type: 'Sale/ShipmentAuthorised', IsActive: true, ExternalURL: 'https://bridge.example/webhooks/dear/c1', ExternalAuthorizationType: 'bearerauth', ExternalBearerToken: 'tok-123' });
    assert.match(created.ID, /^[0-9a-f-]{36}$/);
    assert.equal(created.Name, 'Sale shipment has been authorised');
    assert.equal(created.ExternalBearerToken, 'tok-123');
    assert.equal(created.ExternalUserName, null);
    assert.ok((await dear.webhooks()).some((w) => w.ID === created.ID));
    const updated = await dear.updateWebhook({ ID: created.ID, Type: created.Type, IsActive: false, ExternalURL: created.ExternalURL, ExternalAuthorizationType: 'bearerauth', ExternalBearerToken: 'tok-456' });
    assert.equal(updated.IsActive, false);
    assert.equal(updated.ExternalBearerToken, 'tok-456');
    await dear.deleteWebhook(created.ID);
    assert.ok(!(await dear.webhooks()).some((w) => w.ID === created.ID));
    const e = await upstreamError(dear.deleteWebhook(created.ID), 'rejected');
    assert.match(e.upstreamMessage, /not found/);
  });
});

describe('DearClient: errors, faults and retries', () => {
  let sim: DearSimulator;
  before(async () => {
    sim = await startDearSimulator({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
  });
  after(() => sim.close());

  it('wrong credentials → unauthorized with "Incorrect credentials!", not retried (§1.2)', async () => {
    const { client } = makeClient(sim.url, { applicationKey: 'wrong-key' });
    const n = sim.countRequests({ path: '/me' });
    const e = await upstreamError(client.me(), 'unauthorized');
    assert.equal(e.upstreamStatus, 403);
    assert.equal(e.upstreamMessage, 'Incorrect credentials!');
    assert.equal(sim.countRequests({ path: '/me' }) - n, 1);
  });

  it('[{ErrorCode, Exception}] under 400 → not retried, with DEAR’s message; an unknown sale is not_found (§1.6)', async () => {
    const { client } = makeClient(sim.url);
    const missing = '00000000-0000-0000-0000-00000000abcd';
    const n = sim.countRequests({ path: '/sale' });
    const e = await upstreamError(client.sale(missing), 'not_found');
    assert.equal(e.status, 404);
    assert.equal(e.upstreamStatus, 400);
    assert.equal(e.upstreamMessage, `Sale with ID '${missing}' not found.`);
    assert.equal(sim.countRequests({ path: '/sale' }) - n, 1);
  });

  it('the HTML "Page not found" page (wrong base URL) → failed, naming the base URL (§1.6, §9 #15)', async () => {
    const { client } = makeClient(`${sim.rootUrl}/ExternalApi`, { maxAttempts: 1 });
    const e = await upstreamError(client.me(), 'failed');
    assert.equal(e.upstreamStatus, 404);
    assert.match(e.upstreamMessage, /HTML page instead of JSON \(HTTP 404, page not found: check the base URL\)/);
  });

  it('the HTML page under HTTP 200 is an error too, never data (§9 #15)', async () => {
    const html: Server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>');
    });
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    try {
      const { client } = makeClient(`http://127.0.0.1:${(html.address() as AddressInfo).port}/ExternalApi/v2`, { maxAttempts: 1 });
      const e = await upstreamError(client.me(), 'failed');
      assert.equal(e.upstreamStatus, 200);
      assert.match(e.upstreamMessage, /HTML page instead of JSON \(HTTP 200, page not found/);
    } finally {
      await new Promise((resolve) => html.close(resolve));
    }
  });

  it('safe reads are retried after a 500 and after a connection reset', async () => {
    const { client } = makeClient(sim.url);
    for (const kind of ['status500', 'reset'] as const) {
      sim.faults.inject({ method: 'GET', path: /^\/sale$/, kind, times: 1 });
      const n = sim.countRequests({ path: '/sale' });
      const s = await client.sale(ids.packedOneBox);
      assert.equal(s.ID, ids.packedOneBox, kind);
      assert.equal(sim.countRequests({ path: '/sale' }) - n, 2, kind);
    }
  });

  it('a 500 that outlasts the attempts → failed with DEAR’s message', async () => {
    const { client } = makeClient(sim.url, { maxAttempts: 2 });
    sim.faults.inject({ method: 'GET', path: '/me', kind: 'status500', times: 2 });
    const e = await upstreamError(client.me(), 'failed');
    assert.equal(e.upstreamStatus, 500);
    assert.equal(e.upstreamMessage, 'An error has occurred. Please try again later.');
  });

  it('no answer → timeout (reads after every attempt; a create after one)', async () => {
    const { client } = makeClient(sim.url, { timeoutMs: 150, maxAttempts: 2 });
    sim.faults.inject({ method: 'GET', path: '/me', kind: 'hang', times: 2 });
    const n = sim.countRequests({ path: '/me' });
    const e = await upstreamError(client.me(), 'timeout');
    assert.equal(e.upstreamStatus, undefined);
    assert.equal(sim.countRequests({ path: '/me' }) - n, 2);
    sim.faults.inject({ method: 'POST', path: '/webhooks', kind: 'hang', times: 1 });
    const w = sim.countRequests({ method: 'POST', path: '/webhooks' });
    await upstreamError(client.createWebhook({ Type: 'Sale/Voided', IsActive: true, ExternalURL: 'https://x.example/h', ExternalAuthorizationType: 'noauth' }), 'timeout');
    assert.equal(sim.countRequests({ method: 'POST', path: '/webhooks' }) - w, 1);
  });

  it("writes marked 'never' are attempted exactly once: webhook create, invoice create (empty GUID)", async () => {
    const { client } = makeClient(sim.url);
    sim.faults.inject({ method: 'POST', path: '/webhooks', kind: 'status500', times: 1 });
    const w = sim.countRequests({ method: 'POST', path: '/webhooks' });
    await upstreamError(client.createWebhook({ Type: 'Sale/Voided', IsActive: true, ExternalURL: 'https://x.example/h', ExternalAuthorizationType: 'noauth' }), 'failed');
    assert.equal(sim.countRequests({ method: 'POST', path: '/webhooks' }) - w, 1);
    assert.equal((await client.webhooks()).length, 0);

    sim.faults.inject({ method: 'POST', path: '/sale/invoice', kind: 'status500', times: 1 });
    const i = sim.countRequests({ method: 'POST', path: '/sale/invoice' });
    await upstreamError(client.postSaleInvoice({ SaleID: ids.advancedTwoFulfilments, TaskID: DEAR_EMPTY_GUID, Status: 'DRAFT' }), 'failed');
    assert.equal(sim.countRequests({ method: 'POST', path: '/sale/invoice' }) - i, 1);
  });

  it("safe writes are retried: ship POST after a 500, ship PUT after a reset", async () => {
    const { client } = makeClient(sim.url);
    const taskId = (await client.fulfilment(ids.packedOneBox)).Fulfilments[0].TaskID;
    sim.faults.inject({ method: 'POST', path: '/sale/fulfilment/ship', kind: 'status500', times: 1 });
    const n = sim.countRequests({ method: 'POST', path: '/sale/fulfilment/ship' });
    const r = await client.postShip({ TaskID: taskId, Status: 'AUTHORISED', Lines: [{ ShipmentDate: '2026-03-02T00:00:00', Carrier: 'UPS', Box: 'Box 1', TrackingNumber: '1Z0000000000000001', IsShipped: true }] });
    assert.equal(r.Status, 'AUTHORISED');
    assert.equal(sim.countRequests({ method: 'POST', path: '/sale/fulfilment/ship' }) - n, 2);
    assert.equal(r.Lines.length, 1);

    sim.faults.inject({ method: 'PUT', path: '/sale/fulfilment/ship', kind: 'reset', times: 1 });
    const p = sim.countRequests({ method: 'PUT', path: '/sale/fulfilment/ship' });
    const u = await client.putShip({ TaskID: taskId, AddTrackingNumbers: true, Lines: [{ ID: r.Lines[0].ID, ShipmentDate: '2026-03-02T00:00:00', Box: 'Box 1', TrackingNumber: '1Z0000000000000002' }] });
    assert.equal(u.Lines[0].TrackingNumber, '1Z0000000000000002');
    assert.equal(sim.countRequests({ method: 'PUT', path: '/sale/fulfilment/ship' }) - p, 2);
  });
});

describe('DearClient: throttling (429 / 503, with and without Retry-After, §1.4)', () => {
  // A fixed clock: the simulator's window opens at the first call, so Retry-After is exactly the
  // window length and every duration below is deterministic.
  const clock = new Date('2026-03-02T15:00:00.000Z');
  let sim: DearSimulator;
  before(async () => {
    sim = await startDearSimulator({ now: () => clock, rateLimit: { limit: 100_000, windowMs: 30_000, throttleStyle: '429', retryAfter: 'seconds' } });
    await makeClient(sim.url).client.me(); // opens the window
  });
  after(() => sim.close());

  const cases: Array<{ name: string; config: Parameters<DearSimulator['setRateLimit']>[0]; status: number; pauseMs: number }> = [
    { name: '429 with Retry-After: 30', config: { windowMs: 30_000, throttleStyle: '429', retryAfter: 'seconds' }, status: 429, pauseMs: 30_000 },
    { name: '429 with Retry-After: 60 Seconds', config: { windowMs: 60_000, throttleStyle: '429', retryAfter: 'seconds-text' }, status: 429, pauseMs: 60_000 },
    { name: '429 without Retry-After (a whole budget window)', config: { windowMs: 60_000, throttleStyle: '429', retryAfter: 'absent' }, status: 429, pauseMs: 45_000 },
    { name: '503 without Retry-After (older docs)', config: { windowMs: 60_000, throttleStyle: '503', retryAfter: 'absent' }, status: 503, pauseMs: 45_000 },
    { name: '503 with Retry-After: 30', config: { windowMs: 30_000, throttleStyle: '503', retryAfter: 'seconds' }, status: 503, pauseMs: 30_000 },
  ];

  for (const c of cases) {
    it(`${c.name}: pauses the shared budget for that long, then succeeds`, async () => {
      sim.setRateLimit(c.config);
      const { client, budget } = makeClient(sim.url, { windowMs: 45_000 });
      sim.faults.inject({ path: '/me', kind: 'throttle', times: 1 });
      const n = sim.countRequests({ path: '/me' });
      const me = await client.me();
      assert.equal(me.Company, 'Sandbox Outfitters LLC');
      const [first, second] = sim.requests.filter((r) => r.path === '/me').slice(n);
      assert.deepEqual([first.status, second.status], [c.status, 200]);
      assert.equal(budget.pauses.length, 1);
      assert.equal(budget.pauses[0].key, 'dear:test');
      assert.ok(Math.abs(budget.pauses[0].ms - c.pauseMs) < 250, `paused ${budget.pauses[0].ms} ms, expected ${c.pauseMs}`);
      assert.equal(budget.takes, 2);
    });
  }

  it('throttled on every attempt → throttled, with DEAR’s message and a Retry-After for our caller', async () => {
    sim.setRateLimit({ windowMs: 30_000, throttleStyle: '429', retryAfter: 'seconds' });
    const { client, budget } = makeClient(sim.url, { maxAttempts: 3 });
    sim.faults.inject({ path: '/me', kind: 'throttle', times: 3 });
    const e = await upstreamError(client.me(), 'throttled');
    assert.equal(e.upstreamStatus, 429);
    assert.equal(e.upstreamMessage, 'You reached 60 calls per minute API limit');
    assert.equal(e.extra.retryAfterSeconds, 30);
    assert.equal(budget.pauses.length, 3);
  });
});
