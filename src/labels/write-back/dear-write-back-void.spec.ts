/**
 * DearWriteBack.correctVoid against the DEAR simulator (SPEC §5 "The DEAR side is corrected",
 * App. A): the tracking is removed with PUT + AddTrackingNumbers, or a dated note is added when
 * DEAR refuses; re-running writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SEED, type DearSimulator } from '../../sandbox/dear/dear-simulator';
import { DearClient } from '../../upstream/dear/dear.client';
import type { DearShipTask, DearShipTrackingUpdate } from '../../upstream/dear/dear.types';
import { UpstreamError } from '../../upstream/upstream.errors';
import { DearWriteBack } from './dear-write-back';
import { dearClient, dearHttp, shipRecord, startSim, writes } from './write-back-test-kit';

const ids = SEED.saleIds;
const voidedAt = new Date('2026-03-04T15:30:00Z');

describe('DearWriteBack.correctVoid', () => {
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

  it('removes the voided tracking from the ship line; running it again is a no-op', async () => {
    const saleId = ids.packedOneBox;
    await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, box: 'Box 1', trackingNumber: 'VOID-1' }));
    const out = await writeBack.correctVoid({ saleId, fulfilmentTaskId: saleId, box: 'Box 1', trackingNumber: 'VOID-1', voidedAt });
    assert.equal(out.outcome, 'tracking_removed');

    const put = sim.requests.find((r) => r.method === 'PUT' && r.path === '/sale/fulfilment/ship')!;
    assert.equal((put.body as DearShipTrackingUpdate).AddTrackingNumbers, true);
    const ship = await dear.ship(saleId);
    assert.deepEqual(ship.Lines.map((l) => [l.Boxes, l.TrackingNumber, l.TrackingURL]), [['Box 1', '', '']]);
    // An authorised shipment stays authorised: AddTrackingNumbers only changes tracking (§3.4).
    assert.equal(ship.Status, 'AUTHORISED');
    assert.ok(!(await dear.sale(saleId)).CombinedTrackingNumbers?.includes('VOID-1'));

    const before = writes(sim);
    const again = await writeBack.correctVoid({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'VOID-1', voidedAt });
    assert.equal(again.outcome, 'nothing_to_do');
    assert.equal(writes(sim), before);
  });

  it('a replacement label then fills the emptied line of the authorised stage', async () => {
    const saleId = ids.packedOneBox;
    await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'VOID-2' }));
    await writeBack.correctVoid({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'VOID-2', voidedAt });
    const out = await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'REPLACEMENT-2' }));
    assert.deepEqual([out.shipLine, out.shipStatus], ['added', 'AUTHORISED']);
    assert.deepEqual((await dear.ship(saleId)).Lines.map((l) => [l.TrackingNumber, l.IsShipped]), [['REPLACEMENT-2', true]]);
  });

  it('on a draft stage the voided box goes back to not shipped, so the stage does not authorise without it', async () => {
    const saleId = ids.packedTwoBoxes;
    await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, box: 'Box 1', trackingNumber: 'VOID-3' }));
    assert.equal((await writeBack.correctVoid({ saleId, fulfilmentTaskId: saleId, box: 'Box 1', trackingNumber: 'VOID-3', voidedAt })).outcome, 'tracking_removed');
    const box2 = await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, box: 'Box 2', trackingNumber: 'KEEP-3' }));
    assert.equal(box2.shipStatus, 'DRAFT');
    const box1 = await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, box: 'Box 1', trackingNumber: 'REPLACEMENT-3' }));
    assert.equal(box1.shipStatus, 'AUTHORISED');
    assert.deepEqual((await dear.ship(saleId)).Lines.map((l) => [l.Boxes, l.TrackingNumber]), [['Box 1', 'REPLACEMENT-3'], ['Box 2', 'KEEP-3']]);
  });

  it('says there is nothing to do for a tracking number DEAR does not have', async () => {
    const out = await writeBack.correctVoid({ saleId: ids.packedOneBox, fulfilmentTaskId: ids.packedOneBox, trackingNumber: 'NEVER-SEEN', voidedAt });
    assert.equal(out.outcome, 'nothing_to_do');
    assert.equal(writes(sim), 0);
  });

  it('when DEAR refuses the change, notes the void on the ship stage once', async () => {
    const saleId = ids.packedOneBox;
    await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'REFUSED-1', notesToBuyer: 'Fragile' }));
    // DEAR refuses tracking changes on this stage (a rule we cannot provoke in the simulator).
    class RefusingClient extends DearClient {
      override async putShip(body: DearShipTrackingUpdate): Promise<DearShipTask> {
        if (body.Lines.length > 0) throw new UpstreamError('dear', 'rejected', 400, 'Tracking numbers cannot be changed.', { endpoint: 'sale/fulfilment/ship' });
        return super.putShip(body);
      }
    }
    const refusing = new DearWriteBack(new RefusingClient(dearHttp(sim)));
    const out = await refusing.correctVoid({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'REFUSED-1', voidedAt });
    assert.equal(out.outcome, 'noted');
    assert.match(out.detail, /Tracking numbers cannot be changed.*ShippingNotes/);
    const ship = await dear.ship(saleId);
    assert.equal(ship.ShippingNotes, 'Fragile\nLabel REFUSED-1 voided on 2026-03-04 in ShipStation');
    assert.equal(ship.Lines[0].TrackingNumber, 'REFUSED-1');

    const before = writes(sim);
    const again = await refusing.correctVoid({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'REFUSED-1', voidedAt: new Date('2026-03-05T00:00:00Z') });
    assert.equal(again.outcome, 'nothing_to_do');
    assert.equal(writes(sim), before, 'no second note, no second attempt');
  });

  it("with a sale-note writer, a real refusal from DEAR is noted on the sale's Note once", async () => {
    const saleId = ids.packedOneBox;
    await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'REFUSED-2' }));
    // The pack is undone in DEAR: the simulator now refuses ship writes (400, dear.md §3.4).
    sim.state.sales.find((s) => s.ID === saleId)!.Fulfilments[0].Pack.Status = 'DRAFT';
    const notes: string[] = [];
    const withNote = new DearWriteBack(dear, {
      saleNote: async (id, note) => {
        notes.push(note);
        sim.state.sales.find((s) => s.ID === id)!.Note = note; // what PUT /sale {ID, Note} would do (§2.6)
      },
    });
    const out = await withNote.correctVoid({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'REFUSED-2', voidedAt });
    assert.equal(out.outcome, 'noted');
    assert.match(out.detail, /Pack must be authorised/);
    assert.deepEqual(notes, ['Repeat customer - VIP\nLabel REFUSED-2 voided on 2026-03-04 in ShipStation']);

    const again = await withNote.correctVoid({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'REFUSED-2', voidedAt });
    assert.equal(again.outcome, 'nothing_to_do');
    assert.equal(notes.length, 1);
  });

  it('throttling during the correction is retried by the client', async () => {
    const saleId = ids.packedOneBox;
    await writeBack.record(shipRecord({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'VOID-T' }));
    sim.faults.inject({ method: 'PUT', path: '/sale/fulfilment/ship', kind: 'throttle' });
    const out = await writeBack.correctVoid({ saleId, fulfilmentTaskId: saleId, trackingNumber: 'VOID-T', voidedAt });
    assert.equal(out.outcome, 'tracking_removed');
    assert.deepEqual(sim.requests.filter((r) => r.method === 'PUT').map((r) => r.status), [429, 200]);
  });
});
