import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES, countryName, isCountryCode, normalizePlaceName, toAlpha3, toCountryCode } from './countries';

describe('COUNTRIES table', () => {
  it('holds the 249 ISO 3166-1 entries with unique, well-formed codes', () => {
    assert.equal(COUNTRIES.length, 249);
    assert.equal(new Set(COUNTRIES.map((c) => c.code)).size, 249);
    assert.equal(new Set(COUNTRIES.map((c) => c.alpha3)).size, 249);
    for (const c of COUNTRIES) {
      assert.match(c.code, /^[A-Z]{2}$/);
      assert.match(c.alpha3, /^[A-Z]{3}$/);
      assert.ok(c.name.length > 2);
    }
  });

  it('is sorted by code (easy to review)', () => {
    const codes = COUNTRIES.map((c) => c.code);
    assert.deepEqual(codes, [...codes].sort());
  });

  it('every code has an ICU English name (i.e. is a real region code)', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const c of COUNTRIES) assert.ok(names.of(c.code), c.code);
  });

  it('spot-checks alpha-3 pairings', () => {
    const pairs: [string, string][] = [
      ['US', 'USA'], ['GB', 'GBR'], ['AU', 'AUS'], ['CA', 'CAN'], ['DE', 'DEU'], ['NZ', 'NZL'], ['IE', 'IRL'],
      ['CH', 'CHE'], ['ES', 'ESP'], ['AT', 'AUT'], ['KR', 'KOR'], ['KP', 'PRK'], ['ZA', 'ZAF'], ['RS', 'SRB'],
      ['ME', 'MNE'], ['KM', 'COM'], ['KY', 'CYM'], ['SX', 'SXM'], ['BQ', 'BES'], ['TL', 'TLS'], ['SS', 'SSD'],
    ];
    for (const [a2, a3] of pairs) {
      assert.equal(toAlpha3(a2), a3);
      assert.equal(toCountryCode(a3), a2);
    }
  });
});

describe('toCountryCode', () => {
  it('accepts alpha-2 codes in any case', () => {
    for (const c of COUNTRIES) {
      assert.equal(toCountryCode(c.code), c.code);
      assert.equal(toCountryCode(c.code.toLowerCase()), c.code);
      assert.equal(toCountryCode(` ${c.code} `), c.code);
    }
  });

  it('accepts alpha-3 codes (DEAR CountryFormat=Code, dear.md §2.2)', () => {
    for (const c of COUNTRIES) {
      assert.equal(toCountryCode(c.alpha3), c.code, c.alpha3);
      assert.equal(toCountryCode(c.alpha3.toLowerCase()), c.code);
    }
  });

  it('accepts every table name and alias', () => {
    for (const c of COUNTRIES) {
      assert.equal(toCountryCode(c.name), c.code, c.name);
      assert.equal(toCountryCode(c.name.toUpperCase()), c.code, c.name);
      for (const alias of c.aliases) assert.equal(toCountryCode(alias), c.code, alias);
    }
  });

  it("accepts ICU's English names", () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const c of COUNTRIES) assert.equal(toCountryCode(names.of(c.code)), c.code, names.of(c.code));
  });

  it('knows the aliases merchants type', () => {
    const cases: [string, string][] = [
      ['United States', 'US'], ['United States of America', 'US'], ['USA', 'US'], ['US', 'US'], ['U.S.A.', 'US'],
      ['u.s.a', 'US'], ['U.S.', 'US'], ['united  states', 'US'], ['  UNITED STATES OF AMERICA  ', 'US'], ['America', 'US'],
      ['United Kingdom', 'GB'], ['UK', 'GB'], ['U.K.', 'GB'], ['Great Britain', 'GB'], ['England', 'GB'], ['Scotland', 'GB'],
      ['Wales', 'GB'], ['Northern Ireland', 'GB'], ['GB', 'GB'], ['GBR', 'GB'],
      ['Australia', 'AU'], ['Canada', 'CA'], ['Germany', 'DE'], ['Deutschland', 'DE'], ['New Zealand', 'NZ'],
      ['Ireland', 'IE'], ['Republic of Ireland', 'IE'], ['Éire', 'IE'], ['Eire', 'IE'],
      ['The Netherlands', 'NL'], ['Holland', 'NL'], ['The Bahamas', 'BS'], ['Gambia, The', 'GM'],
      ['Ivory Coast', 'CI'], ["Cote d'Ivoire", 'CI'], ['Côte d’Ivoire', 'CI'], ['COTE DIVOIRE', 'CI'],
      ['St. Kitts & Nevis', 'KN'], ['St Kitts and Nevis', 'KN'], ['Saint Lucia', 'LC'], ['St. Lucia', 'LC'],
      ['Russia', 'RU'], ['Russian Federation', 'RU'], ['South Korea', 'KR'], ['Korea', 'KR'], ['North Korea', 'KP'],
      ['Czech Republic', 'CZ'], ['Czechia', 'CZ'], ['Turkey', 'TR'], ['Türkiye', 'TR'], ['Turkiye', 'TR'],
      ['Swaziland', 'SZ'], ['Burma', 'MM'], ['Macedonia', 'MK'], ['Cape Verde', 'CV'], ['East Timor', 'TL'],
      ['Vietnam', 'VN'], ['Viet Nam', 'VN'], ['Hong Kong', 'HK'], ['Hong Kong SAR China', 'HK'], ['Macau', 'MO'],
      ['Taiwan', 'TW'], ['UAE', 'AE'], ['Congo', 'CG'], ['DR Congo', 'CD'], ['Congo - Kinshasa', 'CD'],
      ['Bosnia & Herzegovina', 'BA'], ['Trinidad & Tobago', 'TT'], ['São Tomé & Príncipe', 'ST'], ['Sao Tome and Principe', 'ST'],
      ['Curacao', 'CW'], ['Reunion', 'RE'], ['Aland Islands', 'AX'], ['Saint Barthelemy', 'BL'], ['México', 'MX'],
      ['US Virgin Islands', 'VI'], ['British Virgin Islands', 'VG'], ['Vatican', 'VA'], ['Holy See', 'VA'],
    ];
    for (const [input, code] of cases) assert.equal(toCountryCode(input), code, input);
  });

  it('returns undefined for unknown input', () => {
    for (const bad of ['', ' ', 'XK', 'Kosovo', 'ZZ', 'XXX', 'Atlantis', 'United', 'States', 'U', 'constructor', '__proto__', 'toString']) {
      assert.equal(toCountryCode(bad), undefined, bad);
    }
    for (const bad of [null, undefined, 1, {}]) assert.equal(toCountryCode(bad), undefined);
  });
});

describe('isCountryCode', () => {
  it('accepts canonical alpha-2 codes only', () => {
    assert.ok(isCountryCode('US'));
    assert.ok(isCountryCode('GB'));
    assert.ok(isCountryCode('AX'));
    for (const bad of ['us', 'USA', 'UK', 'XK', 'ZZ', '', ' US', null, undefined, 42]) assert.ok(!isCountryCode(bad), String(bad));
  });
});

describe('names', () => {
  it('countryName and toAlpha3', () => {
    assert.equal(countryName('US'), 'United States');
    assert.equal(countryName('gb'), 'United Kingdom');
    assert.equal(countryName('ZZ'), undefined);
    assert.equal(toAlpha3('us'), 'USA');
    assert.equal(toAlpha3('ZZ'), undefined);
  });

  it('normalizePlaceName', () => {
    assert.equal(normalizePlaceName('  Côte d’Ivoire '), 'cote divoire');
    assert.equal(normalizePlaceName('U.S.A.'), 'usa');
    assert.equal(normalizePlaceName('St. Kitts & Nevis'), 'saint kitts and nevis');
    assert.equal(normalizePlaceName('The Gambia'), 'gambia');
    assert.equal(normalizePlaceName('the'), 'the');
    assert.equal(normalizePlaceName('Congo (Kinshasa)'), 'congo kinshasa');
    assert.equal(normalizePlaceName('Guinea-Bissau'), 'guinea bissau');
    assert.equal(normalizePlaceName(''), '');
  });
});
