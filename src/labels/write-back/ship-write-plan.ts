/**
 * What to send to DEAR's ship stage for one label — pure, so the rules are unit-tested apart from
 * HTTP. The rules come from dear.md §3.4 and SPEC App. A "Write-back details":
 *
 * - A line with this tracking number already on the stage means the label is recorded: nothing to
 *   send (this is what makes a re-run after a crash harmless). Only missing buyer notes may still
 *   be written.
 * - Ship not yet authorised (`NOT AVAILABLE`, `DRAFT`): POST. A stage POST *replaces* its lines
 *   (§9 #14), so the body carries every existing line (read `Boxes` → write `Box`) plus ours, and
 *   `Status` is `AUTHORISED` once every packed box has a shipped line, else `DRAFT`.
 * - Ship `AUTHORISED` / `PARTIALLY AUTHORISED`: POST is refused; `PUT` with `AddTrackingNumbers`
 *   edits lines in place (by `ID`, else by box) and keeps the others.
 */
import type { DearFulfilment, DearShipLineWrite, DearShipTrackingUpdate, DearShipWrite } from '../../upstream/dear/dear.types';
import {
  boxKey, everyBoxShipped, hasBlankTracking, lineHasTracking, packedBoxes, sameBoxes, shipIsAuthorised, splitBoxes, toWriteLine,
} from './ship-lines';
import { appendNote, noteIsPresent } from './write-back-notes';
import { DearWriteBackError } from './write-back.errors';

export type NotesOutcome = 'added' | 'already_present' | 'none' | 'no_room';

export interface ShipWriteInput {
  fulfilment: DearFulfilment;
  /** The boxes the label covers, spelled as on the pack stage (see `targetBoxes`). */
  boxes: string[];
  /** Our line, `IsShipped: true` (SPEC App. A). */
  line: DearShipLineWrite;
  trackingNumber: string;
  notesToBuyer?: string | null;
}

export type ShipWritePlan =
  | { kind: 'none'; linePresent: true; notes: NotesOutcome }
  | { kind: 'post'; linePresent: boolean; notes: NotesOutcome; body: DearShipWrite }
  | { kind: 'put'; linePresent: boolean; notes: NotesOutcome; body: DearShipTrackingUpdate };

export function planShipWrite(input: ShipWriteInput): ShipWritePlan {
  const { fulfilment: f, trackingNumber } = input;
  const ship = f.Ship;
  const existing = ship.Lines ?? [];
  const linePresent = existing.some((l) => lineHasTracking(l, trackingNumber));
  const { notes, shippingNotes } = planNotes(ship.ShippingNotes, input.notesToBuyer);

  if (linePresent && shippingNotes === undefined) return { kind: 'none', linePresent, notes };

  if (!shipIsAuthorised(ship.Status)) {
    const lines = existing.map(toWriteLine);
    if (!linePresent) {
      // A line someone prepared for exactly these boxes without a tracking number is ours to fill.
      const placeholder = existing.findIndex((l) => hasBlankTracking(l) && sameBoxes(splitBoxes(l.Boxes), input.boxes));
      if (placeholder >= 0) lines[placeholder] = input.line;
      else lines.push(input.line);
    }
    const body: DearShipWrite = {
      TaskID: f.TaskID,
      Status: everyBoxShipped(packedBoxes(f), lines) ? 'AUTHORISED' : 'DRAFT',
      // POST creates or replaces the stage: send the notes back even when unchanged so they are kept.
      ShippingNotes: shippingNotes ?? ship.ShippingNotes ?? '',
      Lines: lines,
    };
    return { kind: 'post', linePresent, notes, body };
  }

  const body: DearShipTrackingUpdate = {
    TaskID: f.TaskID,
    AddTrackingNumbers: true,
    ...(shippingNotes !== undefined ? { ShippingNotes: shippingNotes } : {}),
    Lines: [],
  };
  if (!linePresent) {
    const { putLine, after } = authorisedStageLine(input);
    body.Lines = [putLine];
    // Only ever move up: PARTIALLY AUTHORISED → AUTHORISED when this was the last box.
    if (ship.Status.toUpperCase() !== 'AUTHORISED' && everyBoxShipped(packedBoxes(f), after)) body.Status = 'AUTHORISED';
  }
  return { kind: 'put', linePresent, notes, body };
}

function planNotes(current: string | null | undefined, notesToBuyer: string | null | undefined): { notes: NotesOutcome; shippingNotes?: string } {
  const text = (notesToBuyer ?? '').trim();
  if (!text) return { notes: 'none' };
  if (noteIsPresent(current, text)) return { notes: 'already_present' };
  const shippingNotes = appendNote(current, text);
  return shippingNotes === undefined ? { notes: 'no_room' } : { notes: 'added', shippingNotes };
}

/**
 * On an authorised stage every packed box normally has a line already. We fill a line of these
 * boxes that has no tracking number (e.g. one a void correction emptied) by its `ID`; a box with
 * no line at all (PARTIALLY AUTHORISED) gets a new line. A box whose line carries another
 * tracking number is refused: DEAR would match our line to it by box and overwrite it (§3.4).
 */
function authorisedStageLine(input: ShipWriteInput): { putLine: DearShipTrackingUpdate['Lines'][number]; after: DearShipLineWrite[] } {
  const existing = input.fulfilment.Ship.Lines ?? [];
  const wanted = new Set(input.boxes.map(boxKey));
  const covers = (boxes: string) => splitBoxes(boxes).some((b) => wanted.has(boxKey(b)));
  const blank = existing.filter((l) => hasBlankTracking(l) && covers(l.Boxes));
  const target = blank.find((l) => sameBoxes(splitBoxes(l.Boxes), input.boxes)) ?? blank[0];
  if (target) {
    const putLine = { ...input.line, ID: target.ID, Box: target.Boxes };
    return { putLine, after: existing.map((l) => (l === target ? putLine : toWriteLine(l))) };
  }
  const clash = existing.find((l) => boxKey(l.Boxes ?? '') === boxKey(input.line.Box));
  if (clash) {
    throw new DearWriteBackError(
      'dear_box_already_tracked',
      `Ship stage of fulfilment ${input.fulfilment.TaskID} is ${input.fulfilment.Ship.Status} and box '${clash.Boxes}' already carries tracking number ${clash.TrackingNumber}; DEAR can only change it, not add a second one (dear.md §3.4).`,
    );
  }
  return { putLine: input.line, after: [...existing.map(toWriteLine), input.line] };
}
