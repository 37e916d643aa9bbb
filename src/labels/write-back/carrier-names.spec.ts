import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignWithDearCarriers, dearCarrierName } from './carrier-names';

describe('dearCarrierName (SPEC App. A "Carrier names")', () => {
  it('uses the connection override first', () => {
    assert.equal(dearCarrierName({ carrierCode: 'ups', displayName: 'UPS', overrides: { ups: 'UPS Worldwide' } }), 'UPS Worldwide');
    assert.equal(dearCarrierName({ carrierCode: 'stamps_com', displayName: 'Stamps.com', overrides: { stamps_com: 'Post Office' } }), 'Post Office');
  });

  it('matches override keys without case and ignores blank overrides', () => {
    assert.equal(dearCarrierName({ carrierCode: 'UPS', overrides: { ups: 'UPS Freight' } }), 'UPS Freight');
    assert.equal(dearCarrierName({ carrierCode: 'fedex', displayName: 'FedEx', overrides: { fedex: '  ' } }), 'FedEx');
  });

  it('maps known ShipStation codes to the usual DEAR names', () => {
    for (const [code, name] of [
      ['stamps_com', 'USPS'], ['endicia', 'USPS'], ['usps', 'USPS'], ['ups', 'UPS'], ['fedex', 'FedEx'], ['dhl_express', 'DHL Express'],
      ['canada_post', 'Canada Post'], ['royal_mail', 'Royal Mail'], ['australia_post', 'Australia Post'], ['ontrac', 'OnTrac'],
    ]) {
      assert.equal(dearCarrierName({ carrierCode: code, displayName: 'Something Else' }), name, code);
    }
  });

  it('falls back to the ShipStation display name, then to the code', () => {
    assert.equal(dearCarrierName({ carrierCode: 'globegistics', displayName: ' Globegistics ' }), 'Globegistics');
    assert.equal(dearCarrierName({ carrierCode: 'my_carrier' }), 'my_carrier');
    assert.equal(dearCarrierName({ carrierCode: 'my_carrier', displayName: '', overrides: null }), 'my_carrier');
  });

  it('does not read inherited properties as overrides', () => {
    assert.equal(dearCarrierName({ carrierCode: 'toString', displayName: 'X', overrides: {} }), 'X');
  });
});

describe('alignWithDearCarriers (dear.md §7.1, §9 #10)', () => {
  it("takes DEAR's spelling when the name differs only by case", () => {
    assert.equal(alignWithDearCarriers('FEDEX', ['DEFAULT Carrier', 'FedEx', 'UPS']), 'FedEx');
    assert.equal(alignWithDearCarriers('Sendle', ['FedEx']), 'Sendle');
  });
});
