import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReferenceSchemas } from './openapi-schemas';
import { FaultController } from './faults';
import { makePdf } from './pdf';

/** The shared sandbox helpers must be able to fail: wrong shapes are rejected. */
describe('reference schema loader', () => {
  const ss = ReferenceSchemas.load('shipstation-v1.swagger.yaml', { nullOnlyTypeMeansUnknown: true });

  it('infers strict schemas from Swagger 2.0 examples', () => {
    const v = ss.response('GET', '/carriers/getcarrier?carrierCode=ups');
    assert.equal(v.source, 'example');
    const good = { name: 'UPS', code: 'ups', accountNumber: 'A1', requiresFundedAccount: false, balance: 0, shippingProviderId: 1, primary: true };
    assert.equal(v(good).valid, true);
    const { balance: _omit, ...missing } = good;
    assert.equal(v(missing).valid, false, 'a key shown in the example is required');
    assert.equal(v({ ...good, primary: 'true' }).valid, false, 'types are kept');
  });

  it('keeps the Pacific date shape of the examples (no offset)', () => {
    const v = ss.response('POST', '/shipments/voidlabel');
    assert.equal(v({ approved: true, message: 'x' }).valid, true);
    assert.equal(v({ approved: true, message: 'x', extra: 1 }).valid, true, 'extra keys are allowed');
    const one = ss.response('GET', '/orders/1');
    const errors = one({ createDate: '2015-08-17T09:24:14.7800000Z' }).errors.join(' ');
    assert.match(errors, /createDate must match pattern/);
  });

  it('maps templated and query-templated paths, and says when nothing matches', () => {
    assert.match(ss.response('DELETE', '/orders/42').operation, /\/orders\/\{orderId\}/);
    assert.match(ss.response('POST', '/orders/createorder').operation, /^POST \/orders\/createorder$/, 'literal segments beat templates');
    assert.throws(() => ss.response('GET', '/no/such/path'));
  });

  it('treats a converter-made `type: null` as unknown only when asked', () => {
    const body = { carrierCode: 'ups', serviceCode: 'ups_ground' };
    assert.equal(ss.request('POST', '/shipments/getrates')(body).valid, true);
    const literal = ReferenceSchemas.load('shipstation-v1.swagger.yaml');
    assert.equal(literal.request('POST', '/shipments/getrates')(body).valid, false);
  });

  it('rejects a relaxation that does not match the schema', () => {
    const s = ReferenceSchemas.load('shipstation-v1.swagger.yaml', {
      relaxations: [{ where: 'response', method: 'GET', path: '/carriers', at: '[]/noSuchKey', nullable: true, reason: 'test' }],
    });
    assert.throws(() => s.response('GET', '/carriers'), /noSuchKey/);
  });

  it('loads OpenAPI 3.0 (DEAR) request and response validators', () => {
    const dear = ReferenceSchemas.load('dear-v2.openapi.yaml');
    assert.ok(dear.operations().length > 100);
    const req = dear.request('POST', '/advanced-purchase');
    assert.equal(req.source, 'declared');
    assert.equal(typeof dear.response('GET', '/sale?ID=x').schema, 'object');
  });
});

describe('fault controller', () => {
  it('matches by method and prefix or RegExp, in order, counting times', () => {
    const f = new FaultController();
    f.inject({ method: 'post', path: '/shipments/createlabel', kind: 'performThenDrop' });
    f.inject({ path: /^\/orders\/\d+$/, kind: 'status500', times: 2 });
    assert.equal(f.take('GET', '/shipments/createlabel'), undefined);
    assert.equal(f.take('POST', '/shipments/createlabel'), 'performThenDrop');
    assert.equal(f.take('POST', '/shipments/createlabel'), undefined);
    assert.equal(f.take('GET', '/orders/1'), 'status500');
    assert.equal(f.take('DELETE', '/orders/2'), 'status500');
    assert.equal(f.take('GET', '/orders/3'), undefined);
    f.inject({ path: '/', kind: 'hang', times: Infinity });
    for (let i = 0; i < 5; i++) assert.equal(f.take('GET', '/x'), 'hang');
    f.clear();
    assert.equal(f.take('GET', '/x'), undefined);
    assert.throws(() => f.inject({ path: '/', kind: 'boom' as never }));
  });
});

describe('pdf', () => {
  it('writes a one-page PDF with correct xref offsets', () => {
    const pdf = makePdf(['Hello (world)', 'TRACKING 123']).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-1.4'));
    assert.ok(pdf.includes('(Hello \\(world\\)) Tj'));
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    assert.equal(pdf.slice(xref, xref + 4), 'xref');
    for (const m of pdf.matchAll(/^(\d{10}) 00000 n $/gm)) assert.match(pdf.slice(Number(m[1])), /^\d+ 0 obj/);
  });
});
