/**
 * DearWriteBack.record against the DEAR simulator over real HTTP (no database): ship lines on
 * simple, multi-box and advanced sales, idempotent re-runs counted in simulator writes, DEAR's
 * preconditions, and throttling / lost answers handled by the client.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SEED, type DearSimulator } from '../../sandbox/dear/dear-simulator';
import type { DearClient } from '../../upstream/dear/dear.client';
import { DearWriteBack } from './dear-write-back';
import { dearClient, shipRecord, startSim, writes } from './write-back-test-kit';
import { DearPackNotAuthorisedError, DearWriteBackError } from './write-back.errors';

const ids = SEED.saleIds;

describe('DearWriteBack.record: ship lines (SPEC §5, App. A; dear.md §3.4)', () => {
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

  it('records a packed one-box simple sale: line added, ship AUTHORISED, tracking on the sale', async () => {
    const rec = shipRecord({ saleId: ids.packedOneBox, fulfilmentTaskId: ids.packedOneBox, box: 'Box 1', trackingNumber: '1ZWB0000000000001', notesToBuyer: 'Signature required' });
    const out = await writeBack.record(rec);
    assert.deepEqual(out, { shipLine: 'added', shipStatus: 'AUTHORISED', freight: 'not_configured', notes: 'added' });

    const ship = await dear.ship(ids.packedOneBox);
    assert.equal(ship.Lines.length, 1);
    assert.deepEqual(
      { ...ship.Lines[0], ID: undefined },
      { ID: undefined, ShipmentDate: '2026-03-02T00:00:00', Carrier: 'UPS', Boxes: 'Box 1', TrackingNumber: '1ZWB0000000000001', TrackingURL: 'https://www.ups.com/track?tracknum=1ZWB0000000000001', IsShipped: true },
    );
    assert.equal(ship.ShippingNotes, 'Signature required');
    const sale = await dear.sale(ids.packedOneBox);
    assert.ok(sale.CombinedTrackingNumbers?.includes('1ZWB0000000000001'));
    assert.equal(sale.CombinedShippingStatus, 'SHIPPED');
    const posted = sim.requests.find((r) => r.method === 'POST' && r.path === '/sale/fulfilment/ship')!;
    assert.equal((posted.body as { Status: string }).Status, 'AUTHORISED');
    assert.equal((posted.body as { Lines: Array<{ IsShipped: boolean }> }).Lines[0].IsShipped, true);
  });

  it('running record again with the same input writes nothing', async () => {
    const rec = shipRecord({ saleId: ids.packedOneBox, fulfilmentTaskId: ids.packedOneBox, trackingNumber: '1ZWB0000000000002', notesToBuyer: 'Signature required' });
    await writeBack.record(rec);
    const before = writes(sim);
    const again = await writeBack.record(rec);
    assert.equal(writes(sim), before, 'no POST/PUT on the re-run');
    assert.deepEqual(again, { shipLine: 'already_present', shipStatus: 'AUTHORISED', freight: 'not_configured', notes: 'already_present' });
    assert.equal((await dear.ship(ids.packedOneBox)).Lines.length, 1);
    assert.equal((await dear.ship(ids.packedOneBox)).ShippingNotes, 'Signature required');
  });

  it('two-box sale: the first box leaves the stage DRAFT with one line, the second authorises it with two', async () => {
    const task = ids.packedTwoBoxes;
    const first = await writeBack.record(shipRecord({ saleId: task, fulfilmentTaskId: task, box: 'Box 1', trackingNumber: 'TWO-BOX-1' }));
    assert.equal(first.shipLine, 'added');
    assert.equal(first.shipStatus, 'DRAFT');
    assert.equal((await dear.ship(task)).Lines.length, 1);

    const second = await writeBack.record(shipRecord({ saleId: task, fulfilmentTaskId: task, box: 'box 2', trackingNumber: 'TWO-BOX-2' }));
    assert.equal(second.shipStatus, 'AUTHORISED');
    const ship = await dear.ship(task);
    assert.deepEqual(ship.Lines.map((l) => [l.Boxes, l.TrackingNumber, l.IsShipped]), [['Box 1', 'TWO-BOX-1', true], ['Box 2', 'TWO-BOX-2', true]]);
    const posts = sim.requests.filter((r) => r.method === 'POST' && r.path === '/sale/fulfilment/ship').map((r) => (r.body as { Status: string }).Status);
    assert.deepEqual(posts, ['DRAFT', 'AUTHORISED']);

    const before = writes(sim);
    assert.equal((await writeBack.record(shipRecord({ saleId: task, fulfilmentTaskId: task, box: 'Box 1', trackingNumber: 'TWO-BOX-1' }))).shipLine, 'already_present');
    assert.equal(writes(sim), before);
  });

  it('a label for the whole fulfilment ships every packed box on one line', async () => {
    const out = await writeBack.record(shipRecord({ saleId: ids.packedTwoBoxes, fulfilmentTaskId: ids.packedTwoBoxes, box: null, trackingNumber: 'WHOLE-1' }));
    assert.equal(out.shipStatus, 'AUTHORISED');
    const ship = await dear.ship(ids.packedTwoBoxes);
    assert.deepEqual(ship.Lines.map((l) => l.Boxes), ['Box 1, Box 2']);
  });

  it('advanced sale: writes on the fulfilment named by TaskID only', async () => {
    const [task1, task2] = SEED.taskIds.advancedTwoFulfilments;
    const out = await writeBack.record(shipRecord({ saleId: ids.advancedTwoFulfilments, fulfilmentTaskId: task1.toUpperCase(), box: 'Box 2', trackingNumber: 'ADV-1' }));
    assert.equal(out.shipStatus, 'DRAFT');
    const posted = sim.requests.find((r) => r.method === 'POST' && r.path === '/sale/fulfilment/ship')!;
    assert.equal((posted.body as { TaskID: string }).TaskID, task1);
    const f = (await dear.fulfilment(ids.advancedTwoFulfilments)).Fulfilments;
    assert.deepEqual(f.find((x) => x.TaskID === task1)!.Ship.Lines.map((l) => l.TrackingNumber), ['ADV-1']);
    assert.equal(f.find((x) => x.TaskID === task2)!.Ship.Lines.length, 0);
  });

  it('refuses with dear_pack_not_authorised when the pack stage is not authorised, without writing', async () => {
    for (const [saleId, task] of [[ids.packDraft, ids.packDraft], [ids.advancedTwoFulfilments, SEED.taskIds.advancedTwoFulfilments[1]]]) {
      await assert.rejects(writeBack.record(shipRecord({ saleId, fulfilmentTaskId: task, trackingNumber: 'NOPE-1' })), (e: unknown) => {
        assert.ok(e instanceof DearPackNotAuthorisedError);
        assert.equal(e.code, 'dear_pack_not_authorised');
        assert.equal(e.status, 422);
        return true;
      });
    }
    assert.equal(writes(sim), 0);
  });

  it('refuses an unknown fulfilment or box with a typed error', async () => {
    await assert.rejects(writeBack.record(shipRecord({ saleId: ids.packedOneBox, fulfilmentTaskId: SEED.taskIds.advancedTwoFulfilments[0], trackingNumber: 'X' })), (e: unknown) => e instanceof DearWriteBackError && e.code === 'dear_fulfilment_not_found');
    await assert.rejects(writeBack.record(shipRecord({ saleId: ids.packedOneBox, fulfilmentTaskId: ids.packedOneBox, box: 'Box 7', trackingNumber: 'X' })), (e: unknown) => e instanceof DearWriteBackError && e.code === 'dear_box_not_packed');
    assert.equal(writes(sim), 0);
  });

  it('refuses to overwrite the tracking of an already shipped box', async () => {
    await assert.rejects(writeBack.record(shipRecord({ saleId: ids.shipped, fulfilmentTaskId: ids.shipped, box: 'Box 1', trackingNumber: 'ANOTHER-1' })), (e: unknown) => e instanceof DearWriteBackError && e.code === 'dear_box_already_tracked');
    assert.equal(writes(sim), 0);
  });

  it('throttling (429) is retried by the client and still ends with exactly one line', async () => {
    sim.faults.inject({ method: 'GET', path: '/sale', kind: 'throttle' });
    sim.faults.inject({ method: 'POST', path: '/sale/fulfilment/ship', kind: 'throttle' });
    const out = await writeBack.record(shipRecord({ saleId: ids.packedOneBox, fulfilmentTaskId: ids.packedOneBox, trackingNumber: 'THROTTLED-1' }));
    assert.equal(out.shipLine, 'added');
    assert.equal(sim.countRequests({ method: 'POST', path: '/sale/fulfilment/ship' }), 2);
    assert.deepEqual(sim.requests.filter((r) => r.method === 'POST').map((r) => r.status), [429, 200]);
    assert.deepEqual((await dear.ship(ids.packedOneBox)).Lines.map((l) => l.TrackingNumber), ['THROTTLED-1']);
  });

  it('a ship POST that landed but whose answer was lost is recognised, not doubled', async () => {
    sim.faults.inject({ method: 'POST', path: '/sale/fulfilment/ship', kind: 'performThenDrop' });
    const out = await writeBack.record(shipRecord({ saleId: ids.packedOneBox, fulfilmentTaskId: ids.packedOneBox, trackingNumber: 'DROPPED-1' }));
    assert.deepEqual([out.shipLine, out.shipStatus], ['added', 'AUTHORISED']);
    // The client's repeat is refused ("already AUTHORISED"); the stage is read back instead.
    assert.equal(sim.countRequests({ method: 'POST', path: '/sale/fulfilment/ship' }), 2);
    assert.deepEqual((await dear.ship(ids.packedOneBox)).Lines.map((l) => l.TrackingNumber), ['DROPPED-1']);
  });

  it('keeps existing ship notes and adds the buyer notes once', async () => {
    const task = ids.packedTwoBoxes;
    await writeBack.record(shipRecord({ saleId: task, fulfilmentTaskId: task, box: 'Box 1', trackingNumber: 'N-1', notesToBuyer: 'Fragile' }));
    await writeBack.record(shipRecord({ saleId: task, fulfilmentTaskId: task, box: 'Box 2', trackingNumber: 'N-2', notesToBuyer: 'Fragile' }));
    await writeBack.record(shipRecord({ saleId: task, fulfilmentTaskId: task, box: 'Box 2', trackingNumber: 'N-2', notesToBuyer: 'Gift' }));
    assert.equal((await dear.ship(task)).ShippingNotes, 'Fragile\nGift');
  });
});
