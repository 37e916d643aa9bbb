/**
 * Freight as an additional charge (SPEC §5, App. A; dear.md §2.4, §2.5, §3.5) against the DEAR
 * simulator: added once on a draft invoice, skipped with a reason otherwise, and DEAR's errors
 * under HTTP 200 surfacing as UpstreamError.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { toMinor } from '../../common/money/money';
import { SEED, type DearSimulator } from '../../sandbox/dear/dear-simulator';
import { DearClient } from '../../upstream/dear/dear.client';
import type { DearGuid, DearSale } from '../../upstream/dear/dear.types';
import { UpstreamError } from '../../upstream/upstream.errors';
import { DearWriteBack } from './dear-write-back';
import { dearClient, dearHttp, shipRecord, startSim, writes } from './write-back-test-kit';

const ids = SEED.saleIds;
const freight = { mode: 'invoice_charge' as const, productName: 'Freight' };

describe('DearWriteBack.record: freight charge', () => {
  let sim: DearSimulator;
  let dear: DearClient;
  let writeBack: DearWriteBack;
  before(async () => {
    sim = await startSim();
    dear = dearClient(sim);
    writeBack = new DearWriteBack(dear);
  });
  beforeEach(() => sim.reset());
  after(() => sim.close());

  it('adds the carrier fee once to the draft invoice, keeping its lines and charges', async () => {
    const saleId = ids.draftInvoiceWithFreight;
    const before = (await dear.saleInvoice(saleId)).Invoices[0];
    const rec = shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: '1ZFREIGHT01', freight, shippingCost: toMinor(1234), serviceName: 'UPS® Ground' });
    const out = await writeBack.record(rec);
    assert.equal(out.freight, 'added');
    assert.equal(out.freightNote, undefined);

    const inv = (await dear.saleInvoice(saleId)).Invoices[0];
    assert.equal(inv.Status, 'DRAFT');
    assert.deepEqual(inv.Lines.map((l) => [l.ProductID, l.Quantity]), before.Lines.map((l) => [l.ProductID, l.Quantity]));
    assert.deepEqual(inv.AdditionalCharges.map((c) => [c.Description, c.Price, c.Quantity, c.Comment]), [
      ['Freight', 0, 1, ''],
      ['Freight', 12.34, 1, 'ShipStation label 1ZFREIGHT01 (UPS® Ground)'],
    ]);

    const writesBefore = writes(sim);
    const again = await writeBack.record(rec);
    assert.equal(again.freight, 'already_present');
    assert.equal(writes(sim), writesBefore, 'the re-run writes nothing');
    assert.equal((await dear.saleInvoice(saleId)).Invoices[0].AdditionalCharges.length, 2);
  });

  it('adds the charge to the invoice linked to the fulfilment of an advanced sale', async () => {
    const [task1] = SEED.taskIds.advancedTwoFulfilments;
    const out = await writeBack.record(shipRecord({ saleId: ids.advancedTwoFulfilments, fulfilmentTaskId: task1, box: 'Box 1', trackingNumber: 'ADVFREIGHT', freight }));
    assert.equal(out.freight, 'added');
    const charges = (await dear.saleInvoice(ids.advancedTwoFulfilments)).Invoices[0].AdditionalCharges;
    assert.deepEqual(charges.map((c) => [c.Price, c.Comment]), [[8.58, 'ShipStation label ADVFREIGHT']]);
  });

  it('skips an authorised invoice and says why, without writing to it', async () => {
    const saleId = ids.packedThreeBoxes;
    const out = await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, box: 'Box 1', trackingNumber: 'AUTHINV-1', freight }));
    assert.equal(out.shipLine, 'added');
    assert.equal(out.freight, 'skipped');
    assert.match(out.freightNote!, /Invoice INV-\d+ is AUTHORISED.*8\.58 USD/);
    assert.equal(sim.countRequests({ method: 'POST', path: '/sale/invoice' }), 0);
  });

  it('skips when the sale has no invoice, when the order is authorised (order_charge), and on another currency', async () => {
    const saleId = ids.packedOneBox;
    const noInvoice = await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'NOINV-1', freight }));
    assert.equal(noInvoice.freight, 'skipped');
    assert.match(noInvoice.freightNote!, /no invoice/);

    const onOrder = await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'NOINV-1', freight: { mode: 'order_charge', productName: 'Freight' } }));
    assert.equal(onOrder.freight, 'skipped');
    assert.match(onOrder.freightNote!, /Order SO-\d+ is AUTHORISED/);

    const otherCurrency = await writeBack.record(shipRecord({ saleId: ids.draftInvoiceWithFreight, fulfilmentTaskId: ids.draftInvoiceWithFreight, trackingNumber: 'CAD-1', currency: 'CAD', freight }));
    assert.equal(otherCurrency.freight, 'skipped');
    assert.match(otherCurrency.freightNote!, /in CAD and the sale in USD/);
    assert.equal(sim.countRequests({ method: 'POST', path: /^\/sale\/(invoice|order)$/ }), 0);
  });

  it('is not configured when the connection has no freight mode', async () => {
    const saleId = ids.draftInvoiceWithFreight;
    for (const f of [undefined, { mode: 'none' as const, productName: 'Freight' }]) {
      sim.reset();
      const out = await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'NOFREIGHT', freight: f }));
      assert.equal(out.freight, 'not_configured');
      assert.equal(sim.countRequests({ method: 'POST', path: '/sale/invoice' }), 0);
    }
  });

  it("DEAR's error under HTTP 200 surfaces as UpstreamError; the re-run then skips with a note", async () => {
    const saleId = ids.draftInvoiceWithFreight;
    // Someone authorises the invoice between our read and our write.
    class RacingClient extends DearClient {
      override async sale(id: DearGuid, opts?: Parameters<DearClient['sale']>[1]): Promise<DearSale> {
        const sale = await super.sale(id, opts);
        sim.state.sales.find((s) => s.ID === saleId)!.Invoices[0].Status = 'AUTHORISED';
        return sale;
      }
    }
    const racing = new DearWriteBack(new RacingClient(dearHttp(sim)));
    const rec = shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'RACE-1', freight });
    await assert.rejects(racing.record(rec), (e: unknown) => {
      assert.ok(e instanceof UpstreamError, String(e));
      assert.equal(e.kind, 'rejected');
      assert.equal(e.upstreamStatus, 200);
      assert.match(e.upstreamMessage, /AUTHORISED and cannot be changed/);
      return true;
    });
    const postInvoice = sim.requests.filter((r) => r.method === 'POST' && r.path === '/sale/invoice');
    assert.deepEqual(postInvoice.map((r) => r.status), [200]);

    const again = await writeBack.record(rec);
    assert.deepEqual([again.shipLine, again.freight], ['already_present', 'skipped']);
    assert.match(again.freightNote!, /AUTHORISED/);
  });
});
