/**
 * Pacific time for the ShipStation simulator (fact sheet §1.6: V1 speaks
 * America/Los_Angeles local time, no offset, DST-correct). Private to the sandbox —
 * the service has its own helper in src/common/time.
 */
const ZONE = 'America/Los_Angeles';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function toLocal(d: Date): LocalParts {
  const p: Record<string, number> = {};
  for (const { type, value } of parts.formatToParts(d)) if (type !== 'literal') p[type] = Number(value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second, ms: d.getUTCMilliseconds() };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2015-06-29T08:46:27.0000000` — order/shipment timestamps (7 fractional digits). */
export function pacificDateTime7(d: Date): string {
  const l = toLocal(d);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}.${pad(l.ms, 3)}0000`;
}

/** `2015-08-17T09:43:03.05` — order-item and store timestamps (.NET trims trailing zeros). */
export function pacificDateTime3(d: Date): string {
  const l = toLocal(d);
  const frac = pad(l.ms, 3).replace(/0+$/, '');
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}${frac ? `.${frac}` : ''}`;
}

/** `2015-07-02` — the Pacific calendar date of an instant. */
export function pacificDate(d: Date): string {
  const l = toLocal(d);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}`;
}

/** Offset of Pacific local time from UTC at instant `d`, in minutes (-480 PST, -420 PDT). */
export function pacificOffsetMinutes(d: Date): number {
  const l = toLocal(d);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.ms);
  return Math.round((asUtc - d.getTime()) / 60000);
}

/**
 * Parses a Pacific local date-time as clients send it (§1.6: `yyyy-mm-dd hh:mm:ss`,
 * ISO-like `2015-06-29T08:46:27.000`, or a date alone = 00:00) to an instant. Any
 * explicit offset/Z is honoured as such. In the autumn overlap the earlier (PDT)
 * instant is taken; a time in the spring gap is shifted forward by the gap.
 * Returns undefined when the text is not a date.
 */
export function parsePacific(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(wall)) return undefined;
  if (zone) {
    if (zone === 'Z') return new Date(wall);
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.replace(/[+:-]/g, '');
    return new Date(wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000);
  }
  // Try the standard (PST) and daylight (PDT) readings; keep the one that round-trips.
  const candidates = [-420, -480].map((off) => new Date(wall - off * 60000));
  const exact = candidates.find((c) => pacificOffsetMinutes(c) * 60000 + c.getTime() === wall);
  return exact ?? candidates[1];
}
