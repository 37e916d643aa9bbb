/**
 * Free-text notes we add to DEAR: the buyer's notes on the ship stage (`ShippingNotes`, String
 * 1024, dear.md §3.4) and the void note (sale `Note`, String 1024, §2.2). We append, never clobber,
 * and never append the same note twice — re-running a job must not grow the field.
 */
import type { CalendarDate } from '../../common/time/upstream-time';

/** Both fields are 1024 characters in DEAR (§2.2 `Note`, §3.4 `ShippingNotes`). */
export const DEAR_NOTE_MAX = 1024;

/**
 * How much of a note identifies it. If the field is nearly full we cut the note to fit, so the
 * "already there?" test looks for its beginning rather than the whole text.
 */
const KEY_LENGTH = 64;

/**
 * The field with `note` appended on a new line, or `undefined` when there is nothing to do: the
 * note is empty, already present, or there is no room left even for its beginning.
 */
export function appendNote(current: string | null | undefined, note: string | null | undefined, max = DEAR_NOTE_MAX): string | undefined {
  const text = (note ?? '').trim();
  if (!text) return undefined;
  const existing = current ?? '';
  if (noteIsPresent(existing, text)) return undefined;
  const separator = existing.trim() ? '\n' : '';
  const base = existing.trim() ? existing.replace(/\s+$/, '') : '';
  const room = max - base.length - separator.length;
  const key = identifyingPart(text);
  if (room < key.length) return undefined;
  const fitted = text.length <= room ? text : `${text.slice(0, room - 1)}…`;
  return `${base}${separator}${fitted}`;
}

export function noteIsPresent(current: string | null | undefined, note: string): boolean {
  const key = identifyingPart(note.trim());
  return key !== '' && (current ?? '').includes(key);
}

function identifyingPart(text: string): string {
  return text.slice(0, KEY_LENGTH);
}

/**
 * The void note of SPEC App. A ("appends a dated note to the sale's Note"). Its beginning,
 * {@link voidNoteKey}, does not contain the date, so re-running with another `voidedAt` finds it.
 */
export function voidNote(trackingNumber: string, voidedOn: CalendarDate): string {
  return `${voidNoteKey(trackingNumber)} on ${voidedOn} in ShipStation`;
}

export function voidNoteKey(trackingNumber: string): string {
  return `Label ${trackingNumber.trim()} voided`;
}
