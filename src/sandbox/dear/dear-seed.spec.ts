/**
 * The seed covers every field of SPEC Appendix A "Where each field comes from" and
 * every eligibility / skip rule, and is deterministic. Read through the HTTP API.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SEED } from './dear-seed';
import { startDearSimulator, type DearSimulator } from './dear-simulator';
import { call } from './dear-test-helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('DEAR simulator: seed coverage', () => {
  let sim: DearSimulator;
  const sales = new Map<string, any>();
  let products: any[] = [];
  before(async () => {
    sim = await startDearSimulator({ rateLimit: { limit: 10_000, windowMs: 60_000 } });
    for (const key of SEED.saleKeys) sales.set(key, (await call(sim, 'GET', `/sale?ID=${SEED.saleIds[key]}`)).body);
    products = (await call(sim, 'GET', '/product?IncludeAttachments=true&Limit=1000')).body.Products;
  });
  after(() => sim.close());
  const s = (k: (typeof SEED.saleKeys)[number]) => sales.get(k);

  it('has at least 30 sales, with unique ids and order numbers', () => {
    assert.ok(SEED.saleKeys.length >= 30);
    assert.equal(new Set(Object.values(SEED.saleIds)).size, SEED.saleKeys.length);
    assert.equal(new Set([...sales.values()].map((x) => x.Order.SaleOrderNumber)).size, SEED.saleKeys.length);
  });

  it('is deterministic: a second simulator with the same clock has identical sales', async () => {
    const t = new Date('2026-11-20T00:00:00Z');
    const a = await startDearSimulator({ now: () => t });
    const b = await startDearSimulator({ now: () => t });
    try {
      const ra = await call(a, 'GET', `/sale?ID=${SEED.saleIds.packedTwoBoxes}`);
      const rb = await call(b, 'GET', `/sale?ID=${SEED.saleIds.packedTwoBoxes}`);
      assert.deepEqual(ra.body, rb.body);
      assert.deepEqual((await call(a, 'GET', '/saleList?Limit=1000')).body, (await call(b, 'GET', '/saleList?Limit=1000')).body);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('covers the customer fields: Email, Phone, Carrier (shipping method), Note, ShippingNotes', () => {
    const x = s('packedOneBox');
    assert.match(x.Email, /@/);
    assert.ok(x.Phone);
    assert.equal(x.Carrier, 'UPS Ground');
    assert.ok(x.Note);
    assert.ok(x.ShippingNotes);
  });

  it('covers payment methods: prepayment account names (PayPal, Stripe), invoice payments, Terms, partial payment', () => {
    assert.equal(s('packedOneBox').Quote.Prepayments[0].Account, 'PayPal');
    assert.equal(s('prepaidStripe').Quote.Prepayments[0].Account, 'Stripe');
    assert.equal(s('prepaidStripe').CombinedPaymentStatus, 'PREPAID');
    assert.equal(s('shipped').Invoices[0].Payments[0].Account, 'PayPal');
    assert.equal(s('shipped').CombinedPaymentStatus, 'PAID');
    assert.equal(s('shipped').Status, 'COMPLETED');
    assert.equal(s('termsUnpaid').Terms, '30 days');
    assert.equal(s('termsUnpaid').CombinedPaymentStatus, 'UNPAID');
    assert.equal(s('partiallyPaid').CombinedPaymentStatus, 'PARTIALLY PAID');
    assert.equal(s('partiallyPaid').Quote.Prepayments.length, 2);
  });

  it('covers discounts and coupons: discounted lines and a negative additional charge', () => {
    assert.deepEqual(s('discountedLines').Order.Lines.map((l: any) => l.Discount), [10, 15]);
    const coupon = s('couponCharge').Order.AdditionalCharges.find((c: any) => c.Price < 0);
    assert.equal(coupon.Description, 'Coupon WELCOME10');
  });

  it('covers the gift flag and message in AdditionalAttribute1/2 (Yes, true, No)', () => {
    assert.equal(s('giftOrder').AdditionalAttributes[SEED.giftAttribute], 'Yes');
    assert.match(s('giftOrder').AdditionalAttributes[SEED.giftMessageAttribute], /Happy birthday/);
    assert.equal(s('giftOrderTrueLowercase').AdditionalAttributes.AdditionalAttribute1, 'true');
    assert.equal(s('notGift').AdditionalAttributes.AdditionalAttribute1, 'No');
  });

  it('covers line weights in g, kg, oz and lb (ProductWeight/WeightUnits on lines)', () => {
    const units = new Set(s('mixedWeightUnits').Order.Lines.map((l: any) => l.WeightUnits));
    assert.deepEqual([...units].sort(), ['g', 'kg', 'lb', 'oz']);
    assert.ok(s('mixedWeightUnits').Order.Lines.every((l: any) => l.ProductWeight > 0));
  });

  it('covers product images: a default among several, and only a non-default one; product families with options; StockLocator', () => {
    const bySku = new Map(products.map((p) => [p.SKU, p]));
    assert.ok(bySku.get('TEE-BLK-M').Attachments.length > 1 && bySku.get('TEE-BLK-M').Attachments.some((a: any) => a.IsDefault));
    assert.ok(bySku.get('TEE-BLK-L').Attachments.length === 1 && !bySku.get('TEE-BLK-L').Attachments[0].IsDefault);
    assert.equal(bySku.get('CANDLE-LAV').Attachments[0].ContentType, 'application/pdf', 'first attachment is not an image');
    assert.ok(products.some((p) => p.StockLocator) && products.some((p) => p.Type === 'Stock' && !p.StockLocator));
    assert.equal(sim.state.families.length >= 2, true);
  });

  it('covers pick lines with bins ("Main Warehouse: A-01-03") and lines without a bin (StockLocator fallback)', () => {
    const pick = s('packedOneBox').Fulfilments[0].Pick.Lines;
    assert.ok(pick.some((l: any) => l.Location === SEED.locations.mainBin), JSON.stringify(pick.map((l: any) => l.Location)));
    const fb = s('stockLocatorFallback').Fulfilments[0].Pick.Lines.map((l: any) => l.Location);
    assert.deepEqual(fb, ['Main Warehouse', 'Overflow Store']);
  });

  it('covers every skip rule: no shipping address (empty and null), tracked, voided, backordered, not authorised', () => {
    assert.equal(s('noShippingAddress').ShippingAddress.Line1, '');
    assert.equal(s('noShippingAddressNulls').ShippingAddress.Country, null);
    assert.equal(s('alreadyTracked').CombinedTrackingNumbers, SEED.trackingNumbers.alreadyTracked);
    assert.equal(s('alreadyTracked').CombinedShippingStatus, 'SHIPPING');
    assert.equal(s('voided').Status, 'VOIDED');
    assert.equal(s('backordered').Status, 'BACKORDERED');
    assert.ok(s('backordered').Order.Lines.some((l: any) => l.BackorderQuantity > 0));
    assert.equal(s('notAuthorised').Order.Status, 'DRAFT');
    assert.equal(s('quoteOnly').Status, 'ESTIMATING');
  });

  it('covers the fulfilment stages: packed with one, two and three boxes; picked not packed; pack draft; ship draft; shipped', () => {
    const boxes = (k: any) => new Set(s(k).Fulfilments[0].Pack.Lines.map((l: any) => l.Box)).size;
    assert.equal(boxes('packedOneBox'), 1);
    assert.equal(boxes('packedTwoBoxes'), 2);
    assert.equal(boxes('packedThreeBoxes'), 3);
    assert.equal(s('packedTwoBoxes').Status, 'PACKED');
    assert.equal(s('pickedNotPacked').Status, 'PICKED');
    assert.equal(s('packDraft').Status, 'PACKING');
    assert.equal(s('pickDraft').Status, 'PICKING');
    assert.equal(s('shipDraft').Status, 'SHIPPING');
    assert.ok(s('shipDraft').ShipBy);
    assert.equal(s('shipped').CombinedShippingStatus, 'SHIPPED');
  });

  it('covers an advanced sale with two fulfilments and a partially shipped one', () => {
    const a = s('advancedTwoFulfilments');
    assert.equal(a.Type, 'Advanced Sale');
    assert.equal(a.Fulfilments.length, 2);
    assert.deepEqual(a.Fulfilments.map((f: any) => [f.Pick.Status, f.Pack.Status]), [['AUTHORISED', 'AUTHORISED'], ['AUTHORISED', 'NOT AVAILABLE']]);
    assert.equal(s('advancedPartiallyShipped').CombinedShippingStatus, 'PARTIALLY SHIPPED');
  });

  it('covers international addresses by country name and US addresses with full state names', () => {
    assert.equal(s('canada').ShippingAddress.Country, 'Canada');
    assert.equal(s('unitedKingdom').ShippingAddress.Country, 'United Kingdom');
    assert.equal(s('australia').ShippingAddress.Country, 'Australia');
    assert.equal(s('packedOneBox').ShippingAddress.Country, 'United States');
    assert.equal(s('packedOneBox').ShippingAddress.State, 'Texas');
  });

  it('covers invoices: draft (freight can be added) and authorised (refuses changes); tax; source channel; XML-hostile text', () => {
    assert.equal(s('draftInvoiceWithFreight').Invoices[0].Status, 'DRAFT');
    assert.equal(s('termsUnpaid').Invoices[0].Status, 'AUTHORISED');
    assert.ok(s('taxedSale').Order.Tax > 0);
    assert.equal(s('amazonChannel').SourceChannel, 'Amazon_US');
    assert.match(s('specialCharacters').Note, /]]>/);
  });
});
