/**
 * ISO 3166-1 countries: our API and ShipStation speak alpha-2 codes (SPEC Appendix A "Shapes";
 * shipstation.md §1.7, §10.4 `Country` exactly 2 chars). DEAR answers names by default, alpha-2
 * with `CountryFormat=Code2` and alpha-3 with `Code` (dear.md §2.2; its example even shows
 * `"Country": "USA"`); we request `Code2` and fall back to this table for anything else
 * (SPEC Appendix A, "country").
 *
 * Lookup is tolerant of case, whitespace, punctuation (`U.S.A.`), `&`/`and`, `St.`/`Saint`, a
 * leading "The" and diacritics (`Côte d’Ivoire` = `cote divoire`). Each entry carries its English
 * short name and the aliases merchants actually type; ICU's English display names (Node ships
 * full ICU) are added as further aliases, never overriding the table.
 *
 * Kosovo (`XK`) is not in ISO 3166-1 (a user-assigned code) and is deliberately absent.
 */

export interface Country {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  /** ISO 3166-1 alpha-3. */
  readonly alpha3: string;
  /** English short name. */
  readonly name: string;
  readonly aliases: readonly string[];
}

type Row = readonly [code: string, alpha3: string, name: string, aliases?: readonly string[]];

// prettier-ignore
const ROWS: readonly Row[] = [
  ['AD', 'AND', 'Andorra'],
  ['AE', 'ARE', 'United Arab Emirates', ['UAE', 'U.A.E.', 'Emirates']],
  ['AF', 'AFG', 'Afghanistan'],
  ['AG', 'ATG', 'Antigua and Barbuda', ['Antigua']],
  ['AI', 'AIA', 'Anguilla'],
  ['AL', 'ALB', 'Albania'],
  ['AM', 'ARM', 'Armenia'],
  ['AO', 'AGO', 'Angola'],
  ['AQ', 'ATA', 'Antarctica'],
  ['AR', 'ARG', 'Argentina'],
  ['AS', 'ASM', 'American Samoa'],
  ['AT', 'AUT', 'Austria', ['Österreich']],
  ['AU', 'AUS', 'Australia', ['Commonwealth of Australia']],
  ['AW', 'ABW', 'Aruba'],
  ['AX', 'ALA', 'Åland Islands', ['Aland']],
  ['AZ', 'AZE', 'Azerbaijan'],
  ['BA', 'BIH', 'Bosnia and Herzegovina', ['Bosnia', 'Bosnia-Herzegovina']],
  ['BB', 'BRB', 'Barbados'],
  ['BD', 'BGD', 'Bangladesh'],
  ['BE', 'BEL', 'Belgium', ['België', 'Belgique']],
  ['BF', 'BFA', 'Burkina Faso'],
  ['BG', 'BGR', 'Bulgaria'],
  ['BH', 'BHR', 'Bahrain'],
  ['BI', 'BDI', 'Burundi'],
  ['BJ', 'BEN', 'Benin'],
  ['BL', 'BLM', 'Saint Barthélemy', ['St Barts', 'Saint Barts', 'St Barths']],
  ['BM', 'BMU', 'Bermuda'],
  ['BN', 'BRN', 'Brunei', ['Brunei Darussalam']],
  ['BO', 'BOL', 'Bolivia', ['Plurinational State of Bolivia', 'Bolivia, Plurinational State of']],
  ['BQ', 'BES', 'Caribbean Netherlands', ['Bonaire, Sint Eustatius and Saba', 'Bonaire', 'Sint Eustatius', 'Saba']],
  ['BR', 'BRA', 'Brazil', ['Brasil']],
  ['BS', 'BHS', 'Bahamas'],
  ['BT', 'BTN', 'Bhutan'],
  ['BV', 'BVT', 'Bouvet Island'],
  ['BW', 'BWA', 'Botswana'],
  ['BY', 'BLR', 'Belarus'],
  ['BZ', 'BLZ', 'Belize'],
  ['CA', 'CAN', 'Canada'],
  ['CC', 'CCK', 'Cocos (Keeling) Islands', ['Cocos Islands', 'Keeling Islands']],
  ['CD', 'COD', 'Democratic Republic of the Congo', ['DR Congo', 'DRC', 'Congo-Kinshasa', 'Congo (Kinshasa)', 'Congo, Democratic Republic of the', 'Zaire']],
  ['CF', 'CAF', 'Central African Republic'],
  ['CG', 'COG', 'Republic of the Congo', ['Congo', 'Congo-Brazzaville', 'Congo (Brazzaville)', 'Congo, Republic of the']],
  ['CH', 'CHE', 'Switzerland', ['Schweiz', 'Suisse', 'Svizzera']],
  ['CI', 'CIV', "Côte d'Ivoire", ['Ivory Coast']],
  ['CK', 'COK', 'Cook Islands'],
  ['CL', 'CHL', 'Chile'],
  ['CM', 'CMR', 'Cameroon'],
  ['CN', 'CHN', 'China', ["People's Republic of China", 'PRC', 'P.R.C.', 'Mainland China']],
  ['CO', 'COL', 'Colombia'],
  ['CR', 'CRI', 'Costa Rica'],
  ['CU', 'CUB', 'Cuba'],
  ['CV', 'CPV', 'Cabo Verde', ['Cape Verde']],
  ['CW', 'CUW', 'Curaçao'],
  ['CX', 'CXR', 'Christmas Island'],
  ['CY', 'CYP', 'Cyprus'],
  ['CZ', 'CZE', 'Czechia', ['Czech Republic']],
  ['DE', 'DEU', 'Germany', ['Deutschland', 'Federal Republic of Germany']],
  ['DJ', 'DJI', 'Djibouti'],
  ['DK', 'DNK', 'Denmark', ['Danmark']],
  ['DM', 'DMA', 'Dominica'],
  ['DO', 'DOM', 'Dominican Republic'],
  ['DZ', 'DZA', 'Algeria'],
  ['EC', 'ECU', 'Ecuador'],
  ['EE', 'EST', 'Estonia'],
  ['EG', 'EGY', 'Egypt'],
  ['EH', 'ESH', 'Western Sahara'],
  ['ER', 'ERI', 'Eritrea'],
  ['ES', 'ESP', 'Spain', ['España']],
  ['ET', 'ETH', 'Ethiopia'],
  ['FI', 'FIN', 'Finland', ['Suomi']],
  ['FJ', 'FJI', 'Fiji'],
  ['FK', 'FLK', 'Falkland Islands', ['Falkland Islands (Malvinas)', 'Falklands', 'Malvinas']],
  ['FM', 'FSM', 'Micronesia', ['Federated States of Micronesia', 'Micronesia, Federated States of']],
  ['FO', 'FRO', 'Faroe Islands', ['Faroes', 'Faeroe Islands']],
  ['FR', 'FRA', 'France', ['French Republic']],
  ['GA', 'GAB', 'Gabon'],
  ['GB', 'GBR', 'United Kingdom', ['UK', 'U.K.', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'United Kingdom of Great Britain and Northern Ireland', 'United Kingdom (UK)']],
  ['GD', 'GRD', 'Grenada'],
  ['GE', 'GEO', 'Georgia'],
  ['GF', 'GUF', 'French Guiana'],
  ['GG', 'GGY', 'Guernsey'],
  ['GH', 'GHA', 'Ghana'],
  ['GI', 'GIB', 'Gibraltar'],
  ['GL', 'GRL', 'Greenland'],
  ['GM', 'GMB', 'Gambia'],
  ['GN', 'GIN', 'Guinea'],
  ['GP', 'GLP', 'Guadeloupe'],
  ['GQ', 'GNQ', 'Equatorial Guinea'],
  ['GR', 'GRC', 'Greece', ['Hellas']],
  ['GS', 'SGS', 'South Georgia and the South Sandwich Islands', ['South Georgia']],
  ['GT', 'GTM', 'Guatemala'],
  ['GU', 'GUM', 'Guam'],
  ['GW', 'GNB', 'Guinea-Bissau'],
  ['GY', 'GUY', 'Guyana'],
  ['HK', 'HKG', 'Hong Kong', ['Hong Kong SAR', 'Hong Kong SAR China']],
  ['HM', 'HMD', 'Heard Island and McDonald Islands'],
  ['HN', 'HND', 'Honduras'],
  ['HR', 'HRV', 'Croatia', ['Hrvatska']],
  ['HT', 'HTI', 'Haiti'],
  ['HU', 'HUN', 'Hungary'],
  ['ID', 'IDN', 'Indonesia'],
  ['IE', 'IRL', 'Ireland', ['Republic of Ireland', 'Eire', 'Éire']],
  ['IL', 'ISR', 'Israel'],
  ['IM', 'IMN', 'Isle of Man'],
  ['IN', 'IND', 'India'],
  ['IO', 'IOT', 'British Indian Ocean Territory'],
  ['IQ', 'IRQ', 'Iraq'],
  ['IR', 'IRN', 'Iran', ['Islamic Republic of Iran', 'Iran, Islamic Republic of']],
  ['IS', 'ISL', 'Iceland'],
  ['IT', 'ITA', 'Italy', ['Italia']],
  ['JE', 'JEY', 'Jersey'],
  ['JM', 'JAM', 'Jamaica'],
  ['JO', 'JOR', 'Jordan'],
  ['JP', 'JPN', 'Japan'],
  ['KE', 'KEN', 'Kenya'],
  ['KG', 'KGZ', 'Kyrgyzstan'],
  ['KH', 'KHM', 'Cambodia'],
  ['KI', 'KIR', 'Kiribati'],
  ['KM', 'COM', 'Comoros'],
  ['KN', 'KNA', 'Saint Kitts and Nevis'],
  ['KP', 'PRK', 'North Korea', ["Democratic People's Republic of Korea", 'DPRK', "Korea, Democratic People's Republic of"]],
  ['KR', 'KOR', 'South Korea', ['Korea', 'Republic of Korea', 'Korea, Republic of']],
  ['KW', 'KWT', 'Kuwait'],
  ['KY', 'CYM', 'Cayman Islands'],
  ['KZ', 'KAZ', 'Kazakhstan'],
  ['LA', 'LAO', 'Laos', ["Lao People's Democratic Republic", 'Lao PDR']],
  ['LB', 'LBN', 'Lebanon'],
  ['LC', 'LCA', 'Saint Lucia'],
  ['LI', 'LIE', 'Liechtenstein'],
  ['LK', 'LKA', 'Sri Lanka'],
  ['LR', 'LBR', 'Liberia'],
  ['LS', 'LSO', 'Lesotho'],
  ['LT', 'LTU', 'Lithuania'],
  ['LU', 'LUX', 'Luxembourg'],
  ['LV', 'LVA', 'Latvia'],
  ['LY', 'LBY', 'Libya'],
  ['MA', 'MAR', 'Morocco'],
  ['MC', 'MCO', 'Monaco'],
  ['MD', 'MDA', 'Moldova', ['Republic of Moldova', 'Moldova, Republic of']],
  ['ME', 'MNE', 'Montenegro'],
  ['MF', 'MAF', 'Saint Martin', ['Saint Martin (French part)']],
  ['MG', 'MDG', 'Madagascar'],
  ['MH', 'MHL', 'Marshall Islands'],
  ['MK', 'MKD', 'North Macedonia', ['Macedonia']],
  ['ML', 'MLI', 'Mali'],
  ['MM', 'MMR', 'Myanmar', ['Burma']],
  ['MN', 'MNG', 'Mongolia'],
  ['MO', 'MAC', 'Macao', ['Macau', 'Macao SAR']],
  ['MP', 'MNP', 'Northern Mariana Islands'],
  ['MQ', 'MTQ', 'Martinique'],
  ['MR', 'MRT', 'Mauritania'],
  ['MS', 'MSR', 'Montserrat'],
  ['MT', 'MLT', 'Malta'],
  ['MU', 'MUS', 'Mauritius'],
  ['MV', 'MDV', 'Maldives'],
  ['MW', 'MWI', 'Malawi'],
  ['MX', 'MEX', 'Mexico', ['México']],
  ['MY', 'MYS', 'Malaysia'],
  ['MZ', 'MOZ', 'Mozambique'],
  ['NA', 'NAM', 'Namibia'],
  ['NC', 'NCL', 'New Caledonia'],
  ['NE', 'NER', 'Niger'],
  ['NF', 'NFK', 'Norfolk Island'],
  ['NG', 'NGA', 'Nigeria'],
  ['NI', 'NIC', 'Nicaragua'],
  ['NL', 'NLD', 'Netherlands', ['Holland', 'Nederland', 'Kingdom of the Netherlands']],
  ['NO', 'NOR', 'Norway', ['Norge']],
  ['NP', 'NPL', 'Nepal'],
  ['NR', 'NRU', 'Nauru'],
  ['NU', 'NIU', 'Niue'],
  ['NZ', 'NZL', 'New Zealand', ['Aotearoa', 'NZ']],
  ['OM', 'OMN', 'Oman'],
  ['PA', 'PAN', 'Panama'],
  ['PE', 'PER', 'Peru'],
  ['PF', 'PYF', 'French Polynesia'],
  ['PG', 'PNG', 'Papua New Guinea'],
  ['PH', 'PHL', 'Philippines'],
  ['PK', 'PAK', 'Pakistan'],
  ['PL', 'POL', 'Poland', ['Polska']],
  ['PM', 'SPM', 'Saint Pierre and Miquelon'],
  ['PN', 'PCN', 'Pitcairn Islands', ['Pitcairn']],
  ['PR', 'PRI', 'Puerto Rico'],
  ['PS', 'PSE', 'Palestine', ['State of Palestine', 'Palestinian Territories', 'Palestine, State of']],
  ['PT', 'PRT', 'Portugal'],
  ['PW', 'PLW', 'Palau'],
  ['PY', 'PRY', 'Paraguay'],
  ['QA', 'QAT', 'Qatar'],
  ['RE', 'REU', 'Réunion'],
  ['RO', 'ROU', 'Romania'],
  ['RS', 'SRB', 'Serbia'],
  ['RU', 'RUS', 'Russia', ['Russian Federation']],
  ['RW', 'RWA', 'Rwanda'],
  ['SA', 'SAU', 'Saudi Arabia', ['KSA', 'Kingdom of Saudi Arabia']],
  ['SB', 'SLB', 'Solomon Islands'],
  ['SC', 'SYC', 'Seychelles'],
  ['SD', 'SDN', 'Sudan'],
  ['SE', 'SWE', 'Sweden', ['Sverige']],
  ['SG', 'SGP', 'Singapore'],
  ['SH', 'SHN', 'Saint Helena, Ascension and Tristan da Cunha', ['Saint Helena', 'Ascension Island', 'Tristan da Cunha']],
  ['SI', 'SVN', 'Slovenia'],
  ['SJ', 'SJM', 'Svalbard and Jan Mayen', ['Svalbard']],
  ['SK', 'SVK', 'Slovakia', ['Slovak Republic']],
  ['SL', 'SLE', 'Sierra Leone'],
  ['SM', 'SMR', 'San Marino'],
  ['SN', 'SEN', 'Senegal'],
  ['SO', 'SOM', 'Somalia'],
  ['SR', 'SUR', 'Suriname', ['Surinam']],
  ['SS', 'SSD', 'South Sudan'],
  ['ST', 'STP', 'São Tomé and Príncipe'],
  ['SV', 'SLV', 'El Salvador'],
  ['SX', 'SXM', 'Sint Maarten', ['Sint Maarten (Dutch part)']],
  ['SY', 'SYR', 'Syria', ['Syrian Arab Republic']],
  ['SZ', 'SWZ', 'Eswatini', ['Swaziland']],
  ['TC', 'TCA', 'Turks and Caicos Islands', ['Turks and Caicos']],
  ['TD', 'TCD', 'Chad'],
  ['TF', 'ATF', 'French Southern Territories', ['French Southern and Antarctic Lands']],
  ['TG', 'TGO', 'Togo'],
  ['TH', 'THA', 'Thailand'],
  ['TJ', 'TJK', 'Tajikistan'],
  ['TK', 'TKL', 'Tokelau'],
  ['TL', 'TLS', 'Timor-Leste', ['East Timor']],
  ['TM', 'TKM', 'Turkmenistan'],
  ['TN', 'TUN', 'Tunisia'],
  ['TO', 'TON', 'Tonga'],
  ['TR', 'TUR', 'Türkiye', ['Turkey']],
  ['TT', 'TTO', 'Trinidad and Tobago', ['Trinidad']],
  ['TV', 'TUV', 'Tuvalu'],
  ['TW', 'TWN', 'Taiwan', ['Republic of China', 'Taiwan, Province of China']],
  ['TZ', 'TZA', 'Tanzania', ['United Republic of Tanzania', 'Tanzania, United Republic of']],
  ['UA', 'UKR', 'Ukraine'],
  ['UG', 'UGA', 'Uganda'],
  ['UM', 'UMI', 'United States Minor Outlying Islands', ['U.S. Outlying Islands', 'US Minor Outlying Islands']],
  ['US', 'USA', 'United States', ['United States of America', 'U.S.A.', 'U.S.', 'America', 'United States (US)', 'USA (United States)', 'Estados Unidos', 'Etats-Unis']],
  ['UY', 'URY', 'Uruguay'],
  ['UZ', 'UZB', 'Uzbekistan'],
  ['VA', 'VAT', 'Vatican City', ['Holy See', 'Vatican', 'Vatican City State', 'Holy See (Vatican City State)']],
  ['VC', 'VCT', 'Saint Vincent and the Grenadines', ['Saint Vincent']],
  ['VE', 'VEN', 'Venezuela', ['Bolivarian Republic of Venezuela', 'Venezuela, Bolivarian Republic of']],
  ['VG', 'VGB', 'British Virgin Islands', ['Virgin Islands (British)', 'Virgin Islands, British', 'BVI']],
  ['VI', 'VIR', 'U.S. Virgin Islands', ['US Virgin Islands', 'United States Virgin Islands', 'Virgin Islands (U.S.)', 'Virgin Islands, U.S.', 'USVI']],
  ['VN', 'VNM', 'Vietnam', ['Viet Nam']],
  ['VU', 'VUT', 'Vanuatu'],
  ['WF', 'WLF', 'Wallis and Futuna'],
  ['WS', 'WSM', 'Samoa'],
  ['YE', 'YEM', 'Yemen'],
  ['YT', 'MYT', 'Mayotte'],
  ['ZA', 'ZAF', 'South Africa', ['RSA', 'Republic of South Africa']],
  ['ZM', 'ZMB', 'Zambia'],
  ['ZW', 'ZWE', 'Zimbabwe'],
];

/** All 249 ISO 3166-1 countries, by alpha-2 code. */
export const COUNTRIES: readonly Country[] = ROWS.map(([code, alpha3, name, aliases = []]) =>
  Object.freeze({ code, alpha3, name, aliases }),
);

/**
 * The comparison key of a free-text name: diacritics stripped, lower case, `.` and apostrophes
 * removed (`U.S.A.` → `usa`), `&` read as `and`, other punctuation as space, `st`/`ste` read as
 * `saint`/`sainte`, a leading `the` (or a trailing `, The`) dropped, whitespace collapsed. Shared with `us-states.ts`.
 */
export function normalizePlaceName(input: string): string {
  const words = input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’‘`´ʻʼ]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w));
  if (words.length > 1 && words[0] === 'the') words.shift();
  else if (words.length > 1 && words[words.length - 1] === 'the') words.pop(); // "Gambia, The"
  return words.join(' ');
}

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
const BY_KEY = buildIndex();

function buildIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  const put = (key: string, code: string, strict: boolean): void => {
    if (!key) return;
    const existing = index.get(key);
    if (existing === undefined) index.set(key, code);
    else if (existing !== code && strict) {
      // A table bug, caught by the unit tests at load time.
      throw new Error(`countries: "${key}" maps to both ${existing} and ${code}`);
    }
  };
  for (const c of COUNTRIES) put(c.code.toLowerCase(), c.code, true);
  for (const c of COUNTRIES) put(c.alpha3.toLowerCase(), c.code, true);
  for (const c of COUNTRIES) {
    put(normalizePlaceName(c.name), c.code, true);
    for (const alias of c.aliases) put(normalizePlaceName(alias), c.code, true);
  }
  // ICU's English names as extra aliases; a future ICU rename can never displace the table.
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const c of COUNTRIES) {
    const icuName = display.of(c.code);
    if (icuName) put(normalizePlaceName(icuName), c.code, false);
  }
  return index;
}

/** True for a canonical (upper-case) ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: unknown): code is string {
  return typeof code === 'string' && BY_CODE.has(code);
}

/**
 * The alpha-2 code for a code (alpha-2 or alpha-3, any case) or an English name or common alias
 * (`"United States of America"`, `"U.S.A."`, `"UK"`, `"England"`, `"cote d'ivoire"`), or
 * `undefined` when unknown. Codes are tried before names.
 */
export function toCountryCode(nameOrCode: unknown): string | undefined {
  if (typeof nameOrCode !== 'string') return undefined;
  const trimmed = nameOrCode.trim();
  if (/^[A-Za-z]{2,3}$/.test(trimmed)) {
    const byCode = BY_KEY.get(trimmed.toLowerCase());
    if (byCode !== undefined) return byCode;
  }
  return BY_KEY.get(normalizePlaceName(trimmed));
}

/** The country's English short name, for display. */
export function countryName(code: string): string | undefined {
  return BY_CODE.get(code.toUpperCase())?.name;
}

/** The alpha-3 code of an alpha-2 code (DEAR's `CountryFormat=Code`, dear.md §2.2). */
export function toAlpha3(code: string): string | undefined {
  return BY_CODE.get(code.toUpperCase())?.alpha3;
}
