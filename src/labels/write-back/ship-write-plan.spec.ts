import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DearFulfilment, DearShipLine, DearShipLineWrite } from '../../upstream/dear/dear.types';
import { everyBoxShipped, lineHasTracking, targetBoxes, toWriteLine } from './ship-lines';
import { planShipWrite } from './ship-write-plan';
import { DearWriteBackError } from './write-back.errors';

function fulfilment(boxes: string[], ship: { status: string; lines?: Partial<DearShipLine>[]; notes?: string }): DearFulfilment {
  return {
    TaskID: 'task-1',
    FulfillmentNumber: 1,
    LinkedInvoiceNumber: null,
    FulFilmentStatus: 'NOT FULFILLED',
    Pick: { Status: 'AUTHORISED', Lines: [] },
    Pack: { Status: 'AUTHORISED', Lines: boxes.map((b) => ({ ProductID: 'p', SKU: 's', Name: 'n', Location: 'L', LocationID: 'l', Quantity: 1, BatchSN: null, ExpiryDate: null, Box: b })) },
    Ship: {
      Status: ship.status,
      RequireBy: null,
      ShippingAddress: { Line1: 'a', Line2: null, City: 'c', State: null, Postcode: null, Country: 'US', Company: null, Contact: null, ShipToOther: false },
      ShippingNotes: ship.notes ?? '',
      Lines: (ship.lines ?? []).map((l, i) => ({ ID: `line-${i}`, ShipmentDate: '2026-03-01T00:00:00', Carrier: 'UPS', Boxes: 'Box 1', TrackingNumber: '', TrackingURL: '', IsShipped: true, ...l })),
    },
  };
}

const ours = (box: string, tn = 'TN-NEW'): DearShipLineWrite => ({ ShipmentDate: '2026-03-02T00:00:00', Carrier: 'UPS', Box: box, TrackingNumber: tn, TrackingURL: '', IsShipped: true });

describe('ship-lines helpers (dear.md §3.4)', () => {
  it('matches tracking numbers without case or spaces, also inside a list', () => {
    assert.ok(lineHasTracking({ TrackingNumber: '1z 999 aa1' }, '1Z999AA1'));
    assert.ok(lineHasTracking({ TrackingNumber: 'A1, B2' }, 'B2'));
    assert.ok(!lineHasTracking({ TrackingNumber: '' }, ''));
    assert.ok(!lineHasTracking({ TrackingNumber: 'A12' }, 'A1'));
  });

  it('resolves the label box to the pack spelling; null means every packed box', () => {
    const f = fulfilment(['Box 1', 'Box 2', 'Box 2'], { status: 'NOT AVAILABLE' });
    assert.deepEqual(targetBoxes(f, 'box 2'), ['Box 2']);
    assert.deepEqual(targetBoxes(f, null), ['Box 1', 'Box 2']);
    assert.equal(targetBoxes(f, 'Box 9'), undefined);
  });

  it('turns read Boxes into write Box', () => {
    const line: DearShipLine = { ID: 'x', ShipmentDate: 'd', Carrier: 'c', Boxes: 'Box 1, Box 2', TrackingNumber: 't', TrackingURL: 'u', IsShipped: true };
    assert.deepEqual(toWriteLine(line), { ShipmentDate: 'd', Carrier: 'c', Box: 'Box 1, Box 2', TrackingNumber: 't', TrackingURL: 'u', IsShipped: true });
  });

  it('everyBoxShipped counts only IsShipped lines and multi-box lines', () => {
    assert.ok(everyBoxShipped(['Box 1', 'Box 2'], [{ Box: 'box 1, Box 2', IsShipped: true }]));
    assert.ok(!everyBoxShipped(['Box 1', 'Box 2'], [{ Box: 'Box 1', IsShipped: true }, { Box: 'Box 2', IsShipped: false }]));
    assert.ok(!everyBoxShipped([], []));
  });
});

describe('planShipWrite (SPEC App. A "Write-back details")', () => {
  it('POSTs existing lines plus ours, AUTHORISED once every packed box is shipped', () => {
    const f = fulfilment(['Box 1', 'Box 2'], { status: 'DRAFT', lines: [{ Boxes: 'Box 1', TrackingNumber: 'TN-1' }], notes: 'Ring twice' });
    const plan = planShipWrite({ fulfilment: f, boxes: ['Box 2'], line: ours('Box 2'), trackingNumber: 'TN-NEW' });
    assert.equal(plan.kind, 'post');
    if (plan.kind !== 'post') return;
    assert.equal(plan.body.Status, 'AUTHORISED');
    assert.deepEqual(plan.body.Lines.map((l) => [l.Box, l.TrackingNumber]), [['Box 1', 'TN-1'], ['Box 2', 'TN-NEW']]);
    assert.equal(plan.body.ShippingNotes, 'Ring twice');
  });

  it('asks DRAFT when boxes remain, and fills a prepared line without tracking for the same box', () => {
    const f = fulfilment(['Box 1', 'Box 2'], { status: 'DRAFT', lines: [{ Boxes: 'Box 1', TrackingNumber: '', IsShipped: false }] });
    const plan = planShipWrite({ fulfilment: f, boxes: ['Box 1'], line: ours('Box 1'), trackingNumber: 'TN-NEW' });
    assert.equal(plan.kind, 'post');
    if (plan.kind !== 'post') return;
    assert.equal(plan.body.Status, 'DRAFT');
    assert.deepEqual(plan.body.Lines.map((l) => [l.Box, l.TrackingNumber, l.IsShipped]), [['Box 1', 'TN-NEW', true]]);
  });

  it('sends nothing when the tracking number is already on a line and the notes are there', () => {
    const f = fulfilment(['Box 1'], { status: 'AUTHORISED', lines: [{ TrackingNumber: 'TN-NEW' }], notes: 'Fragile' });
    assert.equal(planShipWrite({ fulfilment: f, boxes: ['Box 1'], line: ours('Box 1'), trackingNumber: 'tn-new', notesToBuyer: 'Fragile' }).kind, 'none');
  });

  it('on an authorised stage fills the blank line of the box by ID with PUT + AddTrackingNumbers', () => {
    const f = fulfilment(['Box 1', 'Box 2'], { status: 'AUTHORISED', lines: [{ Boxes: 'Box 1', TrackingNumber: 'TN-1' }, { Boxes: 'Box 2', TrackingNumber: '' }] });
    const plan = planShipWrite({ fulfilment: f, boxes: ['Box 2'], line: ours('Box 2'), trackingNumber: 'TN-NEW', notesToBuyer: 'Fragile' });
    assert.equal(plan.kind, 'put');
    if (plan.kind !== 'put') return;
    assert.equal(plan.body.AddTrackingNumbers, true);
    assert.equal(plan.body.Status, undefined);
    assert.deepEqual(plan.body.Lines.map((l) => [l.ID, l.TrackingNumber]), [['line-1', 'TN-NEW']]);
    assert.equal(plan.body.ShippingNotes, 'Fragile');
  });

  it('adds a new line on a PARTIALLY AUTHORISED stage and moves it to AUTHORISED with the last box', () => {
    const f = fulfilment(['Box 1', 'Box 2'], { status: 'PARTIALLY AUTHORISED', lines: [{ Boxes: 'Box 1', TrackingNumber: 'TN-1' }] });
    const plan = planShipWrite({ fulfilment: f, boxes: ['Box 2'], line: ours('Box 2'), trackingNumber: 'TN-NEW' });
    assert.equal(plan.kind, 'put');
    if (plan.kind !== 'put') return;
    assert.equal(plan.body.Status, 'AUTHORISED');
    assert.equal(plan.body.Lines[0].ID, undefined);
  });

  it('refuses to overwrite another tracking number on an authorised stage', () => {
    const f = fulfilment(['Box 1'], { status: 'AUTHORISED', lines: [{ Boxes: 'Box 1', TrackingNumber: 'TN-OLD' }] });
    assert.throws(() => planShipWrite({ fulfilment: f, boxes: ['Box 1'], line: ours('Box 1'), trackingNumber: 'TN-NEW' }), (e: unknown) => e instanceof DearWriteBackError && e.code === 'dear_box_already_tracked' && e.status === 422);
  });
});
