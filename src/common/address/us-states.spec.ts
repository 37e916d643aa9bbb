import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AU_STATES,
  CA_PROVINCES,
  SUBDIVISIONS,
  US_STATES,
  hasStateTable,
  isStateCode,
  stateName,
  toStateCode,
} from './us-states';

describe('tables', () => {
  it('US: 50 states + DC + 8 territories/associated states + AA/AE/AP', () => {
    assert.equal(US_STATES.length, 50 + 1 + 8 + 3);
    for (const code of ['DC', 'PR', 'GU', 'VI', 'AS', 'MP', 'FM', 'MH', 'PW', 'AA', 'AE', 'AP']) {
      assert.ok(US_STATES.some((s) => s.code === code), code);
    }
  });

  it('Canada: 13 provinces and territories; Australia: 8 states and territories', () => {
    assert.deepEqual(CA_PROVINCES.map((s) => s.code).sort(), ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
    assert.deepEqual(AU_STATES.map((s) => s.code).sort(), ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA']);
  });

  it('codes are unique and upper case within each country', () => {
    for (const [country, table] of SUBDIVISIONS) {
      const codes = table.map((s) => s.code);
      assert.equal(new Set(codes).size, codes.length, country);
      for (const c of codes) assert.match(c, /^[A-Z]{2,3}$/);
    }
  });
});

describe('toStateCode', () => {
  it('returns a canonical code unchanged', () => {
    for (const [country, table] of SUBDIVISIONS) {
      for (const s of table) assert.equal(toStateCode(country, s.code), s.code);
    }
  });

  it('maps every name and alias, in any case', () => {
    for (const [country, table] of SUBDIVISIONS) {
      for (const s of table) {
        assert.equal(toStateCode(country, s.name), s.code, s.name);
        assert.equal(toStateCode(country, s.name.toUpperCase()), s.code, s.name);
        assert.equal(toStateCode(country, s.code.toLowerCase()), s.code);
        for (const alias of s.aliases) assert.equal(toStateCode(country, alias), s.code, alias);
      }
    }
  });

  it('is tolerant of spacing, punctuation and diacritics', () => {
    const cases: [string, string, string][] = [
      ['US', ' texas ', 'TX'], ['US', 'new  york', 'NY'], ['US', 'Washington D.C.', 'DC'], ['US', 'washington dc', 'DC'],
      ['US', 'Washington', 'WA'], ['US', 'District Of Columbia', 'DC'], ['US', 'Puerto Rico', 'PR'], ['US', 'Hawaiʻi', 'HI'],
      ['US', 'armed forces pacific', 'AP'], ['US', 'Armed Forces Middle East', 'AE'], ['US', 'ca', 'CA'], ['US', ' tx', 'TX'],
      ['CA', 'Québec', 'QC'], ['CA', 'Quebec', 'QC'], ['CA', 'PQ', 'QC'], ['CA', 'Newfoundland', 'NL'], ['CA', 'NF', 'NL'],
      ['CA', 'Prince Edward Island', 'PE'], ['CA', 'P.E.I.', 'PE'], ['CA', 'Yukon Territory', 'YT'], ['CA', 'Nouvelle-Ecosse', 'NS'],
      ['AU', 'Victoria', 'VIC'], ['AU', 'vic', 'VIC'], ['AU', 'New South Wales', 'NSW'], ['AU', 'Western Australia', 'WA'],
      ['AU', 'Australian Capital Territory', 'ACT'], ['AU', 'Tasmania', 'TAS'], ['AU', 'qld', 'QLD'],
    ];
    for (const [country, input, code] of cases) assert.equal(toStateCode(country, input), code, `${country} ${input}`);
  });

  it('takes the country as a code or a name', () => {
    assert.equal(toStateCode('United States', 'Texas'), 'TX');
    assert.equal(toStateCode('USA', 'Texas'), 'TX');
    assert.equal(toStateCode('us', 'Texas'), 'TX');
    assert.equal(toStateCode('Canada', 'Ontario'), 'ON');
    assert.equal(toStateCode('Australia', 'Queensland'), 'QLD');
    assert.equal(toStateCode('AUS', 'NSW'), 'NSW');
  });

  it('resolves codes per country', () => {
    assert.equal(toStateCode('US', 'WA'), 'WA');
    assert.equal(toStateCode('AU', 'WA'), 'WA');
    assert.equal(toStateCode('US', 'NT'), undefined);
    assert.equal(toStateCode('CA', 'NT'), 'NT');
    assert.equal(toStateCode('AU', 'NT'), 'NT');
    assert.equal(toStateCode('AU', 'Victoria'), 'VIC');
    assert.equal(toStateCode('CA', 'Victoria'), undefined);
    assert.equal(toStateCode('US', 'VIC'), undefined);
    assert.equal(toStateCode('US', 'Ontario'), undefined);
  });

  it('returns undefined for unknown names and countries without a table', () => {
    for (const bad of ['', 'Narnia', 'T X', 'Texass', 'constructor', '__proto__']) assert.equal(toStateCode('US', bad), undefined, bad);
    assert.equal(toStateCode('GB', 'Kent'), undefined);
    assert.equal(toStateCode('ZZ', 'TX'), undefined);
    assert.equal(toStateCode('', 'TX'), undefined);
    assert.equal(toStateCode('US', undefined), undefined);
    assert.equal(toStateCode('US', null), undefined);
  });
});

describe('helpers', () => {
  it('hasStateTable', () => {
    assert.ok(hasStateTable('US'));
    assert.ok(hasStateTable('Canada'));
    assert.ok(hasStateTable('au'));
    assert.ok(!hasStateTable('GB'));
    assert.ok(!hasStateTable('Narnia'));
  });

  it('isStateCode is strict', () => {
    assert.ok(isStateCode('US', 'TX'));
    assert.ok(isStateCode('AU', 'VIC'));
    assert.ok(!isStateCode('US', 'tx'));
    assert.ok(!isStateCode('US', 'Texas'));
    assert.ok(!isStateCode('GB', 'TX'));
    assert.ok(!isStateCode('US', 7));
  });

  it('stateName', () => {
    assert.equal(stateName('US', 'TX'), 'Texas');
    assert.equal(stateName('CA', 'qc'), 'Quebec');
    assert.equal(stateName('AU', 'ACT'), 'Australian Capital Territory');
    assert.equal(stateName('US', 'ZZ'), undefined);
    assert.equal(stateName('GB', 'TX'), undefined);
  });
});
