/**
 * Correcting DEAR after a label is voided in ShipStation (SPEC §5 "The DEAR side is corrected
 * (tracking removed / noted)", App. A "A void replaces the tracking on the ship line (PUT with
 * AddTrackingNumbers) or, if DEAR refuses, appends a dated note to the sale's Note").
 *
 * Removing: `PUT /sale/fulfilment/ship` with `AddTrackingNumbers` is the one documented way to
 * change tracking on a ship line, authorised or not (§3.4). It edits the line by `ID`: we blank
 * `TrackingNumber` and `TrackingURL`. On an authorised stage `IsShipped` and the status are left
 * alone — §3.4 only promises tracking/carrier changes there, and a replacement label later fills
 * the blank line; on a draft stage the box is marked not shipped, so the stage does not authorise
 * itself without a label.
 *
 * Noting: the reference documents `PUT /sale` with `Note` (§2.6), but `DearClient` has no such call
 * (and the simulator answers it 405). A {@link SaleNoteWriter} can be passed in once it exists;
 * until then the note goes on the ship stage's `ShippingNotes`, and the detail says so.
 */
import { toDearDateTime } from '../../common/time/upstream-time';
import type { DearClient } from '../../upstream/dear/dear.client';
import type { DearFulfilment, DearSale, DearShipLine, DearShipTrackingUpdate } from '../../upstream/dear/dear.types';
import { UpstreamError } from '../../upstream/upstream.errors';
import { hasBlankTracking, lineHasTracking, shipIsAuthorised, trackingKey } from './ship-lines';
import { appendNote, voidNote, voidNoteKey } from './write-back-notes';

/** Appends to the sale's `Note` (e.g. `PUT /sale {ID, Note}`, dear.md §2.6). */
export type SaleNoteWriter = (saleId: string, note: string) => Promise<void>;

export interface VoidInput {
  saleId: string;
  fulfilmentTaskId: string;
  box?: string | null;
  trackingNumber: string;
  voidedAt: Date;
}

export interface VoidOutcome {
  outcome: 'tracking_removed' | 'noted' | 'nothing_to_do';
  detail: string;
}

export class VoidCorrection {
  constructor(
    private readonly dear: DearClient,
    private readonly saleNote?: SaleNoteWriter,
  ) {}

  async apply(input: VoidInput): Promise<VoidOutcome> {
    const tn = input.trackingNumber.trim();
    const sale = await this.dear.sale(input.saleId);
    const fulfilments = ordered(sale.Fulfilments ?? [], input.fulfilmentTaskId);
    // Noted on an earlier run (DEAR refused the change then): never a second note, never a retry.
    const key = voidNoteKey(tn);
    if ((sale.Note ?? '').includes(key) || fulfilments.some((f) => (f.Ship?.ShippingNotes ?? '').includes(key))) {
      return { outcome: 'nothing_to_do', detail: `The void of ${tn} is already noted in DEAR.` };
    }
    const f = fulfilments.find((x) => (x.Ship?.Lines ?? []).some((l) => lineHasTracking(l, tn)));
    if (!f) return { outcome: 'nothing_to_do', detail: `No ship line of sale ${sale.ID} carries tracking number ${tn}.` };

    try {
      const answer = await this.dear.putShip(removalBody(f, tn));
      if (answer.Lines?.some((l) => lineHasTracking(l, tn))) throw new UpstreamError('dear', 'rejected', 200, `the ship line still carries ${tn} after the update`, { endpoint: 'sale/fulfilment/ship' });
      return { outcome: 'tracking_removed', detail: `Tracking number ${tn} removed from the ship line of fulfilment ${f.TaskID}.` };
    } catch (error) {
      if (!(error instanceof UpstreamError) || error.kind !== 'rejected') throw error;
      return this.note(sale, f, tn, input.voidedAt, error.upstreamMessage);
    }
  }

  private async note(sale: DearSale, f: DearFulfilment, tn: string, voidedAt: Date, refusal: string): Promise<VoidOutcome> {
    const text = voidNote(tn, toDearDateTime(voidedAt).slice(0, 10));
    if (this.saleNote) {
      const note = appendNote(sale.Note, text);
      if (note === undefined) return { outcome: 'nothing_to_do', detail: `DEAR refused to remove ${tn} (${refusal}) and the sale's Note has no room for the void note.` };
      await this.saleNote(sale.ID, note);
      return { outcome: 'noted', detail: `DEAR refused to remove ${tn} (${refusal}); noted on the sale's Note.` };
    }
    const notes = appendNote(f.Ship.ShippingNotes, text);
    if (notes === undefined) return { outcome: 'nothing_to_do', detail: `DEAR refused to remove ${tn} (${refusal}) and the ship stage's ShippingNotes has no room for the void note.` };
    await this.dear.putShip({ TaskID: f.TaskID, AddTrackingNumbers: true, ShippingNotes: notes, Lines: [] });
    return { outcome: 'noted', detail: `DEAR refused to remove ${tn} (${refusal}); noted on the ship stage's ShippingNotes of fulfilment ${f.TaskID} (no sale Note update is available through DearClient).` };
  }
}

/** The named fulfilment first, then the others: the tracking number is what identifies the line. */
function ordered(fulfilments: DearFulfilment[], taskId: string): DearFulfilment[] {
  const wanted = taskId.trim().toLowerCase();
  return [...fulfilments.filter((f) => f.TaskID.toLowerCase() === wanted), ...fulfilments.filter((f) => f.TaskID.toLowerCase() !== wanted)];
}

function removalBody(f: DearFulfilment, tn: string): DearShipTrackingUpdate {
  const authorised = shipIsAuthorised(f.Ship.Status);
  const lines = f.Ship.Lines.filter((l) => lineHasTracking(l, tn)).map((l) => {
    const remaining = withoutTracking(l, tn);
    const emptied = hasBlankTracking({ TrackingNumber: remaining });
    return {
      ID: l.ID,
      ShipmentDate: l.ShipmentDate,
      Carrier: l.Carrier ?? '',
      Box: l.Boxes,
      TrackingNumber: remaining,
      TrackingURL: emptied || trackingKey(l.TrackingURL ?? '').includes(trackingKey(tn)) ? '' : (l.TrackingURL ?? ''),
      IsShipped: authorised || !emptied ? l.IsShipped : false,
    };
  });
  return { TaskID: f.TaskID, AddTrackingNumbers: true, Lines: lines };
}

/** The line's tracking field without the voided number (a field may list several, comma-separated). */
function withoutTracking(l: DearShipLine, tn: string): string {
  const parts = (l.TrackingNumber ?? '').split(/[,;]/).map((t) => t.trim()).filter(Boolean);
  return parts.filter((t) => trackingKey(t) !== trackingKey(tn)).join(', ');
}
