import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MoneyError,
  ZERO_MONEY,
  addMoney,
  assertCurrencyCode,
  compareMoney,
  formatMoney,
  isCurrencyCode,
  isCurrencyCodeShape,
  moneyToNumber,
  multiplyMoney,
  negateMoney,
  parseMoney,
  subtractMoney,
  sumMoney,
  toCurrencyCode,
  toMinor,
  type Minor,
} from './money';

function assertMoneyError(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof MoneyError, `expected MoneyError, got ${String(e)}`);
    assert.equal(e.code, code);
    return true;
  });
}

const m = (cents: number): Minor => toMinor(cents);

describe('parseMoney', () => {
  it('reads upstream numbers', () => {
    assert.equal(parseMoney(8.58), 858);
    assert.equal(parseMoney(12.3), 1230);
    assert.equal(parseMoney(8), 800);
    assert.equal(parseMoney(0), 0);
    assert.equal(parseMoney(358), 35800);
    assert.equal(parseMoney(0.01), 1);
  });

  it('reads decimal strings, including .NET scale and whitespace', () => {
    assert.equal(parseMoney('8.58'), 858);
    assert.equal(parseMoney('497.0000'), 49700);
    assert.equal(parseMoney('1.0000'), 100);
    assert.equal(parseMoney(' 12.30 '), 1230);
    assert.equal(parseMoney('+4'), 400);
    assert.equal(parseMoney('.5'), 50);
    assert.equal(parseMoney('5.'), 500);
    assert.equal(parseMoney('-0.5'), -50);
    assert.equal(parseMoney('1e2'), 10000);
    assert.equal(parseMoney('1.5E-1'), 15);
  });

  it('absorbs float noise by reading the shortest decimal, not by float math', () => {
    assert.equal(parseMoney(8.579999999), 858);
    assert.equal(parseMoney(8.580000001), 858);
    assert.equal(parseMoney(0.1 + 0.2), 30); // 0.30000000000000004
    assert.equal(parseMoney(1.1 * 3), 330); // 3.3000000000000003
    assert.equal(parseMoney(1e-7), 0);
    assert.equal(parseMoney(-1e-7), 0);
    assert.ok(!Object.is(parseMoney(-1e-7), -0));
    assert.equal(parseMoney(4.35 * 100 / 100), 435);
    // Math.round(1.005 * 100) is 100 because 1.005 * 100 = 100.49999999999999; we say 101.
    assert.equal(parseMoney(1.005), 101);
    assert.equal(parseMoney(1.015), 102);
  });

  it('rounds half away from zero by default', () => {
    assert.equal(parseMoney('0.125'), 13);
    assert.equal(parseMoney('0.135'), 14);
    assert.equal(parseMoney('-0.125'), -13);
    assert.equal(parseMoney('2.345'), 235);
    assert.equal(parseMoney('2.3449999'), 234);
    assert.equal(parseMoney('2.3450001'), 235);
    assert.equal(parseMoney('-2.3450001'), -235);
    assert.equal(parseMoney('0.005'), 1);
    assert.equal(parseMoney('0.0049'), 0);
  });

  it('rounds half to even on request', () => {
    assert.equal(parseMoney('0.125', 'half-even'), 12);
    assert.equal(parseMoney('0.135', 'half-even'), 14);
    assert.equal(parseMoney('-0.125', 'half-even'), -12);
    assert.equal(parseMoney('-0.135', 'half-even'), -14);
    assert.equal(parseMoney('0.1251', 'half-even'), 13);
    assert.equal(parseMoney('0.005', 'half-even'), 0);
    assert.equal(parseMoney('0.015', 'half-even'), 2);
    assert.equal(parseMoney(8.579999999, 'half-even'), 858);
  });

  it('reads negatives', () => {
    assert.equal(parseMoney(-8.58), -858);
    assert.equal(parseMoney('-0.50'), -50);
    assert.equal(parseMoney(-0), 0);
    assert.ok(!Object.is(parseMoney('-0.00'), -0));
  });

  it('handles big values up to 2^53 − 1 cents exactly', () => {
    assert.equal(parseMoney('90071992547409.91'), Number.MAX_SAFE_INTEGER);
    assert.equal(parseMoney('-90071992547409.91'), -Number.MAX_SAFE_INTEGER);
    assert.equal(parseMoney('12345678901234.56'), 1234567890123456);
    assert.equal(parseMoney(1e13), 1e15);
    assertMoneyError(() => parseMoney('90071992547409.92'), 'money_out_of_range');
    assertMoneyError(() => parseMoney(1e14), 'money_out_of_range');
    assertMoneyError(() => parseMoney(Number.MAX_VALUE), 'money_out_of_range');
    assertMoneyError(() => parseMoney('1e99999'), 'money_out_of_range');
    assert.equal(parseMoney(Number.MIN_VALUE), 0);
  });

  it('rejects what is not a finite decimal', () => {
    for (const bad of ['', ' ', 'abc', '8,58', '1,000.00', '$8.58', '8.58 USD', '--1', '+-1', '.', '-', '1e', '0x10', 'NaN', 'Infinity', '1 000']) {
      assertMoneyError(() => parseMoney(bad), 'money_invalid_amount');
    }
    for (const bad of [Number.NaN, Infinity, -Infinity]) assertMoneyError(() => parseMoney(bad), 'money_invalid_amount');
    for (const bad of [null, undefined, {}, true, 10n]) {
      assertMoneyError(() => parseMoney(bad as unknown as string), 'money_invalid_amount');
    }
  });
});

describe('formatMoney', () => {
  it('writes exactly two places', () => {
    assert.equal(formatMoney(m(858)), '8.58');
    assert.equal(formatMoney(m(-50)), '-0.50');
    assert.equal(formatMoney(m(0)), '0.00');
    assert.equal(formatMoney(m(-0)), '0.00');
    assert.equal(formatMoney(m(5)), '0.05');
    assert.equal(formatMoney(m(-5)), '-0.05');
    assert.equal(formatMoney(m(100)), '1.00');
    assert.equal(formatMoney(m(123456789)), '1234567.89');
    assert.equal(formatMoney(m(Number.MAX_SAFE_INTEGER)), '90071992547409.91');
    assert.equal(formatMoney(m(-Number.MAX_SAFE_INTEGER)), '-90071992547409.91');
  });

  it('refuses non-integers', () => {
    assertMoneyError(() => formatMoney(8.58 as Minor), 'money_invalid_amount');
    assertMoneyError(() => formatMoney(Number.NaN as Minor), 'money_invalid_amount');
    assertMoneyError(() => formatMoney(2 ** 53 as Minor), 'money_invalid_amount');
  });

  it('round-trips with parseMoney', () => {
    for (const s of ['0.00', '0.01', '-0.01', '8.58', '-0.50', '12.30', '999.99', '1000000.00', '90071992547409.91']) {
      assert.equal(formatMoney(parseMoney(s)), s);
    }
    for (let cents = -1000; cents <= 1000; cents += 7) {
      assert.equal(parseMoney(formatMoney(m(cents))), cents);
      assert.equal(parseMoney(moneyToNumber(m(cents))), cents);
    }
  });

  it('moneyToNumber gives the double that prints as the decimal', () => {
    assert.equal(moneyToNumber(m(858)), 8.58);
    assert.equal(String(moneyToNumber(m(30))), '0.3');
    assert.equal(moneyToNumber(m(-50)), -0.5);
    assert.equal(JSON.stringify({ amount: moneyToNumber(m(101)) }), '{"amount":1.01}');
  });
});

describe('arithmetic', () => {
  it('0.1 + 0.2 is exactly 0.30', () => {
    assert.equal(formatMoney(addMoney(parseMoney(0.1), parseMoney(0.2))), '0.30');
    assert.equal(formatMoney(sumMoney([0.1, 0.2].map((x) => parseMoney(x)))), '0.30');
    assert.equal(formatMoney(subtractMoney(parseMoney(0.3), parseMoney(0.1))), '0.20');
  });

  it('sums without drift', () => {
    const tenCents = Array.from({ length: 1000 }, () => parseMoney(0.1));
    assert.equal(formatMoney(sumMoney(tenCents)), '100.00');
    assert.equal(formatMoney(sumMoney([parseMoney(8.58), parseMoney(-0.5), parseMoney('12.3')])), '20.38');
    assert.equal(sumMoney([]), ZERO_MONEY);
  });

  it('checks overflow', () => {
    const max = m(Number.MAX_SAFE_INTEGER);
    assertMoneyError(() => addMoney(max, m(1)), 'money_out_of_range');
    assertMoneyError(() => subtractMoney(negateMoney(max), m(1)), 'money_out_of_range');
    assertMoneyError(() => sumMoney([max, m(1)]), 'money_out_of_range');
    // The sum is exact (bigint) until the end, so an intermediate excursion does not matter.
    assert.equal(sumMoney([max, m(1), m(-1)]), Number.MAX_SAFE_INTEGER);
    assertMoneyError(() => addMoney(m(1), 0.5 as Minor), 'money_invalid_amount');
  });

  it('negates without producing −0', () => {
    assert.equal(negateMoney(m(858)), -858);
    assert.equal(negateMoney(m(-858)), 858);
    assert.ok(Object.is(negateMoney(m(0)), 0));
  });

  it('multiplies exactly, rounding once', () => {
    assert.equal(multiplyMoney(m(1299), 3), 3897);
    assert.equal(multiplyMoney(m(1299), '2.5'), 3248); // 32.475 → 32.48
    assert.equal(multiplyMoney(m(1299), '2.5', 'half-even'), 3248); // 3247.5 → even 3248
    assert.equal(multiplyMoney(m(1250), '0.15'), 188); // 187.5 → 188
    assert.equal(multiplyMoney(m(1250), '0.15', 'half-even'), 188);
    assert.equal(multiplyMoney(m(1050), '0.15', 'half-even'), 158); // 157.5 → 158
    assert.equal(multiplyMoney(m(1030), '0.15', 'half-even'), 154); // 154.5 → 154
    assert.equal(multiplyMoney(m(333), 0.1 + 0.2), 100); // 99.90000000000001 → 100
    assert.equal(multiplyMoney(m(-1000), '0.3333'), -333);
    assert.equal(multiplyMoney(m(1000), 0), 0);
    assert.ok(Object.is(multiplyMoney(m(-1000), 0), 0));
    assertMoneyError(() => multiplyMoney(m(1), 'x'), 'money_invalid_amount');
    assertMoneyError(() => multiplyMoney(m(Number.MAX_SAFE_INTEGER), 2), 'money_out_of_range');
  });

  it('compares', () => {
    assert.equal(compareMoney(m(1), m(2)), -1);
    assert.equal(compareMoney(m(2), m(2)), 0);
    assert.equal(compareMoney(m(-1), m(-2)), 1);
    const sorted = [parseMoney('12.30'), parseMoney('8.58'), parseMoney('-1')].sort(compareMoney).map(formatMoney);
    assert.deepEqual(sorted, ['-1.00', '8.58', '12.30']);
  });

  it('toMinor validates integer cents', () => {
    assert.equal(toMinor(858), 858);
    assertMoneyError(() => toMinor(1.5), 'money_invalid_amount');
    assertMoneyError(() => toMinor(Number.NaN), 'money_invalid_amount');
  });
});

describe('currency codes (ISO 4217)', () => {
  it('accepts codes in circulation', () => {
    for (const c of ['USD', 'EUR', 'GBP', 'AUD', 'NZD', 'CAD', 'JPY', 'CHF', 'SGD', 'ZAR', 'MXN', 'INR', 'CNY', 'HKD']) {
      assert.ok(isCurrencyCode(c), c);
    }
  });

  it('refuses lower case, wrong shapes, test/metal codes and unknown codes', () => {
    for (const c of ['usd', 'US', 'USDD', 'U5D', '', 'XXX', 'XTS', 'XAU', 'ABC', 'QQQ', null, undefined, 840]) {
      assert.ok(!isCurrencyCode(c), String(c));
    }
  });

  it('checks the shape separately', () => {
    assert.ok(isCurrencyCodeShape('ABC'));
    assert.ok(!isCurrencyCodeShape('abc'));
    assert.ok(!isCurrencyCodeShape('AB'));
  });

  it('normalizes input', () => {
    assert.equal(toCurrencyCode(' usd '), 'USD');
    assert.equal(toCurrencyCode('Nzd'), 'NZD');
    assert.equal(toCurrencyCode('dollars'), undefined);
    assert.equal(toCurrencyCode(42), undefined);
    assert.equal(assertCurrencyCode('aud'), 'AUD');
    assertMoneyError(() => assertCurrencyCode('XYZ'), 'money_invalid_currency');
    assertMoneyError(() => assertCurrencyCode(undefined), 'money_invalid_currency');
  });
});
