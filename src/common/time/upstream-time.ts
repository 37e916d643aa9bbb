/**
 * The one module that owns date and time conversions at the edges of the service.
 *
 * Inside the service every instant is a `Date` (UTC); calendar dates that have no time zone
 * (a ship date, a DEAR order date) are plain `yyyy-MM-dd` strings ({@link CalendarDate}).
 * Each upstream speaks its own dialect:
 *
 * - ShipStation v1 speaks **Pacific time** (America/Los_Angeles, PST/PDT) in both directions and
 *   never writes an offset (reference/shipstation.md §1.6).
 * - DEAR v2 speaks **UTC**, ISO-like, with or without `Z` and with 0–7 fractional digits
 *   (reference/dear.md §1.8).
 * - The Custom Store protocol speaks **UTC** `MM/dd/yyyy HH:mm` (reference/shipstation.md §10.3,
 *   §10.4, §10.5).
 *
 * Daylight-saving edges when a Pacific wall-clock time is turned into an instant:
 * - **Fall-back (ambiguous hour, e.g. 2025-11-02 01:30 happens twice): the earlier occurrence**
 *   (PDT, UTC−7) is chosen. ShipStation strings carry no offset, so the information is lost
 *   upstream; the earlier instant is the same choice as `java.time`/Temporal's `compatible`
 *   disambiguation and keeps "modified since" windows inclusive (we may re-read an hour, never
 *   skip one).
 * - **Spring-forward (non-existent hour, e.g. 2025-03-09 02:30): shifted forward** by the length
 *   of the gap, i.e. read with the offset in force before the change (PST, UTC−8), which gives
 *   03:30 PDT. Same as Temporal's `compatible`.
 */

/** A calendar date without a time zone, `yyyy-MM-dd`. */
export type CalendarDate = string;

/** Stable error codes of this module (mapped to problem+json by the global filter). */
export type UpstreamTimeErrorCode =
  | 'time_invalid_format'
  | 'time_out_of_range'
  | 'time_invalid_date';

/** Thrown when an upstream date string (or a `Date` we are asked to format) is unusable. */
export class UpstreamTimeError extends Error {
  override readonly name = 'UpstreamTimeError';
  constructor(
    readonly code: UpstreamTimeErrorCode,
    message: string,
    /** The offending input, for logs; never contains secrets (dates only). */
    readonly input?: string,
  ) {
    super(message);
  }
}

/** ShipStation v1's time zone (reference/shipstation.md §1.6). */
export const SHIPSTATION_TIME_ZONE = 'America/Los_Angeles';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// ---------------------------------------------------------------------------------------------
// Small pure helpers
// ---------------------------------------------------------------------------------------------

interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function assertValidDate(date: Date): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new UpstreamTimeError('time_invalid_date', 'Expected a valid Date');
  }
  return ms;
}

/** Validates field ranges; throws `time_out_of_range` naming the input. */
function checkWallTime(w: WallTime, input: string): WallTime {
  const ok =
    w.year >= 1 &&
    w.year <= 9999 &&
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour >= 0 &&
    w.hour <= 23 &&
    w.minute >= 0 &&
    w.minute <= 59 &&
    w.second >= 0 &&
    w.second <= 59;
  if (!ok) {
    throw new UpstreamTimeError('time_out_of_range', `Date or time field out of range: "${input}"`, input);
  }
  return w;
}

/** Milliseconds since the epoch of a wall time read as if it were UTC. */
function wallToEpochAsUtc(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

function epochToUtcWall(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/**
 * Fractional seconds as whole milliseconds. Digits beyond the third (.NET writes 7) are
 * truncated, never rounded, so an instant never moves into the next millisecond or second.
 */
function fractionToMs(fraction: string | undefined): number {
  if (!fraction) return 0;
  return Number(fraction.slice(0, 3).padEnd(3, '0'));
}

/** The wall time captured by a date-time regex (year, month, day, then optional h, m, s, fraction), checked. */
function wallTimeOf(m: RegExpExecArray, s: string): ReturnType<typeof checkWallTime> {
  return checkWallTime(
    {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      millisecond: fractionToMs(m[7]),
    },
    s,
  );
}

function formatDatePart(w: WallTime): string {
  return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
}

function formatTimePart(w: WallTime): string {
  return `${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
}

// ---------------------------------------------------------------------------------------------
// Time-zone arithmetic (generic, driven by Intl with full ICU)
// ---------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock time of an instant in a zone. */
function epochToZonedWall(ms: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: new Date(ms).getUTCMilliseconds(),
  };
}

/** Offset of the zone from UTC at an instant, in ms (PDT → −7 h, PST → −8 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const floored = Math.floor(ms / 1000) * 1000;
  return wallToEpochAsUtc({ ...epochToZonedWall(floored, timeZone), millisecond: 0 }) - floored;
}

/**
 * The instant at which a zone's clocks show a given wall time. Ambiguous wall times (fall-back)
 * resolve to the earlier occurrence; non-existent ones (spring-forward) are shifted forward by
 * the gap. See the module comment for why.
 */
export function zonedWallTimeToInstant(wallAsUtcMs: number, timeZone: string): Date {
  // Offsets a day either side bracket any single transition (zones change at most ~twice a year).
  const before = zoneOffsetMs(wallAsUtcMs - DAY_MS, timeZone);
  const after = zoneOffsetMs(wallAsUtcMs + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallAsUtcMs - offset)
    .filter((t) => zoneOffsetMs(t, timeZone) === wallAsUtcMs - t)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first); // one match, or the earlier of two
  // In the gap: read with the offset in force before the transition → lands after it.
  return new Date(wallAsUtcMs - before);
}

// ---------------------------------------------------------------------------------------------
// ShipStation v1 (Pacific time, no offset) — reference/shipstation.md §1.6
// ---------------------------------------------------------------------------------------------

/**
 * An instant as ShipStation's documented request form `yyyy-MM-dd HH:mm:ss` in Pacific time
 * (§1.6). Milliseconds are dropped (truncated). Note that the two instants of the fall-back hour
 * render identically; ShipStation reads them back as the earlier one.
 */
export function toShipStationDateTime(date: Date): string {
  const w = epochToZonedWall(assertValidDate(date), SHIPSTATION_TIME_ZONE);
  return `${formatDatePart(w)} ${formatTimePart(w)}`;
}

/** The Pacific calendar date of an instant, `yyyy-MM-dd` (date-only request fields, §1.6). */
export function toShipStationDate(date: Date): CalendarDate {
  return formatDatePart(epochToZonedWall(assertValidDate(date), SHIPSTATION_TIME_ZONE));
}

const ISO_LOCAL =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/;

function parseLocal(s: string, what: string): WallTime {
  if (typeof s !== 'string') {
    throw new UpstreamTimeError('time_invalid_format', `Expected a ${what} string`);
  }
  const m = ISO_LOCAL.exec(s.trim());
  if (!m) {
    throw new UpstreamTimeError('time_invalid_format', `Not a ${what}: "${s}"`, s);
  }
  return wallTimeOf(m, s);
}

/**
 * Reads a ShipStation date-time (Pacific wall time, never an offset — §1.6) as an instant.
 *
 * Accepts `yyyy-MM-dd`, `yyyy-MM-dd HH:mm[:ss]` and `yyyy-MM-ddTHH:mm[:ss[.f{1,7}]]` — the shapes
 * in §1.6 (`2015-06-29T08:46:27.0000000`, `2015-08-17T09:43:03.05`, `2014-12-16T17:47:05.457`).
 * A date alone means 00:00 Pacific of that day (store refresh rule, §1.6). Digits past the
 * millisecond are truncated. A string with `Z` or an offset is rejected: ShipStation never sends
 * one, so its presence means the value did not come from where we think.
 *
 * @throws UpstreamTimeError `time_invalid_format` or `time_out_of_range`.
 */
export function fromShipStationDateTime(s: string): Date {
  const w = parseLocal(s, 'ShipStation date-time');
  return zonedWallTimeToInstant(wallToEpochAsUtc(w), SHIPSTATION_TIME_ZONE);
}

/**
 * Reads a ShipStation date-only value (`shipDate`: `2015-07-02`, or the fulfilment shape
 * `2016-06-07T00:00:00.0000000`, §1.6) as a calendar date, without any zone conversion: the
 * value already is the Pacific calendar day.
 */
export function fromShipStationDate(s: string): CalendarDate {
  return formatDatePart(parseLocal(s, 'ShipStation date'));
}

// ---------------------------------------------------------------------------------------------
// DEAR v2 (UTC) — reference/dear.md §1.8
// ---------------------------------------------------------------------------------------------

/**
 * An instant in DEAR's documented form `yyyy-MM-ddTHH:mm:ss.fff`, UTC, **without** `Z`, as
 * recommended for query parameters (`UpdatedSince`, `ModifiedSince`…) in dear.md §1.8.
 */
export function toDearDateTime(date: Date): string {
  const w = epochToUtcWall(assertValidDate(date));
  return `${formatDatePart(w)}T${formatTimePart(w)}.${pad(w.millisecond, 3)}`;
}

const DEAR_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * Reads a DEAR date-time as an instant. DEAR writes UTC with or without `Z` and with 0–7
 * fractional digits (`2017-11-30T00:00:00`, `2021-11-11T13:27:28.16Z`,
 * `2017-11-22T06:58:21.8882229Z`, dear.md §1.8); a bare date is midnight UTC. An explicit
 * `±HH:mm` offset is honoured (unambiguous, though DEAR is not known to send one).
 *
 * @throws UpstreamTimeError `time_invalid_format` or `time_out_of_range`.
 */
export function fromDearDateTime(s: string): Date {
  if (typeof s !== 'string') {
    throw new UpstreamTimeError('time_invalid_format', 'Expected a DEAR date-time string');
  }
  const m = DEAR_DATE_TIME.exec(s.trim());
  if (!m) {
    throw new UpstreamTimeError('time_invalid_format', `Not a DEAR date-time: "${s}"`, s);
  }
  const w = wallTimeOf(m, s);
  let offsetMs = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 23 || minutes > 59) {
      throw new UpstreamTimeError('time_out_of_range', `Offset out of range: "${s}"`, s);
    }
    offsetMs = sign * (hours * HOUR_MS + minutes * MINUTE_MS);
  }
  return new Date(wallToEpochAsUtc(w) - offsetMs);
}

/**
 * Reads a DEAR date-only field (`OrderDate`, `ShipBy`, `InvoiceDate`… written as
 * `2017-11-30T00:00:00`, dear.md §1.8) as a calendar date. These are days, not instants:
 * converting them through a zone would move them by a day.
 */
export function fromDearDate(s: string): CalendarDate {
  const instant = fromDearDateTime(s);
  return formatDatePart(epochToUtcWall(instant.getTime()));
}

const DEAR_WEBHOOK_DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/**
 * Reads a date from a DEAR webhook payload, which is not ISO: older payloads use `dd/MM/yyyy`
 * (`29/01/2018`), newer ones `yyyy-MM-dd` (dear.md §1.8).
 */
export function fromDearWebhookDate(s: string): CalendarDate {
  const m = typeof s === 'string' ? DEAR_WEBHOOK_DMY.exec(s.trim()) : null;
  if (!m) return fromDearDate(s);
  const w = checkWallTime(
    { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]), hour: 0, minute: 0, second: 0, millisecond: 0 },
    s,
  );
  return formatDatePart(w);
}

// ---------------------------------------------------------------------------------------------
// Custom Store protocol (UTC, MM/dd/yyyy HH:mm) — reference/shipstation.md §10
// ---------------------------------------------------------------------------------------------

/**
 * An instant as the Custom Store protocol writes it: UTC `MM/dd/yyyy HH:mm`, 24-hour
 * (`OrderDate`, `LastModified`, §10.4). Seconds are truncated, as the format has none.
 */
export function toCustomStoreDate(date: Date): string {
  const w = epochToUtcWall(assertValidDate(date));
  return `${pad(w.month, 2)}/${pad(w.day, 2)}/${pad(w.year, 4)} ${pad(w.hour, 2)}:${pad(w.minute, 2)}`;
}

/** A calendar date as the ship notice writes `ShipDate`: `MM/dd/yyyy` (§10.5). */
export function toCustomStoreShipDate(day: CalendarDate): string {
  const w = parseLocal(day, 'calendar date');
  return `${pad(w.month, 2)}/${pad(w.day, 2)}/${pad(w.year, 4)}`;
}

const CUSTOM_STORE_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$/;

function parseCustomStore(s: string): WallTime {
  if (typeof s !== 'string') {
    throw new UpstreamTimeError('time_invalid_format', 'Expected a Custom Store date string');
  }
  const m = CUSTOM_STORE_DATE.exec(s.trim());
  if (!m) {
    throw new UpstreamTimeError('time_invalid_format', `Not a Custom Store date: "${s}"`, s);
  }
  let hour = Number(m[4] ?? 0);
  const meridiem = m[7]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) {
      throw new UpstreamTimeError('time_out_of_range', `12-hour clock out of range: "${s}"`, s);
    }
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  return checkWallTime(
    {
      year: Number(m[3]),
      month: Number(m[1]),
      day: Number(m[2]),
      hour,
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      millisecond: 0,
    },
    s,
  );
}

/**
 * Reads a Custom Store date-time as an instant: UTC `MM/dd/yyyy HH:mm` (`start_date`/`end_date`
 * of `action=export`, `LabelCreateDate`), tolerating what the XSD accepts — `M/d/yyyy H:mm`,
 * optional seconds, optional `AM`/`PM` (§10.3, §10.4). A date alone is midnight UTC. The caller
 * URL-decodes query parameters first.
 *
 * @throws UpstreamTimeError `time_invalid_format` or `time_out_of_range`.
 */
export function fromCustomStoreDate(s: string): Date {
  return new Date(wallToEpochAsUtc(parseCustomStore(s)));
}

/** Reads the ship notice's `ShipDate` (`MM/dd/yyyy`, §10.5) as a calendar date. */
export function fromCustomStoreShipDate(s: string): CalendarDate {
  return formatDatePart(parseCustomStore(s));
}
