import { ModelState } from './shipstation-errors';
import { parsePacific } from './pacific-time';
import type { Address, Dimensions, Weight, WeightUnits } from './shipstation-types';

/**
 * Typed reads of request fields that record Web API-style ModelState errors
 * (fact sheet §1.4, §11.3: strict JSON types — `testLabel: 0` is a 400).
 */

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const present = (v: unknown): boolean => v !== undefined && v !== null;

export function readString(ms: ModelState, o: Obj, field: string, prefix = '', required = false): string | null {
  const v = o[field];
  if (!present(v) || v === '') {
    if (required) ms.required(prefix + field);
    return null;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v); // Json.NET coerces scalars to string
  ms.invalid(prefix + field, JSON.stringify(v), 'String');
  return null;
}

export function readNumber(ms: ModelState, o: Obj, field: string, prefix = '', required = false): number | null {
  const v = o[field];
  if (!present(v)) {
    if (required) ms.required(prefix + field);
    return null;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  ms.invalid(prefix + field, typeof v === 'string' ? v : JSON.stringify(v), 'Decimal');
  return null;
}

export function readInt(ms: ModelState, o: Obj, field: string, prefix = '', required = false): number | null {
  const n = readNumber(ms, o, field, prefix, required);
  if (n !== null && !Number.isInteger(n)) {
    ms.invalid(prefix + field, n, 'Int32');
    return null;
  }
  return n;
}

/** Booleans must be JSON booleans (§11.3). */
export function readBool(ms: ModelState, o: Obj, field: string, prefix = ''): boolean | null {
  const v = o[field];
  if (!present(v)) return null;
  if (typeof v === 'boolean') return v;
  ms.invalid(prefix + field, typeof v === 'string' ? v : JSON.stringify(v), 'Boolean');
  return null;
}

export function readEnum<T extends string>(ms: ModelState, o: Obj, field: string, allowed: readonly T[], prefix = '', required = false): T | null {
  const s = readString(ms, o, field, prefix, required);
  if (s === null) return null;
  if (!allowed.includes(s as T)) {
    ms.add(prefix + field, `The value '${s}' is not valid for ${field}. Possible values: ${allowed.join(', ')}.`);
    return null;
  }
  return s as T;
}

/** `yyyy-MM-dd` (a date-time is accepted and cut to its date part, as clients often send one). */
export function readDateOnly(ms: ModelState, o: Obj, field: string, prefix = '', required = false): string | null {
  const s = readString(ms, o, field, prefix, required);
  if (s === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(s);
  if (!m || Number.isNaN(Date.parse(m[1]))) {
    ms.invalid(prefix + field, s, 'DateTime');
    return null;
  }
  return m[1];
}

/** A client date-time, read as Pacific local time unless it carries an offset (§1.6). */
export function readDateTime(ms: ModelState, o: Obj, field: string, prefix = '', required = false): Date | null {
  const s = readString(ms, o, field, prefix, required);
  if (s === null) return null;
  const d = parsePacific(s);
  if (!d) {
    ms.invalid(prefix + field, s, 'DateTime');
    return null;
  }
  return d;
}

export const WEIGHT_UNITS: readonly WeightUnits[] = ['pounds', 'ounces', 'grams'];

export function readWeight(ms: ModelState, o: Obj, field: string, prefix = '', required = false): Weight | null {
  const v = o[field];
  if (!present(v)) {
    if (required) ms.required(prefix + field);
    return null;
  }
  if (!isObj(v)) {
    ms.invalid(prefix + field, JSON.stringify(v), 'Weight');
    return null;
  }
  const p = `${prefix}${field}.`;
  const value = readNumber(ms, v, 'value', p, true);
  const units = readEnum(ms, v, 'units', WEIGHT_UNITS, p, true);
  if (value !== null && value < 0) ms.add(`${p}value`, 'The weight value must not be negative.');
  return value !== null && units !== null ? { value, units } : null;
}

export function readDimensions(ms: ModelState, o: Obj, field: string, prefix = ''): Dimensions | null {
  const v = o[field];
  if (!present(v)) return null;
  if (!isObj(v)) {
    ms.invalid(prefix + field, JSON.stringify(v), 'Dimensions');
    return null;
  }
  const p = `${prefix}${field}.`;
  const length = readNumber(ms, v, 'length', p, true);
  const width = readNumber(ms, v, 'width', p, true);
  const height = readNumber(ms, v, 'height', p, true);
  const units = readEnum(ms, v, 'units', ['inches', 'centimeters'] as const, p, true);
  if (length === null || width === null || height === null || units === null) return null;
  return { length, width, height, units };
}

export function emptyAddress(): Address {
  return {
    name: null, company: null, street1: null, street2: null, street3: null, city: null,
    state: null, postalCode: null, country: null, phone: null, residential: null, addressVerified: null,
  };
}

/**
 * Reads an Address (§2.1). `strict` requires what a label needs (name, street1, city,
 * postalCode, country; state for US); otherwise only `name` is required (billTo may be sparse).
 */
export function readAddress(ms: ModelState, o: Obj, field: string, opts: { required: boolean; strict: boolean }): Address | null {
  const v = o[field];
  if (!present(v)) {
    if (opts.required) ms.required(field);
    return null;
  }
  if (!isObj(v)) {
    ms.invalid(field, JSON.stringify(v), 'Address');
    return null;
  }
  const p = `${field}.`;
  const a = emptyAddress();
  a.name = readString(ms, v, 'name', p, true);
  a.company = readString(ms, v, 'company', p);
  a.street1 = readString(ms, v, 'street1', p, opts.strict);
  a.street2 = readString(ms, v, 'street2', p);
  a.street3 = readString(ms, v, 'street3', p);
  a.city = readString(ms, v, 'city', p, opts.strict);
  a.postalCode = readString(ms, v, 'postalCode', p, opts.strict);
  a.country = readString(ms, v, 'country', p, opts.strict);
  a.state = readString(ms, v, 'state', p, opts.strict && a.country === 'US');
  a.phone = readString(ms, v, 'phone', p);
  a.residential = readBool(ms, v, 'residential', p);
  if (a.country !== null && !/^[A-Za-z]{2}$/.test(a.country)) ms.add(`${p}country`, 'Country must be a two-letter ISO code.');
  if (a.country) a.country = a.country.toUpperCase();
  return a;
}

/**
 * The read-only `addressVerified` verdict (§2.1). The simulator does not validate
 * addresses for real: complete US addresses pass, incomplete ones warn, foreign ones
 * stay unvalidated.
 */
export function addressVerdict(a: Address): string {
  if (a.country !== 'US') return 'Address not yet validated';
  return a.street1 && a.city && a.state && a.postalCode ? 'Address validated successfully' : 'Address validation warning';
}

/** Keeps an options object as sent (insurance/international/advanced), if it is an object. */
export function readObject(ms: ModelState, o: Obj, field: string): Obj | null {
  const v = o[field];
  if (!present(v)) return null;
  if (Array.isArray(v) && v.length === 0) return null; // the official examples send [] (§2.4)
  if (!isObj(v)) {
    ms.invalid(field, JSON.stringify(v), field);
    return null;
  }
  return v;
}

/** Weight in ounces, exact (1 lb = 16 oz, 1 oz = 28.349523125 g). */
export function toOunces(w: Weight): number {
  switch (w.units) {
    case 'pounds':
      return w.value * 16;
    case 'ounces':
      return w.value;
    case 'grams':
      return w.value / 28.349523125;
  }
}
