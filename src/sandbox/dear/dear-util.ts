/**
 * Small helpers shared by the DEAR simulator: DEAR's date formats, deterministic
 * GUIDs and case-insensitive query parameters.
 */
import { createHash, randomUUID } from 'node:crypto';

/**
 * Last-modified style stamps (`Updated`, `LastModifiedOn`): UTC with `Z` and the
 * fraction's trailing zeros trimmed, e.g. `2017-11-22T10:10:49.75Z` (dear.md §1.8).
 */
export function formatModified(d: Date): string {
  const iso = d.toISOString(); // 2017-11-22T10:10:49.750Z
  const [main, frac] = iso.slice(0, -1).split('.');
  const trimmed = (frac ?? '').replace(/0+$/, '');
  return trimmed ? `${main}.${trimmed}Z` : `${main}Z`;
}

/** Date-only fields (`OrderDate`, `ShipBy`, `ShipmentDate`...): `2017-11-30T00:00:00`, no zone (§1.8). */
export function formatDateOnly(d: Date): string {
  return `${d.toISOString().slice(0, 10)}T00:00:00`;
}

/** Creation stamps on payments (`DateCreated`): 7 fractional digits and `Z` (§1.8). */
export function formatCreated(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 23)}0000Z`;
}

/**
 * Parses a DEAR query date (`UpdatedSince`, `CreatedSince`...). DEAR documents UTC
 * ISO 8601 (`yyyy-MM-ddTHH:mm:ss.fff`); EV recommends sending it without `Z`, so a
 * value without a zone is read as UTC (§1.8). Returns undefined when unparseable.
 */
export function parseDearDate(value: string): Date | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(v);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const text = dateOnly ? `${v}T00:00:00Z` : hasZone ? v : `${v}Z`;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Normalises a date written into a date-only field (`ShipmentDate`, `InvoiceDate`). */
export function normaliseDateOnly(value: unknown, fallback: Date): string {
  if (typeof value === 'string') {
    const d = parseDearDate(value);
    if (d) return formatDateOnly(d);
  }
  return formatDateOnly(fallback);
}

/** A GUID derived from a name, so the seed is identical on every start and reset. */
export function seedGuid(name: string): string {
  const h = createHash('sha1').update(`dear-sandbox:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A fresh GUID for objects created at run time (ship lines, webhooks...). */
export function newGuid(): string {
  return randomUUID();
}

export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * Query parameters matched case-insensitively: DEAR documents `Page`/`Limit` but its
 * own prose and working clients send `page`/`limit` (§1.1).
 */
export class Query {
  private readonly map = new Map<string, string>();
  constructor(params: URLSearchParams) {
    for (const [k, v] of params) if (!this.map.has(k.toLowerCase())) this.map.set(k.toLowerCase(), v);
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase());
  }
  bool(name: string, dflt = false): boolean {
    const v = this.get(name);
    if (v === undefined || v === '') return dflt;
    return v.toLowerCase() === 'true';
  }
}

/** Rounds money / quantities the way DEAR stores them (≤ 4 dp, §1.9). */
export function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
