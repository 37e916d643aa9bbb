/**
 * State / province codes for the countries whose carriers insist on them: the United States
 * (50 states, DC, the USPS codes of the territories and freely associated states, and the
 * military "states" AA/AE/AP), Canada (13 provinces and territories) and Australia (8 states and
 * territories). DEAR's `State` is free text (256 chars, dear.md §2.3) while ShipStation and the
 * Custom Store XML want the short code (shipstation.md §2.1, §10.4 `State`), so names typed by
 * merchants ("Victoria", "Québec", "Washington D.C.") are mapped here.
 *
 * Matching uses {@link normalizePlaceName} (case, punctuation, diacritics, `St.`/`Saint`).
 */

import { normalizePlaceName, toCountryCode } from './countries';

export interface Subdivision {
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

type Row = readonly [code: string, name: string, aliases?: readonly string[]];

// prettier-ignore
const US_ROWS: readonly Row[] = [
  ['AL', 'Alabama', ['Ala']], ['AK', 'Alaska'], ['AZ', 'Arizona', ['Ariz']], ['AR', 'Arkansas', ['Ark']],
  ['CA', 'California', ['Calif', 'Cal']], ['CO', 'Colorado', ['Colo']], ['CT', 'Connecticut', ['Conn']],
  ['DE', 'Delaware', ['Del']], ['FL', 'Florida', ['Fla']], ['GA', 'Georgia'], ['HI', 'Hawaii', ["Hawai'i"]],
  ['ID', 'Idaho'], ['IL', 'Illinois', ['Ill']], ['IN', 'Indiana', ['Ind']], ['IA', 'Iowa'], ['KS', 'Kansas', ['Kan', 'Kans']],
  ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts', ['Mass']],
  ['MI', 'Michigan', ['Mich']], ['MN', 'Minnesota', ['Minn']], ['MS', 'Mississippi', ['Miss']], ['MO', 'Missouri'],
  ['MT', 'Montana', ['Mont']], ['NE', 'Nebraska', ['Neb', 'Nebr']], ['NV', 'Nevada', ['Nev']],
  ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York', ['New York State']],
  ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma', ['Okla']],
  ['OR', 'Oregon', ['Ore', 'Oreg']], ['PA', 'Pennsylvania', ['Penn', 'Penna']], ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee', ['Tenn']], ['TX', 'Texas', ['Tex']],
  ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington', ['Wash', 'Washington State']],
  ['WV', 'West Virginia', ['W Va']], ['WI', 'Wisconsin', ['Wis', 'Wisc']], ['WY', 'Wyoming', ['Wyo']],
  ['DC', 'District of Columbia', ['Washington DC', 'Washington D.C.', 'Washington, D.C.']],
  // Territories and freely associated states with USPS codes.
  ['AS', 'American Samoa'], ['GU', 'Guam'], ['MP', 'Northern Mariana Islands'], ['PR', 'Puerto Rico'],
  ['VI', 'U.S. Virgin Islands', ['Virgin Islands', 'US Virgin Islands', 'United States Virgin Islands']],
  ['FM', 'Federated States of Micronesia', ['Micronesia']], ['MH', 'Marshall Islands'], ['PW', 'Palau'],
  // Military mail (APO/FPO/DPO).
  ['AA', 'Armed Forces Americas', ['Armed Forces Americas (except Canada)']],
  ['AE', 'Armed Forces Europe', ['Armed Forces Africa', 'Armed Forces Canada', 'Armed Forces Middle East', 'Armed Forces Europe, the Middle East, and Canada', 'Armed Forces Africa, Canada, Europe, Middle East']],
  ['AP', 'Armed Forces Pacific'],
];

// prettier-ignore
const CA_ROWS: readonly Row[] = [
  ['AB', 'Alberta', ['Alta']], ['BC', 'British Columbia', ['Colombie-Britannique']], ['MB', 'Manitoba', ['Man']],
  ['NB', 'New Brunswick', ['Nouveau-Brunswick']],
  ['NL', 'Newfoundland and Labrador', ['Newfoundland', 'Labrador', 'Terre-Neuve-et-Labrador', 'NF', 'Nfld', 'NFLD']],
  ['NS', 'Nova Scotia', ['Nouvelle-Écosse']], ['NT', 'Northwest Territories', ['Territoires du Nord-Ouest', 'NWT']],
  ['NU', 'Nunavut'], ['ON', 'Ontario', ['Ont']],
  ['PE', 'Prince Edward Island', ['PEI', 'P.E.I.', 'Île-du-Prince-Édouard']],
  ['QC', 'Quebec', ['PQ', 'Que', 'Province of Quebec']], ['SK', 'Saskatchewan', ['Sask']],
  ['YT', 'Yukon', ['Yukon Territory', 'YK']],
];

// prettier-ignore
const AU_ROWS: readonly Row[] = [
  ['NSW', 'New South Wales'], ['VIC', 'Victoria'], ['QLD', 'Queensland'], ['SA', 'South Australia'],
  ['WA', 'Western Australia'], ['TAS', 'Tasmania'], ['NT', 'Northern Territory'],
  ['ACT', 'Australian Capital Territory'],
];

function freeze(rows: readonly Row[]): readonly Subdivision[] {
  return rows.map(([code, name, aliases = []]) => Object.freeze({ code, name, aliases }));
}

export const US_STATES = freeze(US_ROWS);
export const CA_PROVINCES = freeze(CA_ROWS);
export const AU_STATES = freeze(AU_ROWS);

/** Country (alpha-2) → its subdivision table. Countries not listed have no table. */
export const SUBDIVISIONS: ReadonlyMap<string, readonly Subdivision[]> = new Map([
  ['US', US_STATES],
  ['CA', CA_PROVINCES],
  ['AU', AU_STATES],
]);

interface Index {
  readonly codes: ReadonlySet<string>;
  readonly keys: ReadonlyMap<string, string>;
}

function index(table: readonly Subdivision[], country: string): Index {
  const keys = new Map<string, string>();
  const put = (key: string, code: string): void => {
    const existing = keys.get(key);
    if (existing !== undefined && existing !== code) {
      throw new Error(`us-states: "${key}" maps to both ${country}-${existing} and ${country}-${code}`);
    }
    keys.set(key, code);
  };
  for (const s of table) put(s.code.toLowerCase(), s.code);
  for (const s of table) {
    put(normalizePlaceName(s.name), s.code);
    for (const alias of s.aliases) put(normalizePlaceName(alias), s.code);
  }
  return { codes: new Set(table.map((s) => s.code)), keys };
}

const INDEXES = new Map([...SUBDIVISIONS].map(([country, table]) => [country, index(table, country)]));

/** Whether we hold a subdivision table for the country (a code or a name). */
export function hasStateTable(country: string): boolean {
  const code = toCountryCode(country);
  return code !== undefined && INDEXES.has(code);
}

/** True when `code` is a canonical (upper-case) subdivision code of the country. */
export function isStateCode(country: string, code: unknown): boolean {
  const c = toCountryCode(country);
  return typeof code === 'string' && c !== undefined && (INDEXES.get(c)?.codes.has(code) ?? false);
}

/**
 * The subdivision code for a code or a name within a country given by code or name:
 * `toStateCode('US', 'Texas')` → `'TX'`, `toStateCode('Canada', 'Québec')` → `'QC'`,
 * `toStateCode('AU', 'vic')` → `'VIC'`. A code that is already canonical comes back unchanged
 * (other spellings of a code come back canonical, and retired codes — `PQ`, `NF`, `YK` — as
 * today's). `undefined` when the name is unknown or when we hold no table for the country; the
 * caller then keeps the merchant's text as it is.
 */
export function toStateCode(country: string, nameOrCode: unknown): string | undefined {
  if (typeof nameOrCode !== 'string') return undefined;
  const c = toCountryCode(country);
  const idx = c === undefined ? undefined : INDEXES.get(c);
  if (!idx) return undefined;
  const trimmed = nameOrCode.trim();
  if (idx.codes.has(trimmed)) return trimmed;
  return idx.keys.get(trimmed.toLowerCase()) ?? idx.keys.get(normalizePlaceName(trimmed));
}

/** The subdivision's English name, for display. */
export function stateName(country: string, code: string): string | undefined {
  const c = toCountryCode(country);
  const table = c === undefined ? undefined : SUBDIVISIONS.get(c);
  return table?.find((s) => s.code === code.toUpperCase())?.name;
}
