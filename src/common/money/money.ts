/**
 * Money (STYLE.md habit 8): integer minor units inside, decimal strings with two places at our API
 * (SPEC §4: `"8.58"`), `numeric` in the database, never float arithmetic.
 *
 * Upstreams send JSON numbers (ShipStation §1.7; DEAR §1.9 — up to 4 places, sometimes with the
 * .NET scale kept, `497.0000`, and sometimes as strings). A number is read as the **exact decimal
 * of its shortest round-trip string** (`String(8.579999999)` is `"8.579999999"`, `String(0.1 + 0.2)`
 * is `"0.30000000000000004"`), never by multiplying floats, then rounded once to cents.
 *
 * **Rounding: half away from zero** ("half-up": 1.005 → 1.01, −1.005 → −1.01, 0.125 → 0.13) by
 * default. It is the commercial rule merchants expect on invoices and the rule PostgreSQL's
 * `round(numeric, 2)` applies, so a value rounded here and one rounded in SQL agree. Banker's
 * rounding (`'half-even'`, the .NET default) is available for callers that must mirror a .NET
 * computation.
 *
 * The minor unit is fixed at 2 places because our contract is two places for every currency
 * (SPEC §4); `Minor` values are safe integers (|x| ≤ 2^53 − 1 cents ≈ 90 trillion) and every
 * operation checks it.
 */

/** An amount in minor units (cents): an integer, branded so a plain number is not mistaken for it. */
export type Minor = number & { readonly __brand: 'Minor' };

export type MoneyRounding = 'half-up' | 'half-even';

/** Decimal places of the minor unit in our contract. */
export const MONEY_SCALE = 2;

export type MoneyErrorCode = 'money_invalid_amount' | 'money_out_of_range' | 'money_invalid_currency';

/** Typed error of this module; `code` is stable and mapped to problem+json by the filter. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const ZERO_MONEY = 0 as Minor;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_EXPONENT = 400;
const DECIMAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:e([+-]?\d+))?$/i;

interface ExactDecimal {
  /** All digits as an integer, sign included. */
  readonly digits: bigint;
  /** Value = digits × 10^exponent. */
  readonly exponent: number;
}

/** Parses a decimal string (optional sign, fraction and exponent) exactly. */
function parseDecimal(text: string, original: unknown): ExactDecimal {
  const m = DECIMAL.exec(text);
  if (!m) {
    throw new MoneyError('money_invalid_amount', `Not a decimal amount: ${JSON.stringify(original)}`);
  }
  const whole = m[2] ?? '';
  const fraction = m[3] ?? m[4] ?? '';
  const exp = Number(m[5] ?? 0);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) {
    throw new MoneyError('money_out_of_range', `Amount out of range: ${JSON.stringify(original)}`);
  }
  const magnitude = BigInt(`${whole}${fraction}` || '0');
  return { digits: m[1] === '-' ? -magnitude : magnitude, exponent: exp - fraction.length };
}

function toText(input: string | number): string {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw new MoneyError('money_invalid_amount', `Amount must be a finite number, got ${String(input)}`);
    }
    return String(input); // shortest round-trip representation
  }
  if (typeof input === 'string') return input.trim();
  throw new MoneyError('money_invalid_amount', `Amount must be a string or a number, got ${typeof input}`);
}

/** Divides by 10^k (k > 0) with the chosen rounding. */
function divPow10(n: bigint, k: number, rounding: MoneyRounding): bigint {
  const d = 10n ** BigInt(k);
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  const twice = 2n * (r < 0n ? -r : r);
  const away = n < 0n ? q - 1n : q + 1n;
  if (twice > d) return away;
  if (twice < d) return q;
  if (rounding === 'half-up') return away;
  return q % 2n === 0n ? q : away;
}

function scaleTo(dec: ExactDecimal, scale: number, rounding: MoneyRounding): bigint {
  const shift = dec.exponent + scale;
  return shift >= 0 ? dec.digits * 10n ** BigInt(shift) : divPow10(dec.digits, -shift, rounding);
}

function checked(n: bigint, what: unknown): Minor {
  if (n > MAX || n < -MAX) {
    throw new MoneyError('money_out_of_range', `Amount out of range: ${JSON.stringify(what)}`);
  }
  return (Number(n) || 0) as Minor; // `|| 0` folds −0 into 0
}

/**
 * Reads an amount (upstream number or decimal string, e.g. `8.58`, `12.3`, `8.579999999`,
 * `"497.0000"`, `"-0.5"`, `1e-7`) into cents, exactly, rounding once (half away from zero unless
 * told otherwise — see the module comment). Surrounding whitespace is ignored; thousands
 * separators and currency symbols are not accepted.
 *
 * @throws MoneyError `money_invalid_amount` (not a finite decimal) or `money_out_of_range`.
 */
export function parseMoney(input: string | number, rounding: MoneyRounding = 'half-up'): Minor {
  return checked(scaleTo(parseDecimal(toText(input), input), MONEY_SCALE, rounding), input);
}

/** Validates an integer count of cents as a `Minor` (e.g. from a `bigint`-free DB column). */
export function toMinor(cents: number): Minor {
  if (!Number.isSafeInteger(cents)) {
    throw new MoneyError('money_invalid_amount', `Minor units must be a safe integer, got ${String(cents)}`);
  }
  return (cents || 0) as Minor;
}

/** Cents as our API's decimal string with exactly two places: `"8.58"`, `"-0.50"`, `"0.00"`. */
export function formatMoney(minor: Minor): string {
  const cents = toMinor(minor);
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(MONEY_SCALE + 1, '0');
  return `${sign}${digits.slice(0, -MONEY_SCALE)}.${digits.slice(-MONEY_SCALE)}`;
}

/**
 * Cents as a JSON number for upstream requests (ShipStation money values are plain numbers,
 * shipstation.md §1.7). Built from the decimal string, so `858` becomes exactly the double that
 * prints as `8.58`.
 */
export function moneyToNumber(minor: Minor): number {
  return Number(formatMoney(minor));
}

export function addMoney(a: Minor, b: Minor): Minor {
  return checked(BigInt(toMinor(a)) + BigInt(toMinor(b)), 'sum');
}

export function subtractMoney(a: Minor, b: Minor): Minor {
  return checked(BigInt(toMinor(a)) - BigInt(toMinor(b)), 'difference');
}

export function negateMoney(a: Minor): Minor {
  return toMinor(-toMinor(a));
}

/** Σ amounts; exact because cents are integers. An empty list is 0. */
export function sumMoney(amounts: readonly Minor[]): Minor {
  return checked(
    amounts.reduce((acc, a) => acc + BigInt(toMinor(a)), 0n),
    'sum',
  );
}

/**
 * Amount × factor (a quantity, a rate), computed exactly on the factor's decimal value and rounded
 * once to cents — e.g. a 4-place DEAR quantity times a unit price, or a discount percentage / 100.
 */
export function multiplyMoney(amount: Minor, factor: number | string, rounding: MoneyRounding = 'half-up'): Minor {
  const f = parseDecimal(toText(factor), factor);
  const product: ExactDecimal = { digits: BigInt(toMinor(amount)) * f.digits, exponent: f.exponent };
  return checked(scaleTo(product, 0, rounding), 'product');
}

export function compareMoney(a: Minor, b: Minor): -1 | 0 | 1 {
  const x = toMinor(a);
  const y = toMinor(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Currency codes (ISO 4217)
// ---------------------------------------------------------------------------------------------

let knownCurrencies: ReadonlySet<string> | undefined;

/** ISO 4217 codes in circulation, from ICU (Node ships full ICU). */
function currencies(): ReadonlySet<string> {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies;
}

/** Shape only: three upper-case ASCII letters. */
export function isCurrencyCodeShape(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code);
}

/**
 * True for an ISO 4217 code in circulation, written canonically (`"USD"`, not `"usd"`).
 * Funds, metals and test codes (`XAU`, `XXX`, `XTS`) and withdrawn ones (`DEM`) are refused:
 * nobody ships goods priced in them.
 */
export function isCurrencyCode(code: unknown): code is string {
  return isCurrencyCodeShape(code) && currencies().has(code);
}

/** Normalizes user or upstream input (`" usd "` → `"USD"`); `undefined` when not a known code. */
export function toCurrencyCode(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const code = input.trim().toUpperCase();
  return isCurrencyCode(code) ? code : undefined;
}

/** @throws MoneyError `money_invalid_currency` unless {@link toCurrencyCode} accepts the input. */
export function assertCurrencyCode(input: unknown): string {
  const code = toCurrencyCode(input);
  if (code === undefined) {
    throw new MoneyError('money_invalid_currency', `Not an ISO 4217 currency code: ${JSON.stringify(input)}`);
  }
  return code;
}
