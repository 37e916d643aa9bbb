import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { LabelWriteBackWorker } from '../../src/labels/label-write-back.worker';
import { SEED } from '../../src/sandbox/dear/dear-seed';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { connectToSimulators, Simulators, startSimulators, useSimulatedApp } from '../support/simulators';
import { LABEL_TEST_ENV, waitForLabel } from '../support/labels-kit';

/** SPEC §5: the write-back to DEAR goes through an outbox, retries, and never writes twice. */
describe('labels: DEAR write-back (e2e)', () => {
  let t: TestApp;
  let sims: Simulators;
  let connectionId: string;
  const buy = async (saleId: string, box?: string, extra: object = {}) => {
    // allowAdditional: these tests are about the write-back; the simulator's sales start fresh each test.
    const res = await t.http().post('/v1/labels').set(bearer(t.adminKey)).send({ connectionId, saleId, ...(box ? { box } : {}), carrierCode: 'ups', serviceCode: 'ups_ground', allowAdditional: true, ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const sale = (id: string) => sims.dear.state.sales.find((s) => s.ID === id) as any;
  const shipLines = (id: string, tracking: string) => sale(id).Fulfilments.flatMap((f: any) => f.Ship.Lines).filter((l: any) => l.TrackingNumber === tracking);
  const ourCharges = (id: string, tracking: string) => sale(id).Invoices.flatMap((i: any) => i.AdditionalCharges).filter((c: any) => String(c.Comment ?? '').includes(tracking));

  const app = useSimulatedApp({ env: { ...LABEL_TEST_ENV, WRITE_BACK_MAX_ATTEMPTS: '3' }, connection: { shippingService: { enabled: true, currency: 'USD', shipFrom: { name: 'WH', street1: '1 Dock Rd', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' }, freight: { mode: 'invoice_charge', productName: 'Freight' }, carrierNames: { ups: 'UPS Ground Service' } } } });
  before(() => ({ t, sims, connectionId } = app));

  it('records the ship line and the freight charge once, with carrier name, tracking URL and notes to the buyer', async () => {
    const label = await buy(SEED.saleIds.draftInvoiceWithFreight, undefined, { notesToBuyer: 'Fragile: handle with care.' });
    const done = await waitForLabel(t, label.id, (l) => l.writeBack.status !== 'pending');
    assert.equal(done.writeBack.status, 'done', JSON.stringify(done.writeBack));
    assert.equal(done.writeBack.outcome.freight, 'added');
    const [line] = shipLines(SEED.saleIds.draftInvoiceWithFreight, label.trackingNumber);
    assert.equal(line.Carrier, 'UPS Ground Service');
    assert.match(line.TrackingURL, new RegExp(label.trackingNumber));
    assert.equal(line.IsShipped, true);
    const fulfilment = sale(SEED.saleIds.draftInvoiceWithFreight).Fulfilments[0];
    assert.match(fulfilment.Ship.ShippingNotes, /Fragile: handle with care\./);
    const charges = ourCharges(SEED.saleIds.draftInvoiceWithFreight, label.trackingNumber);
    assert.equal(charges.length, 1);
    assert.equal(charges[0].Description, 'Freight');
    assert.equal(Math.round(charges[0].Price * 100), Math.round(Number(label.shipmentCost) * 100));
  });

  it('re-running the job after a crash writes nothing twice (it reads DEAR first)', async () => {
    const label = await buy(SEED.saleIds.draftInvoiceWithFreight);
    await waitForLabel(t, label.id, (l) => l.writeBack.status === 'done');
    const writes = () => sims.dear.requests.filter((r) => r.method !== 'GET').length;
    const before = writes();
    // As if the process died after DEAR took the writes but before we marked the job done.
    await t.running.app.get(DataSource).query(`UPDATE labels SET write_back_status = 'pending' WHERE id = $1`, [label.id]);
    const retried = await t.http().post(`/v1/labels/${label.id}/write-back/retry`).set(bearer(t.adminKey));
    assert.equal(retried.status, 409, 'only a failed write-back can be retried by hand');
    await t.running.app.get(LabelWriteBackWorker).writeBack(label.id);
    const again = (await t.http().get(`/v1/labels/${label.id}`).set(bearer(t.adminKey))).body;
    assert.equal(again.writeBack.status, 'done');
    assert.equal(again.writeBack.outcome.shipLine, 'already_present');
    assert.equal(again.writeBack.outcome.freight, 'already_present');
    assert.equal(writes(), before, 'no write reached DEAR');
    assert.equal(shipLines(SEED.saleIds.draftInvoiceWithFreight, label.trackingNumber).length, 1);
    assert.equal(ourCharges(SEED.saleIds.draftInvoiceWithFreight, label.trackingNumber).length, 1);
  });

  it('retries through DEAR throttling and 5xx and still writes one line', async () => {
    sims.dear.faults.inject({ path: '/sale', kind: 'throttle', times: 2 });
    sims.dear.faults.inject({ path: '/sale/fulfilment/ship', kind: 'status500', times: 1 });
    const label = await buy(SEED.saleIds.packedOneBox);
    const done = await waitForLabel(t, label.id, (l) => l.writeBack.status !== 'pending', 30_000);
    assert.equal(done.writeBack.status, 'done', JSON.stringify(done.writeBack));
    assert.equal(shipLines(SEED.saleIds.packedOneBox, label.trackingNumber).length, 1);
  });

  it('marks the write-back failed after the last attempt, and POST …/write-back/retry finishes it', async () => {
    sims.dear.faults.inject({ method: 'POST', path: '/sale/fulfilment/ship', kind: 'status500', times: Infinity });
    const label = await buy(SEED.saleIds.packedOneBox);
    const failed = await waitForLabel(t, label.id, (l) => l.writeBack.status === 'failed', 30_000);
    assert.equal(failed.writeBack.attempts, 3);
    assert.match(failed.writeBack.lastError, /upstream_failed/);
    sims.dear.faults.clear();
    const retry = await t.http().post(`/v1/labels/${label.id}/write-back/retry`).set(bearer(t.adminKey));
    assert.equal(retry.status, 202);
    assert.equal(retry.body.writeBack.status, 'pending');
    const done = await waitForLabel(t, label.id, (l) => l.writeBack.status === 'done', 30_000);
    assert.equal(done.writeBack.lastError, null);
    assert.equal(shipLines(SEED.saleIds.packedOneBox, label.trackingNumber).length, 1);
  });

  it('fails at once with DEAR’s reason when the sale cannot be shipped yet (pack not authorised)', async () => {
    const label = await buy(SEED.saleIds.packDraft, 'Box 1').catch(async () => buy(SEED.saleIds.packDraft));
    const failed = await waitForLabel(t, label.id, (l) => l.writeBack.status !== 'pending');
    assert.equal(failed.writeBack.status, 'failed');
    assert.equal(failed.writeBack.attempts, 1, 'a refusal that needs a change in DEAR is not retried');
    assert.match(failed.writeBack.lastError, /dear_pack_not_authorised/);
  });

  it('skips freight on an authorised invoice and says why', async () => {
    const label = await buy(SEED.saleIds.packedThreeBoxes, 'Box 1');
    const done = await waitForLabel(t, label.id, (l) => l.writeBack.status !== 'pending');
    assert.equal(done.writeBack.status, 'done', JSON.stringify(done.writeBack));
    assert.equal(done.writeBack.outcome.freight, 'skipped');
    assert.match(done.writeBack.outcome.freightNote, /authori[sz]ed/i);
    assert.equal(done.writeBack.outcome.shipStatus, 'DRAFT', 'two of three boxes still to ship');
  });

  it('exposes labels bought, write-back latency and the outbox backlog as metrics', async () => {
    const label = await buy(SEED.saleIds.packedOneBox);
    await waitForLabel(t, label.id, (l) => l.writeBack.status === 'done');
    const metrics = (await t.http().get('/metrics')).text;
    assert.match(metrics, /labels_purchased_total\{carrier="ups"\} \d+/);
    assert.match(metrics, /label_write_back_latency_seconds_count \d+/);
    assert.match(metrics, /label_write_back_backlog \d+/);
  });
});

/** A full DEAR budget makes a request answer 503 at once, but a write-back job waits its turn. */
describe('labels: DEAR write-back under a full budget (e2e)', () => {
  let t: TestApp;
  let sims: Simulators;
  let connectionId: string;

  before(async () => {
    sims = await startSimulators();
    t = await startTestApp({ ...LABEL_TEST_ENV, UPSTREAM_WINDOW_MS: '2000', UPSTREAM_BUDGET_WAIT_MS: '100' });
    connectionId = await connectToSimulators(t, sims, { limits: { dearPerMinute: 2 } });
  });
  after(async () => {
    await t?.close();
    await sims?.close();
  });

  it('waits for the budget instead of failing, while requests get 503 with Retry-After', async () => {
    const buy = (saleId: string) => t.http().post('/v1/labels').set(bearer(t.adminKey)).send({ connectionId, saleId, carrierCode: 'ups', serviceCode: 'ups_ground' });
    const first = await buy(SEED.saleIds.packedOneBox);
    const second = await buy(SEED.saleIds.taxedSale);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(second.status, 201, JSON.stringify(second.body));
    // Both DEAR calls of this window are spent: a request is refused at once.
    const third = await buy(SEED.saleIds.giftOrder);
    assert.equal(third.status, 503, JSON.stringify(third.body));
    assert.equal(third.body.code, 'upstream_budget_exhausted');
    assert.ok(Number(third.headers['retry-after']) >= 1);
    for (const label of [first.body, second.body]) {
      const done = await waitForLabel(t, label.id, (l) => l.writeBack.status !== 'pending', 30_000);
      assert.equal(done.writeBack.status, 'done', JSON.stringify(done.writeBack));
      assert.equal(done.writeBack.attempts, 1, 'the job waited for its turn rather than failing');
    }
    assert.equal(sims.dear.requests.filter((r) => r.status === 429 || r.status === 503).length, 0);
  });
});
