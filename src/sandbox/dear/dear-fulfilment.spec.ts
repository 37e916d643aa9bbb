/**
 * Golden tests of the fulfilment stages (dear.md §3, §10): preconditions, Box vs Boxes,
 * CombinedTrackingNumbers / CombinedShippingStatus, Updated moving, schemas.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SEED } from './dear-seed';
import { startDearSimulator, type DearSimulator } from './dear-simulator';
import { assertErrorArray, assertSchema, call } from './dear-test-helpers';

const FIXED_START = Date.parse('2026-11-20T12:00:00.000Z');

describe('DEAR simulator: pick, pack, ship', () => {
  let sim: DearSimulator;
  let clock = FIXED_START;
  const tick = (ms = 1000) => (clock += ms);

  before(async () => {
    sim = await startDearSimulator({ now: () => new Date(clock), rateLimit: { limit: 10_000, windowMs: 60_000 } });
  });
  beforeEach(() => {
    clock = FIXED_START;
    sim.reset();
  });
  after(() => sim.close());

  const sale = async (id: string) => (await call(sim, 'GET', `/sale?ID=${id}`)).body;

  it('refuses ship before the pack is AUTHORISED (400 + Error Model) on POST and PUT', async () => {
    for (const key of ['pickedNotPacked', 'packDraft'] as const) {
      for (const method of ['POST', 'PUT']) {
        const r = await call(sim, method, '/sale/fulfilment/ship', { TaskID: SEED.saleIds[key], Status: 'AUTHORISED', Lines: [{ ShipmentDate: '2026-11-20T00:00:00', Carrier: 'UPS', Box: 'Box 1', TrackingNumber: '1Z1', IsShipped: true }] });
        assert.equal(r.status, 400, `${key} ${method}`);
        assert.match(assertErrorArray(r.body, 400), /Pack must be authorised/);
      }
    }
  });

  it('refuses pack before pick is AUTHORISED and pick before the order is AUTHORISED', async () => {
    const pack = await call(sim, 'POST', '/sale/fulfilment/pack', { TaskID: SEED.saleIds.pickDraft, Status: 'AUTHORISED', Lines: [{ SKU: 'POSTER-A2', Quantity: 2, Location: SEED.locations.mainBin, Box: 'Box 1' }] });
    assert.equal(pack.status, 400);
    assert.match(assertErrorArray(pack.body), /Pick must be authorised/);
    const pick = await call(sim, 'GET', `/sale/fulfilment/pick?TaskID=${SEED.saleIds.notAuthorised}`);
    assert.equal(pick.status, 400, 'a sale whose order is not authorised has no fulfilment task yet');
  });

  it('ship POST writes `Box`, reads back `Boxes`, authorises once every box shipped, and recomputes the Combined fields', async () => {
    const id = SEED.saleIds.packedTwoBoxes;
    const before = await sale(id);
    assert.equal(before.CombinedShippingStatus, 'NOT SHIPPED');
    assert.equal(before.CombinedTrackingNumbers, '');

    tick();
    const first = await call(sim, 'POST', '/sale/fulfilment/ship', {
      TaskID: id,
      Status: 'AUTHORISED',
      Lines: [{ ShipmentDate: '2026-11-20T00:00:00', Carrier: 'FedEx', Box: 'Box 1', TrackingNumber: '794600000001', TrackingURL: 'https://www.fedex.com/fedextrack/?trknbr=794600000001', IsShipped: true }],
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assertSchema('POST', '/sale/fulfilment/ship', first.body);
    assert.equal(first.body.Lines[0].Boxes, 'Box 1');
    assert.equal('Box' in first.body.Lines[0], false, 'the read side has no `Box`');
    assert.match(first.body.Lines[0].ID, /^[0-9a-f-]{36}$/);
    assert.equal(first.body.Status, 'PARTIALLY AUTHORISED', 'one of two boxes shipped');
    let s = await sale(id);
    assert.equal(s.CombinedTrackingNumbers, '794600000001');
    assert.equal(s.CombinedShippingStatus, 'PARTIALLY SHIPPED');
    assert.equal(s.LastModifiedOn, '2026-11-20T12:00:01Z', 'Updated moves to the write time');

    // POST on a partially authorised shipment is refused; PUT without AddTrackingNumbers too.
    const again = await call(sim, 'POST', '/sale/fulfilment/ship', { TaskID: id, Lines: [{ ShipmentDate: '2026-11-20', Box: 'Box 2', IsShipped: true }] });
    assert.equal(again.status, 400);
    assertErrorArray(again.body, 400);

    // AddTrackingNumbers adds the second box's line and the shipment authorises itself.
    tick(250);
    const put = await call(sim, 'PUT', '/sale/fulfilment/ship', {
      TaskID: id,
      AddTrackingNumbers: true,
      Lines: [{ ShipmentDate: '2026-11-20T00:00:00', Carrier: 'FedEx', Box: 'Box 2', TrackingNumber: '794600000002', IsShipped: true }],
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assertSchema('PUT', '/sale/fulfilment/ship', put.body);
    assert.equal(put.body.Status, 'AUTHORISED');
    s = await sale(id);
    assert.equal(s.CombinedTrackingNumbers, '794600000001, 794600000002');
    assert.equal(s.CombinedShippingStatus, 'SHIPPED');
    assert.equal(s.FulFilmentStatus, 'FULFILLED');
    assert.equal(s.LastModifiedOn, '2026-11-20T12:00:01.25Z');
    assert.deepEqual(s.Fulfilments[0].Ship.Lines.map((l: { Boxes: string }) => l.Boxes), ['Box 1', 'Box 2']);
  });

  it('PUT with AddTrackingNumbers replaces the tracking of an authorised line by ID (the void path of SPEC App. A)', async () => {
    const id = SEED.saleIds.shipped;
    const s = await sale(id);
    assert.equal(s.CombinedShippingStatus, 'SHIPPED');
    assert.equal(s.CombinedTrackingNumbers, SEED.trackingNumbers.shipped.join(', '));
    const line = s.Fulfilments[0].Ship.Lines[0];
    tick(5000);
    const r = await call(sim, 'PUT', '/sale/fulfilment/ship', { TaskID: id, AddTrackingNumbers: true, Lines: [{ ID: line.ID, TrackingNumber: '', Carrier: 'USPS' }] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const after = await sale(id);
    assert.equal(after.CombinedTrackingNumbers, SEED.trackingNumbers.shipped[1]);
    assert.equal(after.Fulfilments[0].Ship.Lines[0].Boxes, line.Boxes, 'unchanged fields are kept');
    assert.equal(after.LastModifiedOn, '2026-11-20T12:00:05Z');
  });

  it('a ship line sent with `Boxes` instead of `Box` is refused; unknown boxes too', async () => {
    const id = SEED.saleIds.packedOneBox;
    const wrongKey = await call(sim, 'POST', '/sale/fulfilment/ship', { TaskID: id, Lines: [{ ShipmentDate: '2026-11-20', Boxes: 'Box 1', TrackingNumber: 'X', IsShipped: true }] });
    assert.equal(wrongKey.status, 400);
    assert.match(assertErrorArray(wrongKey.body), /'Box' is required/);
    const unknown = await call(sim, 'POST', '/sale/fulfilment/ship', { TaskID: id, Lines: [{ ShipmentDate: '2026-11-20', Box: 'Box 9', IsShipped: true }] });
    assert.equal(unknown.status, 400);
    assert.match(assertErrorArray(unknown.body), /Box 'Box 9' was not found/);
  });

  it('ship POST replaces the lines of a draft shipment; PUT must list every packed box', async () => {
    const id = SEED.saleIds.packedTwoBoxes;
    await call(sim, 'POST', '/sale/fulfilment/ship', { TaskID: id, Status: 'DRAFT', Lines: [{ ShipmentDate: '2026-11-20', Box: 'Box 1', TrackingNumber: 'A' }] });
    const r = await call(sim, 'POST', '/sale/fulfilment/ship', { TaskID: id, Status: 'DRAFT', Lines: [{ ShipmentDate: '2026-11-20', Box: 'Box 2', TrackingNumber: 'B' }] });
    assert.deepEqual(r.body.Lines.map((l: { TrackingNumber: string }) => l.TrackingNumber), ['B']);
    assert.equal((await sale(id)).CombinedTrackingNumbers, 'B');
    assert.equal((await sale(id)).CombinedShippingStatus, 'SHIPPING');
    const put = await call(sim, 'PUT', '/sale/fulfilment/ship', { TaskID: id, Lines: [{ ShipmentDate: '2026-11-20', Box: 'Box 1' }] });
    assert.equal(put.status, 400);
    assert.match(assertErrorArray(put.body), /missing: Box 2/);
    const ok = await call(sim, 'PUT', '/sale/fulfilment/ship', { TaskID: id, Status: 'AUTHORISED', Lines: [{ ShipmentDate: '2026-11-20', Box: 'Box 1, Box 2', TrackingNumber: 'C', IsShipped: true }] });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.Status, 'AUTHORISED');
  });

  it('pick → pack → ship from an ordered sale, with bins, schemas at every step', async () => {
    const id = SEED.saleIds.orderedNotPicked;
    const fl = await call(sim, 'GET', `/sale/fulfilment?SaleID=${id}`);
    assertSchema('GET', `/sale/fulfilment?SaleID=${id}`, fl.body);
    assert.equal(fl.body.Fulfilments[0].TaskID, id, 'simple sale: TaskID = SaleID (§3.1)');
    const pick = await call(sim, 'POST', '/sale/fulfilment/pick', { TaskID: id, Status: 'AUTHORISED', Lines: [{ SKU: 'MUG-CER-11', Quantity: 4, Location: 'Main Warehouse: A-01-03' }] });
    assert.equal(pick.status, 200, JSON.stringify(pick.body));
    assertSchema('POST', '/sale/fulfilment/pick', pick.body);
    assert.equal(pick.body.Lines[0].Location, 'Main Warehouse: A-01-03');
    const pack = await call(sim, 'POST', '/sale/fulfilment/pack', { TaskID: id, Status: 'AUTHORISED', Lines: [{ SKU: 'MUG-CER-11', Quantity: 2, Box: 'Box 1' }, { SKU: 'MUG-CER-11', Quantity: 2, Box: 'Box 2' }] });
    assert.equal(pack.status, 200, JSON.stringify(pack.body));
    assertSchema('POST', '/sale/fulfilment/pack', pack.body);
    assert.equal(pack.body.Lines[1].Location, 'Main Warehouse: A-01-03', 'pack line takes the picked location');
    assertSchema('GET', `/sale/fulfilment/pick?TaskID=${id}`, (await call(sim, 'GET', `/sale/fulfilment/pick?TaskID=${id}`)).body);
    assertSchema('GET', `/sale/fulfilment/pack?TaskID=${id}`, (await call(sim, 'GET', `/sale/fulfilment/pack?TaskID=${id}`)).body);
    assert.equal((await sale(id)).Status, 'PACKED');
    const ship = await call(sim, 'POST', '/sale/fulfilment/ship', { TaskID: id, Status: 'AUTHORISED', Lines: [{ ShipmentDate: '2026-11-21T00:00:00', Carrier: 'UPS', Box: 'Box 1', TrackingNumber: '1ZA', IsShipped: true }, { ShipmentDate: '2026-11-21T00:00:00', Carrier: 'UPS', Box: 'Box 2', TrackingNumber: '1ZB', IsShipped: true }] });
    assert.equal(ship.body.Status, 'AUTHORISED');
    assertSchema('GET', `/sale/fulfilment/ship?TaskID=${id}`, (await call(sim, 'GET', `/sale/fulfilment/ship?TaskID=${id}`)).body);
    const s = await sale(id);
    assert.equal(s.CombinedShippingStatus, 'SHIPPED');
    assert.equal(s.CombinedTrackingNumbers, '1ZA, 1ZB');
  });

  it('POST /sale/fulfilment adds a task only when every pick is authorised and makes the sale Advanced', async () => {
    const refused = await call(sim, 'POST', '/sale/fulfilment', { SaleID: SEED.saleIds.pickDraft });
    assert.equal(refused.status, 400);
    const id = SEED.saleIds.pickedNotPacked;
    const r = await call(sim, 'POST', '/sale/fulfilment', { SaleID: id });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assertSchema('POST', '/sale/fulfilment', r.body);
    assert.equal(r.body.Fulfilments.length, 2);
    assert.equal(r.body.Fulfilments[1].FulfillmentNumber, 2);
    assert.equal((await sale(id)).Type, 'Advanced Sale');
  });

  it('advanced sales: one TaskID per fulfilment, combined statuses across them', async () => {
    const two = await sale(SEED.saleIds.advancedTwoFulfilments);
    assert.equal(two.Type, 'Advanced Sale');
    assert.deepEqual(two.Fulfilments.map((f: { TaskID: string }) => f.TaskID), SEED.taskIds.advancedTwoFulfilments);
    assert.equal(two.CombinedPackingStatus, 'PARTIALLY PACKED');
    const partial = await sale(SEED.saleIds.advancedPartiallyShipped);
    assert.equal(partial.CombinedShippingStatus, 'PARTIALLY SHIPPED');
    assert.equal(partial.FulFilmentStatus, 'PARTIALLY FULFILLED');
    // ship the second fulfilment → SHIPPED
    const r = await call(sim, 'POST', '/sale/fulfilment/ship', { TaskID: SEED.taskIds.advancedPartiallyShipped[1], Status: 'AUTHORISED', Lines: [{ ShipmentDate: '2026-11-20', Carrier: 'FedEx', Box: 'Box 1', TrackingNumber: 'FX2', IsShipped: true }] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const s = await sale(SEED.saleIds.advancedPartiallyShipped);
    assert.equal(s.CombinedShippingStatus, 'SHIPPED');
    assert.match(s.CombinedTrackingNumbers, /, FX2$/);
  });
});
