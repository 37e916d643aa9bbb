import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../common/errors/domain-error';
import type { DearFulfilment, DearSale } from '../upstream/dear/dear.types';
import { chooseFulfilment, linesWeight, saleShipTo, saleToShipment } from './sale-shipment.mapper';

const shipFrom = { name: 'WH', street1: '1 Dock Rd', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' };

function fulfilment(taskId: string, packLines: Array<{ Box: string; Quantity: number; ProductWeight: number; WeightUnits: string }>, shipStatus = 'NOT AVAILABLE'): DearFulfilment {
  return {
    TaskID: taskId, FulfillmentNumber: 1, LinkedInvoiceNumber: null, FulFilmentStatus: 'NOT FULFILLED',
    Pick: { Status: 'AUTHORISED', Lines: [] },
    Pack: { Status: packLines.length ? 'AUTHORISED' : 'NOT AVAILABLE', Lines: packLines.map((l) => ({ ProductID: 'p', SKU: 'S', Name: 'N', Location: 'Main', LocationID: 'l', BatchSN: null, ExpiryDate: null, ...l })) },
    Ship: { Status: shipStatus, RequireBy: null, ShippingAddress: {} as never, ShippingNotes: '', Lines: [] },
  } as DearFulfilment;
}

function sale(overrides: Partial<DearSale> = {}): DearSale {
  return {
    ID: 'sale-1', Customer: 'Acme Co', Contact: 'Jane', Phone: '+1 555', Email: 'j@x.test',
    ShippingAddress: { Line1: '1 Main St', Line2: 'Unit 2', City: 'Seattle', State: 'Washington', Postcode: '98101', Country: 'US', Company: null, Contact: 'Jane Doe', ShipToOther: false },
    Order: { SaleOrderNumber: 'SO-1', Lines: [{ ProductWeight: 500, WeightUnits: 'g', Quantity: 2 }, { ProductWeight: 1, WeightUnits: 'kg', Quantity: 1 }] },
    Fulfilments: [],
    ...overrides,
  } as unknown as DearSale;
}

describe('saleToShipment', () => {
  it('makes one parcel of the whole order before packing, in one unit', () => {
    const s = saleToShipment(sale(), shipFrom);
    assert.deepEqual(s.parcels, [{ weight: { value: 2000, unit: 'g' } }]);
    assert.deepEqual(s.sale, { saleId: 'sale-1', fulfilmentTaskId: 'sale-1', orderNumber: 'SO-1' });
  });

  it('makes one parcel per packed box with Σ weight × quantity', () => {
    const f = fulfilment('t1', [
      { Box: 'Box 1', Quantity: 2, ProductWeight: 8, WeightUnits: 'oz' },
      { Box: 'Box 1', Quantity: 1, ProductWeight: 1, WeightUnits: 'lb' },
      { Box: 'Box 2', Quantity: 3, ProductWeight: 250, WeightUnits: 'g' },
    ]);
    const s = saleToShipment(sale({ Fulfilments: [f] }), shipFrom);
    assert.deepEqual(s.parcels, [
      { box: 'Box 1', weight: { value: 32, unit: 'oz' } },
      { box: 'Box 2', weight: { value: 750, unit: 'g' } },
    ]);
    assert.equal(s.sale?.fulfilmentTaskId, 't1');
  });

  it('refuses products without weight', () => {
    assert.throws(() => saleToShipment(sale({ Order: { Lines: [{ ProductWeight: 0, WeightUnits: 'g', Quantity: 1 }] } as never }), shipFrom), (e: unknown) => e instanceof DomainError && e.code === 'sale_weight_unknown');
  });

  it('refuses an unknown DEAR weight unit with 422, not a crash', () => {
    assert.throws(() => linesWeight([{ ProductWeight: 1, WeightUnits: 'stone', Quantity: 1 }]), (e: unknown) => e instanceof DomainError && e.code === 'sale_weight_unit_unknown' && e.status === 422);
  });
});

describe('saleShipTo', () => {
  it('maps names to codes and keeps contact details', () => {
    const to = saleShipTo(sale());
    assert.deepEqual(to, { name: 'Jane Doe', street1: '1 Main St', street2: 'Unit 2', city: 'Seattle', state: 'WA', postalCode: '98101', country: 'US', phone: '+1 555', email: 'j@x.test', residential: true });
  });

  it('maps a country name when DEAR sent one, and marks company addresses commercial', () => {
    const to = saleShipTo(sale({ ShippingAddress: { Line1: '10 Downing St', Line2: null, City: 'London', State: null, Postcode: 'SW1A 2AA', Country: 'United Kingdom', Company: 'HMG', Contact: null, ShipToOther: false } }));
    assert.equal(to.country, 'GB');
    assert.equal(to.state, '');
    assert.equal(to.company, 'HMG');
    assert.equal(to.residential, false);
    assert.equal(to.name, 'Jane');
  });

  it('refuses a missing address with sale_missing_shipping_address', () => {
    for (const ShippingAddress of [null, { Line1: '', City: 'X', Country: 'US' }, { Line1: 'a', City: null, Country: 'US' }, { Line1: 'a', City: 'b', Country: ' ' }]) {
      assert.throws(() => saleShipTo(sale({ ShippingAddress: ShippingAddress as never })), (e: unknown) => e instanceof DomainError && e.code === 'sale_missing_shipping_address' && e.status === 422);
    }
  });

  it('refuses a country it does not know', () => {
    assert.throws(() => saleShipTo(sale({ ShippingAddress: { ...sale().ShippingAddress, Country: 'Atlantis' } })), (e: unknown) => e instanceof DomainError && e.code === 'sale_address_invalid');
  });
});

describe('chooseFulfilment', () => {
  it('takes the named one, the only one, or the only open one; refuses ambiguity', () => {
    const a = fulfilment('a', [], 'AUTHORISED');
    const b = fulfilment('b', []);
    const c = fulfilment('c', []);
    assert.equal(chooseFulfilment(sale({ Fulfilments: [a, b] }))?.TaskID, 'b');
    assert.equal(chooseFulfilment(sale({ Fulfilments: [a, b, c] }), 'c')?.TaskID, 'c');
    assert.throws(() => chooseFulfilment(sale({ Fulfilments: [a, b, c] })), (e: unknown) => e instanceof DomainError && e.code === 'fulfilment_task_required');
    assert.throws(() => chooseFulfilment(sale({ Fulfilments: [a] }), 'zzz'), (e: unknown) => e instanceof DomainError && e.code === 'fulfilment_not_found');
  });
});
