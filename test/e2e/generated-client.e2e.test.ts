import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { DEFAULT_SHIPSTATION_CREDENTIALS } from '../../src/sandbox/shipstation/shipstation-simulator';
import { Api, ProblemDetailsDto } from '../generated/bridge-api';
import { startTestApp, TestApp } from '../support/test-app';
import { Simulators, startSimulators } from '../support/simulators';

/**
 * SPEC §8: a client generated from openapi.yaml (`npm run client`, swagger-typescript-api) is
 * exercised here, so the contract is checked from the consumer's side: if a route or a shape
 * drifted from what openapi.yaml says, this file stops compiling or these calls fail.
 */
describe('a client generated from openapi.yaml (e2e)', () => {
  let t: TestApp;
  let sims: Simulators;
  let api: Api<unknown>;

  before(async () => {
    sims = await startSimulators();
    t = await startTestApp();
    api = new Api({ baseUrl: t.url, baseApiParams: { headers: { Authorization: `Bearer ${t.adminKey}` } } });
  });
  after(async () => {
    await t?.close();
    await sims?.close();
  });

  it('creates a connection, verifies it, quotes a sale and buys, reads, lists and voids a label', async () => {
    const { data: connection } = await api.v1.connectionsCreate({
      name: 'Generated client',
      dear: { accountId: SEED.accountId, applicationKey: SEED.applicationKey, baseUrl: sims.dear.url },
      shipstation: { ...DEFAULT_SHIPSTATION_CREDENTIALS, baseUrl: sims.shipstation.url },
      shippingService: { shipFrom: { name: 'WH', street1: '1 Dock Rd', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' } },
    });
    assert.equal(connection.name, 'Generated client');
    const { data: verified } = await api.v1.connectionVerifyVerify(connection.id);
    assert.equal(verified.ok, true);
    const { data: carriers } = await api.v1.carriersList(connection.id);
    assert.ok(carriers.data.length > 0);
    const { data: quote } = await api.v1.ratesQuote({ connectionId: connection.id, saleId: SEED.saleIds.packedOneBox, carrierCodes: ['stamps_com'] });
    assert.ok(quote.rates.length > 0);
    const { data: label } = await api.v1.labelsPurchase({ connectionId: connection.id, rateId: quote.rates[0].rateId }, { headers: { Authorization: `Bearer ${t.adminKey}`, 'Idempotency-Key': 'generated-1' } });
    assert.equal(label.status, 'purchased');
    const { data: again } = await api.v1.labelsGet(label.id);
    assert.equal(again.trackingNumber, label.trackingNumber);
    const { data: list } = await api.v1.labelsList({ connectionId: connection.id });
    assert.ok(list.data.some((l) => l.id === label.id));
    const { data: voided } = await api.v1.labelsVoid(label.id);
    assert.equal(voided.status, 'voided');
  });

  it('surfaces problem+json errors with their code', async () => {
    const error = (await api.v1.connectionsGet('00000000-0000-4000-8000-000000000000').then(
      () => assert.fail('expected a 404'),
      (e: { status: number; error: ProblemDetailsDto }) => e,
    )) as { status: number; error: ProblemDetailsDto };
    assert.equal(error.status, 404);
    assert.equal(error.error.code, 'connection_not_found');
  });
});
