import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trackingUrl } from './tracking-urls';

describe('trackingUrl (SPEC App. A "Tracking URLs")', () => {
  it('fills the built-in template of each major carrier', () => {
    assert.equal(trackingUrl({ carrierCode: 'ups', trackingNumber: '1Z999AA10123456784' }), 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
    assert.equal(trackingUrl({ carrierCode: 'stamps_com', trackingNumber: '9400111899223197428490' }), 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490');
    assert.equal(trackingUrl({ carrierCode: 'fedex', trackingNumber: '794644790132' }), 'https://www.fedex.com/fedextrack/?trknbr=794644790132');
    for (const code of ['usps', 'endicia', 'dhl_express', 'canada_post', 'royal_mail', 'australia_post', 'ontrac']) {
      const url = trackingUrl({ carrierCode: code, trackingNumber: 'ABC123' });
      assert.match(url, /^https:\/\/[^ ]+ABC123/, code);
    }
  });

  it('URL-encodes the tracking number', () => {
    assert.equal(trackingUrl({ carrierCode: 'ups', trackingNumber: 'A B/C&D?' }), 'https://www.ups.com/track?tracknum=A%20B%2FC%26D%3F');
  });

  it('lets the connection override or switch off a template, and replaces every placeholder', () => {
    const overrides = { ups: 'https://track.example/{trackingNumber}?again={trackingNumber}', fedex: '' };
    assert.equal(trackingUrl({ carrierCode: 'ups', trackingNumber: '1Z', overrides }), 'https://track.example/1Z?again=1Z');
    assert.equal(trackingUrl({ carrierCode: 'fedex', trackingNumber: '7946', overrides }), '');
    assert.equal(trackingUrl({ carrierCode: 'my_courier', trackingNumber: 'X1', overrides: { my_courier: 'https://c.example/t/{trackingNumber}' } }), 'https://c.example/t/X1');
  });

  it('answers an empty string for an unknown carrier or no tracking number', () => {
    assert.equal(trackingUrl({ carrierCode: 'my_courier', trackingNumber: 'X1' }), '');
    assert.equal(trackingUrl({ carrierCode: 'ups', trackingNumber: '  ' }), '');
  });

  it('matches carrier codes without case', () => {
    assert.equal(trackingUrl({ carrierCode: 'UPS', trackingNumber: '1Z' }), 'https://www.ups.com/track?tracknum=1Z');
  });
});
