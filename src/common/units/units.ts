/**
 * Weight and dimension units: the one place that knows every upstream spelling and converts
 * between them (STYLE.md habit 8).
 *
 * - Our API: weights `oz|lb|g|kg`, dimensions `in|cm` (SPEC §4).
 * - DEAR: `WeightUnits` `oz|mg|kg|lb|g`, `DimensionsUnits` `m|cm|mi|mm|in|ft|yd|km`, possibly
 *   `""`/`null` when unset (dear.md §2.2 "Additional fields", §5.1, §5.3).
 * - ShipStation: `ounces|pounds|grams` and `inches|centimeters` (shipstation.md §1.7); the
 *   Custom Store XML also accepts `pound|pounds|lb|lbs|gram|grams|gm|oz|ounces` (§10.4) — note:
 *   no kilograms.
 *
 * **Exactness.** Every conversion factor is an exact rational (1 lb = 16 oz = 453.59237 g;
 * 1 oz = 28.349523125 g; 1 in = 2.54 cm — international yard and pound, 1959). Input numbers are
 * read as the exact decimal of their shortest round-trip representation (`String(n)`), so
 * `0.1` is one tenth, not 0.1000000000000000055…; arithmetic is done on `bigint` ratios and
 * rounded **once**, at the edge:
 * - {@link convertWeight}/{@link convertDimensions}/{@link sumWeights}: {@link INTERNAL_DECIMALS}
 *   (6) places, half away from zero — a millionth of an ounce is ~28 µg, far below any scale.
 * - ShipStation ({@link toShipStationWeight}/{@link toShipStationDimensions}): 2 places, half
 *   away from zero, and a positive value never rounds down to 0 (a zero weight is refused by
 *   carriers), so it becomes 0.01.
 * Conversions within a system (lb→oz, kg→g, mg→g, ft→in, m→cm…) are exact decimal shifts or
 * integer multiples and therefore lose nothing even after rounding.
 */

export type WeightUnit = 'oz' | 'lb' | 'g' | 'kg';
export type DimensionUnit = 'in' | 'cm';

export const WEIGHT_UNITS: readonly WeightUnit[] = ['oz', 'lb', 'g', 'kg'];
export const DIMENSION_UNITS: readonly DimensionUnit[] = ['in', 'cm'];

export interface Weight {
  readonly value: number;
  readonly unit: WeightUnit;
}

export interface Dimensions {
  readonly length: number;
  readonly width: number;
  readonly height: number;
  readonly unit: DimensionUnit;
}

/** ShipStation v1 weight and dimension objects (shipstation.md §1.7). */
export type ShipStationWeightUnit = 'ounces' | 'pounds' | 'grams';
export type ShipStationDimensionUnit = 'inches' | 'centimeters';
export interface ShipStationWeight {
  value: number;
  units: ShipStationWeightUnit;
}
export interface ShipStationDimensions {
  length: number;
  width: number;
  height: number;
  units: ShipStationDimensionUnit;
}

/** DEAR unit codes (dear.md §5.3). */
export type DearWeightUnit = 'oz' | 'mg' | 'kg' | 'lb' | 'g';
export type DearDimensionUnit = 'm' | 'cm' | 'mi' | 'mm' | 'in' | 'ft' | 'yd' | 'km';

/** Decimal places kept by conversions that return plain numbers. */
export const INTERNAL_DECIMALS = 6;
/** Decimal places sent to ShipStation. */
export const SHIPSTATION_DECIMALS = 2;

export type UnitsErrorCode =
  | 'units_unknown_weight_unit'
  | 'units_unknown_dimension_unit'
  | 'units_invalid_value';

/** Typed error of this module; `code` is stable and mapped to problem+json by the filter. */
export class UnitsError extends Error {
  override readonly name = 'UnitsError';
  constructor(
    readonly code: UnitsErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Exact rationals (private)
// ---------------------------------------------------------------------------------------------

interface Ratio {
  readonly n: bigint;
  readonly d: bigint; // always > 0
}

const ZERO: Ratio = { n: 0n, d: 1n };

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function ratio(n: bigint, d: bigint): Ratio {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

function mul(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.n, a.d * b.d);
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * The exact decimal value of a finite number's shortest round-trip string. Negative values and
 * non-finite numbers are refused: no weight or length is negative.
 */
function exact(value: number, what: string): Ratio {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UnitsError('units_invalid_value', `${what} must be a finite number`);
  }
  if (value < 0) {
    throw new UnitsError('units_invalid_value', `${what} must not be negative`);
  }
  const m = DECIMAL.exec(String(value));
  if (!m) throw new UnitsError('units_invalid_value', `${what} is not a decimal number`);
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? 0) - fraction.length;
  const digits = BigInt(`${m[2]}${fraction}`);
  return exponent >= 0 ? ratio(digits * pow10(exponent), 1n) : ratio(digits, pow10(-exponent));
}

/** Rounds half away from zero to `decimals` places and returns the nearest double. */
function round(r: Ratio, decimals: number): number {
  const scaled = r.n * pow10(decimals);
  let q = scaled / r.d;
  const rem = abs(scaled % r.d);
  if (2n * rem >= r.d) q += scaled < 0n ? -1n : 1n;
  return Number(`${q}e-${decimals}`);
}

// ---------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------

/** Nanograms per unit: every factor is an integer, so all weight factors are exact. */
const NANOGRAMS: Readonly<Record<WeightUnit | 'mg', bigint>> = {
  mg: 1_000_000n,
  g: 1_000_000_000n,
  kg: 1_000_000_000_000n,
  oz: 28_349_523_125n, // 28.349523125 g
  lb: 453_592_370_000n, // 453.59237 g = 16 oz
};

function isWeightUnit(u: unknown): u is WeightUnit {
  return typeof u === 'string' && (WEIGHT_UNITS as readonly string[]).includes(u);
}

function assertWeightUnit(u: unknown): WeightUnit {
  if (!isWeightUnit(u)) {
    throw new UnitsError('units_unknown_weight_unit', `Unknown weight unit: ${JSON.stringify(u)}`);
  }
  return u;
}

function weightToNanograms(w: Weight): Ratio {
  return mul(exact(w.value, 'Weight value'), ratio(NANOGRAMS[assertWeightUnit(w.unit)], 1n));
}

function nanogramsTo(ng: Ratio, unit: WeightUnit | 'mg'): Ratio {
  return mul(ng, ratio(1n, NANOGRAMS[unit]));
}

/**
 * Converts a weight, exactly, rounding once to `decimals` places (half away from zero).
 * @throws UnitsError `units_invalid_value` (negative/non-finite), `units_unknown_weight_unit`.
 */
export function convertWeight(w: Weight, to: WeightUnit, decimals = INTERNAL_DECIMALS): Weight {
  const unit = assertWeightUnit(to);
  return { value: round(nanogramsTo(weightToNanograms(w), unit), decimals), unit };
}

/**
 * Sums weights of any units into `unit`, exactly, rounding once at the end (so 0.1 lb + 0.2 lb
 * is 0.3 lb and a thousand 1 g items are 35.273962 oz, not an accumulation of rounded parts).
 * An empty list is 0.
 */
export function sumWeights(ws: readonly Weight[], unit: WeightUnit, decimals = INTERNAL_DECIMALS): Weight {
  const target = assertWeightUnit(unit);
  const total = ws.reduce((acc, w) => add(acc, weightToNanograms(w)), ZERO);
  return { value: round(nanogramsTo(total, target), decimals), unit: target };
}

/**
 * Σ weight × quantity (the order's total weight, SPEC Appendix A: Σ line `ProductWeight` ×
 * `Quantity`), exact until the final rounding. Quantities may be fractional (DEAR allows 4
 * places, dear.md §1.9) but not negative.
 */
export function totalWeight(
  lines: readonly { readonly weight: Weight; readonly quantity: number }[],
  unit: WeightUnit,
  decimals = INTERNAL_DECIMALS,
): Weight {
  const target = assertWeightUnit(unit);
  const total = lines.reduce(
    (acc, line) => add(acc, mul(weightToNanograms(line.weight), exact(line.quantity, 'Quantity'))),
    ZERO,
  );
  return { value: round(nanogramsTo(total, target), decimals), unit: target };
}

/** Weights compare by mass, not by number: 16 oz equals 1 lb. */
export function compareWeights(a: Weight, b: Weight): -1 | 0 | 1 {
  const x = weightToNanograms(a);
  const y = weightToNanograms(b);
  const diff = x.n * y.d - y.n * x.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

const TO_SHIPSTATION_WEIGHT: Readonly<Record<WeightUnit, [WeightUnit, ShipStationWeightUnit]>> = {
  g: ['g', 'grams'],
  kg: ['g', 'grams'],
  oz: ['oz', 'ounces'],
  lb: ['oz', 'ounces'],
};

/**
 * Our weight as ShipStation's `{value, units}` (shipstation.md §1.7). Metric stays metric
 * (g, kg → `grams`) and imperial stays imperial (oz, lb → `ounces`), so the conversion is an exact
 * multiplication (×1000, ×16) and the value a merchant typed survives; `pounds` is never sent
 * because ShipStation has no kilograms to match it and ounces keep fractions of a pound exact.
 * Rounded to 2 places half away from zero; a positive weight never becomes 0 (sent as 0.01).
 * The same `units` strings are valid Custom Store `WeightUnits` (§10.4).
 */
export function toShipStationWeight(w: Weight): ShipStationWeight {
  const [unit, units] = TO_SHIPSTATION_WEIGHT[assertWeightUnit(w.unit)];
  const exactValue = nanogramsTo(weightToNanograms(w), unit);
  let value = round(exactValue, SHIPSTATION_DECIMALS);
  if (value === 0 && exactValue.n > 0n) value = 1 / 10 ** SHIPSTATION_DECIMALS;
  return { value, units };
}

const SHIPSTATION_WEIGHT_UNIT: Readonly<Record<ShipStationWeightUnit, WeightUnit>> = {
  ounces: 'oz',
  pounds: 'lb',
  grams: 'g',
};

/**
 * Reads a ShipStation weight unit. Tolerant of case, surrounding spaces and the Custom Store
 * spellings (`pound|pounds|lb|lbs|gram|grams|gm|oz|ounces`, §10.4).
 */
export function fromShipStationWeightUnit(s: string): WeightUnit {
  const key = normalizeUnit(s);
  const unit: DearWeightUnit | undefined =
    lookup<WeightUnit>(SHIPSTATION_WEIGHT_UNIT, key) ?? lookup(WEIGHT_ALIASES, key);
  if (unit === undefined || unit === 'mg') {
    throw new UnitsError('units_unknown_weight_unit', `Unknown ShipStation weight unit: ${JSON.stringify(s)}`);
  }
  return unit;
}

/** ShipStation's weight object as our `Weight` (no conversion: all three units are ours). */
export function fromShipStationWeight(w: { value: number; units: string }): Weight {
  const unit = fromShipStationWeightUnit(w.units);
  exact(w.value, 'Weight value');
  return { value: w.value, unit };
}

/** Own-property lookup, so `"constructor"` or `"__proto__"` never resolve to a prototype member. */
function lookup<T>(table: Readonly<Partial<Record<string, T>>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function normalizeUnit(s: unknown): string {
  return typeof s === 'string' ? s.trim().toLowerCase().replace(/\.$/, '') : '';
}

const WEIGHT_ALIASES: Readonly<Partial<Record<string, DearWeightUnit>>> = {
  oz: 'oz',
  ozs: 'oz',
  ounce: 'oz',
  ounces: 'oz',
  lb: 'lb',
  lbs: 'lb',
  pound: 'lb',
  pounds: 'lb',
  g: 'g',
  gm: 'g',
  gms: 'g',
  gr: 'g',
  gram: 'g',
  grams: 'g',
  gramme: 'g',
  grammes: 'g',
  kg: 'kg',
  kgs: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  kilogramme: 'kg',
  kilogrammes: 'kg',
  mg: 'mg',
  milligram: 'mg',
  milligrams: 'mg',
  milligramme: 'mg',
  milligrammes: 'mg',
};

/**
 * Reads DEAR's `WeightUnits` (`oz|mg|kg|lb|g`, dear.md §5.3), tolerant of case, spaces, a
 * trailing dot and long or plural spellings (`lbs`, `Kg`, `grams`…) seen in hand-entered data.
 * @throws UnitsError `units_unknown_weight_unit` — including for `""`/`null` (unset): the caller
 *   decides whether a company default (`/me` `DefaultWeightUnits`) applies.
 */
export function fromDearWeightUnit(s: string | null | undefined): DearWeightUnit {
  const unit = lookup(WEIGHT_ALIASES, normalizeUnit(s));
  if (!unit) {
    throw new UnitsError('units_unknown_weight_unit', `Unknown DEAR weight unit: ${JSON.stringify(s ?? null)}`);
  }
  return unit;
}

/**
 * A DEAR weight (`ProductWeight`/`Weight` + `WeightUnits`) as our `Weight`. Milligrams, which our
 * API does not have, become grams (an exact decimal shift).
 */
export function fromDearWeight(value: number, units: string | null | undefined): Weight {
  const unit = fromDearWeightUnit(units);
  if (unit === 'mg') {
    return { value: round(nanogramsTo(mul(exact(value, 'Weight value'), ratio(NANOGRAMS.mg, 1n)), 'g'), 9), unit: 'g' };
  }
  exact(value, 'Weight value');
  return { value, unit };
}

// ---------------------------------------------------------------------------------------------
// Dimensions
// ---------------------------------------------------------------------------------------------

/** Micrometres per unit: all integers (1 in = 25 400 µm exactly), so length factors are exact. */
const MICROMETRES: Readonly<Record<DearDimensionUnit, bigint>> = {
  mm: 1_000n,
  cm: 10_000n,
  m: 1_000_000n,
  km: 1_000_000_000n,
  in: 25_400n,
  ft: 304_800n,
  yd: 914_400n,
  mi: 1_609_344_000n,
};

function isDimensionUnit(u: unknown): u is DimensionUnit {
  return typeof u === 'string' && (DIMENSION_UNITS as readonly string[]).includes(u);
}

function assertDimensionUnit(u: unknown): DimensionUnit {
  if (!isDimensionUnit(u)) {
    throw new UnitsError('units_unknown_dimension_unit', `Unknown dimension unit: ${JSON.stringify(u)}`);
  }
  return u;
}

function convertLengthExact(value: number, from: DearDimensionUnit, to: DearDimensionUnit, what: string): Ratio {
  return mul(exact(value, what), ratio(MICROMETRES[from], MICROMETRES[to]));
}

/** Converts one length, exactly, rounded once to `decimals` places (half away from zero). */
export function convertLength(
  value: number,
  from: DimensionUnit,
  to: DimensionUnit,
  decimals = INTERNAL_DECIMALS,
): number {
  return round(convertLengthExact(value, assertDimensionUnit(from), assertDimensionUnit(to), 'Length'), decimals);
}

/** Converts a box's three dimensions (see {@link convertLength}). */
export function convertDimensions(d: Dimensions, to: DimensionUnit, decimals = INTERNAL_DECIMALS): Dimensions {
  const from = assertDimensionUnit(d.unit);
  const unit = assertDimensionUnit(to);
  return {
    length: round(convertLengthExact(d.length, from, unit, 'Length'), decimals),
    width: round(convertLengthExact(d.width, from, unit, 'Width'), decimals),
    height: round(convertLengthExact(d.height, from, unit, 'Height'), decimals),
    unit,
  };
}

const SHIPSTATION_DIMENSION_UNIT: Readonly<Record<DimensionUnit, ShipStationDimensionUnit>> = {
  in: 'inches',
  cm: 'centimeters',
};

/**
 * Our dimensions as ShipStation's object (shipstation.md §1.7): same unit (`in` → `inches`,
 * `cm` → `centimeters`), values rounded to 2 places half away from zero; a positive length never
 * becomes 0 (sent as 0.01).
 */
export function toShipStationDimensions(d: Dimensions): ShipStationDimensions {
  const unit = assertDimensionUnit(d.unit);
  const edge = (v: number, what: string): number => {
    const r = exact(v, what);
    const rounded = round(r, SHIPSTATION_DECIMALS);
    return rounded === 0 && r.n > 0n ? 1 / 10 ** SHIPSTATION_DECIMALS : rounded;
  };
  return {
    length: edge(d.length, 'Length'),
    width: edge(d.width, 'Width'),
    height: edge(d.height, 'Height'),
    units: SHIPSTATION_DIMENSION_UNIT[unit],
  };
}

/** Reads ShipStation's `inches|centimeters` (tolerant of case and short forms). */
export function fromShipStationDimensionUnit(s: string): DimensionUnit {
  const unit = lookup(DIMENSION_ALIASES, normalizeUnit(s));
  if (unit !== 'in' && unit !== 'cm') {
    throw new UnitsError('units_unknown_dimension_unit', `Unknown ShipStation dimension unit: ${JSON.stringify(s)}`);
  }
  return unit;
}

/** ShipStation's dimensions object as our `Dimensions` (no conversion). */
export function fromShipStationDimensions(d: {
  length: number;
  width: number;
  height: number;
  units: string;
}): Dimensions {
  const unit = fromShipStationDimensionUnit(d.units);
  exact(d.length, 'Length');
  exact(d.width, 'Width');
  exact(d.height, 'Height');
  return { length: d.length, width: d.width, height: d.height, unit };
}

const DIMENSION_ALIASES: Readonly<Partial<Record<string, DearDimensionUnit>>> = {
  in: 'in',
  inch: 'in',
  inches: 'in',
  '"': 'in',
  cm: 'cm',
  cms: 'cm',
  centimeter: 'cm',
  centimeters: 'cm',
  centimetre: 'cm',
  centimetres: 'cm',
  mm: 'mm',
  millimeter: 'mm',
  millimeters: 'mm',
  millimetre: 'mm',
  millimetres: 'mm',
  m: 'm',
  meter: 'm',
  meters: 'm',
  metre: 'm',
  metres: 'm',
  km: 'km',
  kilometer: 'km',
  kilometers: 'km',
  kilometre: 'km',
  kilometres: 'km',
  ft: 'ft',
  foot: 'ft',
  feet: 'ft',
  yd: 'yd',
  yds: 'yd',
  yard: 'yd',
  yards: 'yd',
  mi: 'mi',
  mile: 'mi',
  miles: 'mi',
};

/**
 * Reads DEAR's `DimensionsUnits` (`m|cm|mi|mm|in|ft|yd|km`, dear.md §5.3), tolerant of case,
 * spaces and long spellings.
 * @throws UnitsError `units_unknown_dimension_unit` — including for `null` (unset, §5.1).
 */
export function fromDearDimensionUnit(s: string | null | undefined): DearDimensionUnit {
  const unit = lookup(DIMENSION_ALIASES, normalizeUnit(s));
  if (!unit) {
    throw new UnitsError('units_unknown_dimension_unit', `Unknown DEAR dimension unit: ${JSON.stringify(s ?? null)}`);
  }
  return unit;
}

/**
 * DEAR dimensions as ours: metric units become centimetres, imperial ones inches — exact
 * decimal shifts or integer multiples (1 ft = 12 in, 1 mi = 63 360 in), kept to
 * {@link INTERNAL_DECIMALS} places.
 */
export function fromDearDimensions(
  length: number,
  width: number,
  height: number,
  units: string | null | undefined,
): Dimensions {
  const from = fromDearDimensionUnit(units);
  const unit: DimensionUnit = from === 'in' || from === 'ft' || from === 'yd' || from === 'mi' ? 'in' : 'cm';
  return {
    length: round(convertLengthExact(length, from, unit, 'Length'), INTERNAL_DECIMALS),
    width: round(convertLengthExact(width, from, unit, 'Width'), INTERNAL_DECIMALS),
    height: round(convertLengthExact(height, from, unit, 'Height'), INTERNAL_DECIMALS),
    unit,
  };
}

/** Type guards for API validation. */
export { isWeightUnit, isDimensionUnit };
