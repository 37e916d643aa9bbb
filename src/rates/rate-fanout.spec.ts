import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../common/errors/domain-error';
import { UpstreamError } from '../upstream/upstream.errors';
import { byTotalCost, carrierError, combineParcelRates } from './rate-fanout';
import { canonicalJson, requestHash } from './quote-store';
import { toRateRequest } from './shipment';

const carrier = { code: 'ups', name: 'UPS', nickname: null, primary: true, services: [], packages: [] };

describe('combineParcelRates', () => {
  it('keeps services every parcel can use and sums exactly in minor units', () => {
    const quotes = combineParcelRates(carrier, [
      [{ serviceCode: 'ground', serviceName: 'Ground', shipmentCost: 0.1, otherCost: 0.2 }, { serviceCode: 'air', serviceName: 'Air', shipmentCost: 9, otherCost: 0 }],
      [{ serviceCode: 'ground', serviceName: 'Ground', shipmentCost: 0.2, otherCost: 8.579999999 }],
    ]);
    assert.deepEqual(quotes, [{ carrierCode: 'ups', carrierName: 'UPS', serviceCode: 'ground', serviceName: 'Ground', shipmentCost: 30, otherCost: 878 }]);
  });

  it('applies the service filter', () => {
    const rates = [[{ serviceCode: 'a', serviceName: 'A', shipmentCost: 1, otherCost: 0 }, { serviceCode: 'b', serviceName: 'B', shipmentCost: 2, otherCost: 0 }]];
    assert.deepEqual(combineParcelRates(carrier, rates, ['b']).map((q) => q.serviceCode), ['b']);
    assert.equal(combineParcelRates(carrier, rates).length, 2);
  });
});

describe('carrierError and sorting', () => {
  it('turns upstream and budget failures into data and rethrows bugs', () => {
    assert.deepEqual(carrierError('ups', new UpstreamError('shipstation', 'rejected', 500, 'No applicable services')), { carrierCode: 'ups', code: 'upstream_rejected', message: 'No applicable services' });
    assert.equal(carrierError('ups', new DomainError('upstream_budget_exhausted', 503, 't', 'wait')).code, 'upstream_budget_exhausted');
    assert.throws(() => carrierError('ups', new TypeError('bug')), TypeError);
  });

  it('orders by total cost, then carrier and service', () => {
    const q = (carrierCode: string, serviceCode: string, shipmentCost: number, otherCost: number) => ({ carrierCode, serviceCode, shipmentCost, otherCost }) as never;
    const sorted = [q('ups', 'b', 500, 0), q('fedex', 'a', 499, 1), q('ups', 'a', 100, 50)].sort(byTotalCost) as Array<{ carrierCode: string; serviceCode: string }>;
    assert.deepEqual(sorted.map((x) => `${x.carrierCode}/${x.serviceCode}`), ['ups/a', 'fedex/a', 'ups/b']);
  });
});

describe('request hash', () => {
  it('ignores key order and undefined fields', () => {
    assert.equal(requestHash({ a: 1, b: { c: [1, 2], d: undefined } }), requestHash({ b: { c: [1, 2] }, a: 1 }));
    assert.notEqual(requestHash({ a: [1, 2] }), requestHash({ a: [2, 1] }));
    assert.equal(canonicalJson({ b: 1, a: 'x' }), '{"a":"x","b":1}');
  });
});

describe('toRateRequest', () => {
  const shipment = {
    shipFrom: { name: 'W', street1: 's', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
    shipTo: { name: 'J', street1: 's', city: 'Toronto', state: 'ON', postalCode: 'M5V 2T6', country: 'CA' },
    parcels: [],
  };
  it('converts units to ShipStation’s and keeps one carrier per call', () => {
    const body = toRateRequest(shipment, { weight: { value: 2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }, 'fedex', { packageCode: 'package' });
    assert.equal(body.carrierCode, 'fedex');
    assert.deepEqual(body.weight, { value: 2000, units: 'grams' });
    assert.deepEqual(body.dimensions, { length: 30, width: 20, height: 10, units: 'centimeters' });
    assert.equal(body.toCountry, 'CA');
    assert.equal(body.fromPostalCode, '78701');
    assert.deepEqual(toRateRequest(shipment, { weight: { value: 1.5, unit: 'lb' } }, 'ups').weight, { value: 24, units: 'ounces' });
  });
});
