/**
 * Pure rules for ship lines (dear.md §3.4): box sets, tracking-number matching, read → write
 * conversion and the stage status we ask for. No I/O here, so every rule has a unit test.
 */
import { toDearDateTime } from '../../common/time/upstream-time';
import type { DearFulfilment, DearShipLine, DearShipLineWrite } from '../../upstream/dear/dear.types';

/**
 * Ship-line `Box` may name several packed boxes (§3.4 "names of boxes from the pack stage"); the
 * separator is not documented, a comma is what DEAR's UI and the simulator use.
 */
export const BOX_SEPARATOR = ', ';

export function splitBoxes(value: string | null | undefined): string[] {
  return (value ?? '').split(',').map((b) => b.trim()).filter(Boolean);
}

/** Box names are compared without case, as DEAR matches reference names (§9 #10). */
export function boxKey(box: string): string {
  return box.trim().toLowerCase();
}

/** Distinct box names of the pack stage, in pack order. */
export function packedBoxes(f: DearFulfilment): string[] {
  const seen = new Map<string, string>();
  for (const l of f.Pack?.Lines ?? []) {
    const box = (l.Box ?? '').trim();
    if (box && !seen.has(boxKey(box))) seen.set(boxKey(box), box);
  }
  return [...seen.values()];
}

/**
 * The boxes a label covers, spelled as on the pack stage: the named box, or every packed box when
 * the label is for the whole fulfilment (`box` null). `undefined` when the named box is not packed.
 */
export function targetBoxes(f: DearFulfilment, box: string | null | undefined): string[] | undefined {
  const packed = packedBoxes(f);
  if (box === null || box === undefined || box.trim() === '') return packed;
  const wanted = splitBoxes(box);
  const found = wanted.map((w) => packed.find((p) => boxKey(p) === boxKey(w)));
  return found.every((b): b is string => b !== undefined) ? found : undefined;
}

/** Tracking numbers are compared without case and spaces ("1Z 999 AA1…" is the same parcel). */
export function trackingKey(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** A line "has" a tracking number if its field equals it, or lists it among comma/semicolon-separated numbers. */
export function lineHasTracking(line: Pick<DearShipLine, 'TrackingNumber'>, trackingNumber: string): boolean {
  const wanted = trackingKey(trackingNumber);
  if (!wanted) return false;
  return (line.TrackingNumber ?? '').split(/[,;]/).some((t) => trackingKey(t) === wanted);
}

export function hasBlankTracking(line: Pick<DearShipLine, 'TrackingNumber'>): boolean {
  return trackingKey(line.TrackingNumber ?? '') === '';
}

/** Same set of boxes, ignoring order and case. */
export function sameBoxes(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map(boxKey));
  const y = new Set(b.map(boxKey));
  return x.size === y.size && [...x].every((k) => y.has(k));
}

/** A read line in its write form: `Boxes` on read becomes `Box` on write (§3.4, §9 #11). */
export function toWriteLine(l: DearShipLine): DearShipLineWrite {
  return {
    ShipmentDate: l.ShipmentDate,
    Carrier: l.Carrier ?? '',
    Box: l.Boxes ?? '',
    TrackingNumber: l.TrackingNumber ?? '',
    TrackingURL: l.TrackingURL ?? '',
    IsShipped: l.IsShipped === true,
  };
}

/**
 * `ShipmentDate` is a date-only DEAR field, written `yyyy-MM-ddT00:00:00` (§1.8). DEAR speaks UTC,
 * so the UTC calendar day of the instant is used; callers holding a calendar date pass its UTC
 * midnight.
 */
export function dearShipmentDate(shipDate: Date): string {
  return `${toDearDateTime(shipDate).slice(0, 10)}T00:00:00`;
}

/**
 * SPEC App. A: the ship stage goes out `AUTHORISED` once every packed box has a shipped line,
 * otherwise `DRAFT` (DEAR also authorises by itself when the last box ships, §3.4).
 */
export function everyBoxShipped(packed: readonly string[], lines: ReadonlyArray<Pick<DearShipLineWrite, 'Box' | 'IsShipped'>>): boolean {
  const shipped = new Set(lines.filter((l) => l.IsShipped).flatMap((l) => splitBoxes(l.Box).map(boxKey)));
  return packed.length > 0 && packed.every((b) => shipped.has(boxKey(b)));
}

/** Stage statuses after which a POST is refused and only `PUT … AddTrackingNumbers` works (§3.4). */
export function shipIsAuthorised(status: string | null | undefined): boolean {
  const s = (status ?? '').toUpperCase();
  return s === 'AUTHORISED' || s === 'PARTIALLY AUTHORISED';
}
