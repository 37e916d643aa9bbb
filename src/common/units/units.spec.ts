import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIMENSION_UNITS,
  UnitsError,
  WEIGHT_UNITS,
  compareWeights,
  convertDimensions,
  convertLength,
  convertWeight,
  fromDearDimensionUnit,
  fromDearDimensions,
  fromDearWeight,
  fromDearWeightUnit,
  fromShipStationDimensionUnit,
  fromShipStationDimensions,
  fromShipStationWeight,
  fromShipStationWeightUnit,
  isDimensionUnit,
  isWeightUnit,
  sumWeights,
  toShipStationDimensions,
  toShipStationWeight,
  totalWeight,
  type DimensionUnit,
  type Weight,
  type WeightUnit,
} from './units';

function assertUnitsError(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof UnitsError, `expected UnitsError, got ${String(e)}`);
    assert.equal(e.code, code);
    return true;
  });
}

/** Exact expected values of 1 unit in every unit, to 6 places (half away from zero). */
const ONE: Record<WeightUnit, Record<WeightUnit, number>> = {
  oz: { oz: 1, lb: 0.0625, g: 28.349523, kg: 0.02835 },
  lb: { oz: 16, lb: 1, g: 453.59237, kg: 0.453592 },
  g: { oz: 0.035274, lb: 0.002205, g: 1, kg: 0.001 },
  kg: { oz: 35.273962, lb: 2.204623, g: 1000, kg: 1 },
};

describe('convertWeight', () => {
  for (const from of WEIGHT_UNITS) {
    for (const to of WEIGHT_UNITS) {
      it(`1 ${from} → ${to}`, () => {
        assert.deepEqual(convertWeight({ value: 1, unit: from }, to), { value: ONE[from][to], unit: to });
      });
    }
  }

  it('uses the exact legal factors', () => {
    assert.equal(convertWeight({ value: 1, unit: 'oz' }, 'g', 9).value, 28.349523125);
    assert.equal(convertWeight({ value: 1, unit: 'lb' }, 'kg', 8).value, 0.45359237);
    assert.equal(convertWeight({ value: 1, unit: 'lb' }, 'oz', 0).value, 16);
    assert.equal(convertWeight({ value: 100, unit: 'lb' }, 'g').value, 45359.237);
    assert.equal(convertWeight({ value: 0.1, unit: 'lb' }, 'oz').value, 1.6);
    assert.equal(convertWeight({ value: 0.3, unit: 'kg' }, 'g').value, 300);
  });

  it('rounds half away from zero only at the end', () => {
    // 1 g = 0.03527396194958041… oz
    assert.equal(convertWeight({ value: 1, unit: 'g' }, 'oz', 2).value, 0.04);
    assert.equal(convertWeight({ value: 1, unit: 'g' }, 'oz', 10).value, 0.0352739619);
    // 0.125 oz → 2 places: exactly half → up
    assert.equal(convertWeight({ value: 2, unit: 'lb' }, 'lb', 0).value, 2);
    assert.equal(convertWeight({ value: 0.125, unit: 'oz' }, 'oz', 2).value, 0.13);
    assert.equal(convertWeight({ value: 0.124999, unit: 'oz' }, 'oz', 2).value, 0.12);
  });

  it('reads numbers by their shortest decimal string (no binary noise)', () => {
    // 1.005 is 1.00499999999999989… as a double; we treat it as 1.005.
    assert.equal(convertWeight({ value: 1.005, unit: 'kg' }, 'kg', 2).value, 1.01);
    assert.equal(convertWeight({ value: 1e-7, unit: 'kg' }, 'g', 6).value, 0.0001);
    assert.equal(convertWeight({ value: 1e21, unit: 'g' }, 'kg', 0).value, 1e18);
  });

  it('zero stays zero in every unit', () => {
    for (const from of WEIGHT_UNITS) for (const to of WEIGHT_UNITS) assert.equal(convertWeight({ value: 0, unit: from }, to).value, 0);
  });

  it('round-trips every pair to 6 places for a spread of values', () => {
    const values = [0.01, 0.1, 0.5, 1, 2.5, 3.3, 12.34, 16, 99.99, 453.59237, 1000, 12345.678];
    for (const value of values) {
      for (const a of WEIGHT_UNITS) {
        for (const b of WEIGHT_UNITS) {
          const there = convertWeight({ value, unit: a }, b, 12);
          const back = convertWeight(there, a, 6);
          assert.equal(back.value, Math.round(value * 1e6) / 1e6, `${value} ${a} → ${b} → ${a}`);
        }
      }
    }
  });

  it('exact within-system conversions round-trip with no loss at all', () => {
    for (const value of [0.01, 0.0625, 1.1, 7.77, 12.5, 1234.5678]) {
      assert.equal(convertWeight(convertWeight({ value, unit: 'lb' }, 'oz'), 'lb').value, value);
      assert.equal(convertWeight(convertWeight({ value, unit: 'kg' }, 'g'), 'kg').value, value);
      assert.equal(convertWeight(convertWeight({ value, unit: 'oz' }, 'g', 12), 'oz').value, value);
    }
  });

  it('rejects negative, non-finite values and unknown units', () => {
    assertUnitsError(() => convertWeight({ value: -1, unit: 'g' }, 'oz'), 'units_invalid_value');
    assertUnitsError(() => convertWeight({ value: Number.NaN, unit: 'g' }, 'oz'), 'units_invalid_value');
    assertUnitsError(() => convertWeight({ value: Infinity, unit: 'g' }, 'oz'), 'units_invalid_value');
    assertUnitsError(() => convertWeight({ value: '1' as unknown as number, unit: 'g' }, 'oz'), 'units_invalid_value');
    assertUnitsError(() => convertWeight({ value: 1, unit: 'lbs' as WeightUnit }, 'oz'), 'units_unknown_weight_unit');
    assertUnitsError(() => convertWeight({ value: 1, unit: 'g' }, 'mg' as WeightUnit), 'units_unknown_weight_unit');
  });
});

describe('sumWeights and totalWeight', () => {
  it('0.1 + 0.2 is exactly 0.3', () => {
    assert.deepEqual(sumWeights([{ value: 0.1, unit: 'lb' }, { value: 0.2, unit: 'lb' }], 'lb'), { value: 0.3, unit: 'lb' });
    assert.equal(sumWeights([{ value: 0.1, unit: 'kg' }, { value: 0.2, unit: 'kg' }], 'kg', 17).value, 0.3);
  });

  it('sums mixed units exactly before rounding once', () => {
    const ws: Weight[] = [
      { value: 1, unit: 'lb' },
      { value: 8, unit: 'oz' },
      { value: 453.59237, unit: 'g' },
      { value: 0.45359237, unit: 'kg' },
    ];
    assert.deepEqual(sumWeights(ws, 'lb'), { value: 3.5, unit: 'lb' });
    assert.deepEqual(sumWeights(ws, 'oz'), { value: 56, unit: 'oz' });
    assert.deepEqual(sumWeights(ws, 'g'), { value: 1587.573295, unit: 'g' });
  });

  it('does not accumulate per-item rounding', () => {
    const thousandGrams = Array.from({ length: 1000 }, (): Weight => ({ value: 1, unit: 'g' }));
    // 1000 g = 35.27396194958… oz; rounding each 1 g to 0.04 oz first would give 40.
    assert.equal(sumWeights(thousandGrams, 'oz').value, 35.273962);
    assert.equal(sumWeights(thousandGrams, 'oz', 2).value, 35.27);
    const tenths = Array.from({ length: 10 }, (): Weight => ({ value: 0.1, unit: 'oz' }));
    assert.equal(sumWeights(tenths, 'oz', 15).value, 1);
  });

  it('an empty list is zero', () => {
    assert.deepEqual(sumWeights([], 'kg'), { value: 0, unit: 'kg' });
    assert.deepEqual(totalWeight([], 'oz'), { value: 0, unit: 'oz' });
  });

  it('totalWeight multiplies by quantity exactly', () => {
    assert.deepEqual(
      totalWeight(
        [
          { weight: { value: 14, unit: 'oz' }, quantity: 2 },
          { weight: { value: 0.25, unit: 'lb' }, quantity: 3 },
          { weight: { value: 0.1, unit: 'oz' }, quantity: 0.5 },
        ],
        'oz',
      ),
      { value: 40.05, unit: 'oz' },
    );
    assert.equal(totalWeight([{ weight: { value: 0.1, unit: 'kg' }, quantity: 3 }], 'g').value, 300);
    assertUnitsError(() => totalWeight([{ weight: { value: 1, unit: 'kg' }, quantity: -1 }], 'g'), 'units_invalid_value');
  });

  it('validates every item and the target unit', () => {
    assertUnitsError(() => sumWeights([{ value: 1, unit: 'g' }, { value: -0.1, unit: 'g' }], 'g'), 'units_invalid_value');
    assertUnitsError(() => sumWeights([{ value: 1, unit: 'g' }], 'pounds' as WeightUnit), 'units_unknown_weight_unit');
  });

  it('compareWeights compares mass', () => {
    assert.equal(compareWeights({ value: 16, unit: 'oz' }, { value: 1, unit: 'lb' }), 0);
    assert.equal(compareWeights({ value: 1, unit: 'kg' }, { value: 2.2, unit: 'lb' }), 1);
    assert.equal(compareWeights({ value: 28.349523124, unit: 'g' }, { value: 1, unit: 'oz' }), -1);
  });
});

describe('ShipStation weights (shipstation.md §1.7)', () => {
  it('keeps metric as grams and imperial as ounces', () => {
    assert.deepEqual(toShipStationWeight({ value: 1, unit: 'kg' }), { value: 1000, units: 'grams' });
    assert.deepEqual(toShipStationWeight({ value: 250, unit: 'g' }), { value: 250, units: 'grams' });
    assert.deepEqual(toShipStationWeight({ value: 2.5, unit: 'lb' }), { value: 40, units: 'ounces' });
    assert.deepEqual(toShipStationWeight({ value: 3, unit: 'oz' }), { value: 3, units: 'ounces' });
  });

  it('rounds to 2 places half away from zero', () => {
    assert.deepEqual(toShipStationWeight({ value: 1.2345, unit: 'g' }), { value: 1.23, units: 'grams' });
    assert.deepEqual(toShipStationWeight({ value: 1.235, unit: 'g' }), { value: 1.24, units: 'grams' });
    assert.deepEqual(toShipStationWeight({ value: 0.0001234, unit: 'kg' }), { value: 0.12, units: 'grams' });
    assert.deepEqual(toShipStationWeight({ value: 0.33333, unit: 'lb' }), { value: 5.33, units: 'ounces' });
    assert.deepEqual(toShipStationWeight({ value: 0.0003125, unit: 'lb' }), { value: 0.01, units: 'ounces' }); // 0.005 oz, a tie → up
  });

  it('never rounds a positive weight to zero, but keeps zero as zero', () => {
    assert.deepEqual(toShipStationWeight({ value: 0.001, unit: 'g' }), { value: 0.01, units: 'grams' });
    assert.deepEqual(toShipStationWeight({ value: 0.0001, unit: 'oz' }), { value: 0.01, units: 'ounces' });
    assert.deepEqual(toShipStationWeight({ value: 0, unit: 'kg' }), { value: 0, units: 'grams' });
  });

  it('reads ShipStation units and weights back', () => {
    assert.equal(fromShipStationWeightUnit('ounces'), 'oz');
    assert.equal(fromShipStationWeightUnit('pounds'), 'lb');
    assert.equal(fromShipStationWeightUnit('grams'), 'g');
    for (const s of ['Ounces', 'OUNCES', 'oz', 'pound', 'lb', 'LBS', 'gram', 'Grams', 'gm', ' grams ']) {
      assert.ok(isWeightUnit(fromShipStationWeightUnit(s)), s);
    }
    assertUnitsError(() => fromShipStationWeightUnit('stone'), 'units_unknown_weight_unit');
    assertUnitsError(() => fromShipStationWeightUnit('mg'), 'units_unknown_weight_unit');
    assertUnitsError(() => fromShipStationWeightUnit(''), 'units_unknown_weight_unit');
    assertUnitsError(() => fromShipStationWeightUnit('constructor'), 'units_unknown_weight_unit');
    assert.deepEqual(fromShipStationWeight({ value: 3, units: 'ounces' }), { value: 3, unit: 'oz' });
    assertUnitsError(() => fromShipStationWeight({ value: -3, units: 'ounces' }), 'units_invalid_value');
  });

  it('round-trips ours → ShipStation → ours (same mass, 2 places)', () => {
    for (const unit of WEIGHT_UNITS) {
      for (const value of [0.5, 1, 1.25, 3.75, 10, 70.5]) {
        const ss = toShipStationWeight({ value, unit });
        const back = fromShipStationWeight(ss);
        assert.equal(compareWeights(back, { value, unit }), 0, `${value} ${unit}`);
      }
    }
  });
});

describe('DEAR weights (dear.md §5.3)', () => {
  it('reads every documented code', () => {
    for (const code of ['oz', 'mg', 'kg', 'lb', 'g'] as const) assert.equal(fromDearWeightUnit(code), code);
  });

  it('is tolerant of case, plurals and long names', () => {
    const cases: [string, string][] = [
      ['Kg', 'kg'], ['KG', 'kg'], ['kgs', 'kg'], ['Kilograms', 'kg'], ['lbs', 'lb'], ['LBS', 'lb'], ['Lb.', 'lb'],
      ['pounds', 'lb'], ['Oz', 'oz'], ['ounces', 'oz'], ['G', 'g'], ['grams', 'g'], ['gm', 'g'], [' g ', 'g'],
      ['MG', 'mg'], ['milligrams', 'mg'],
    ];
    for (const [input, expected] of cases) assert.equal(fromDearWeightUnit(input), expected, input);
  });

  it('rejects unset and unknown units with a code', () => {
    for (const bad of ['', null, undefined, 'stone', 't', 'kgg', 'ounce s', 'constructor', '__proto__', 'toString']) {
      assertUnitsError(() => fromDearWeightUnit(bad), 'units_unknown_weight_unit');
    }
  });

  it('fromDearWeight keeps our units and turns milligrams into grams', () => {
    assert.deepEqual(fromDearWeight(14, 'oz'), { value: 14, unit: 'oz' });
    assert.deepEqual(fromDearWeight(1.5, 'Kg'), { value: 1.5, unit: 'kg' });
    assert.deepEqual(fromDearWeight(2, 'lbs'), { value: 2, unit: 'lb' });
    assert.deepEqual(fromDearWeight(1234.5, 'mg'), { value: 1.2345, unit: 'g' });
    assert.deepEqual(fromDearWeight(0.1, 'mg'), { value: 0.0001, unit: 'g' });
    assertUnitsError(() => fromDearWeight(-1, 'g'), 'units_invalid_value');
    assertUnitsError(() => fromDearWeight(1, ''), 'units_unknown_weight_unit');
  });

  it('DEAR → ours → ShipStation end to end', () => {
    assert.deepEqual(toShipStationWeight(fromDearWeight(500, 'mg')), { value: 0.5, units: 'grams' });
    assert.deepEqual(toShipStationWeight(fromDearWeight(1.2, 'LB')), { value: 19.2, units: 'ounces' });
  });
});

describe('dimensions', () => {
  it('1 in is exactly 2.54 cm and back', () => {
    assert.equal(convertLength(1, 'in', 'cm'), 2.54);
    assert.equal(convertLength(2.54, 'cm', 'in'), 1);
    assert.equal(convertLength(1, 'cm', 'in'), 0.393701);
    assert.equal(convertLength(1, 'cm', 'in', 12), 0.393700787402);
    assert.equal(convertLength(7, 'in', 'in'), 7);
    assert.equal(convertLength(0, 'cm', 'in'), 0);
  });

  it('converts all three dimensions in every direction', () => {
    for (const from of DIMENSION_UNITS) {
      for (const to of DIMENSION_UNITS) {
        const d = convertDimensions({ length: 10, width: 5, height: 2.54, unit: from }, to);
        assert.equal(d.unit, to);
        const factor = from === to ? 1 : from === 'in' ? 2.54 : 1 / 2.54;
        assert.equal(d.length, Math.round(10 * factor * 1e6) / 1e6);
        assert.equal(d.width, Math.round(5 * factor * 1e6) / 1e6);
        assert.equal(d.height, Math.round(2.54 * factor * 1e6) / 1e6);
      }
    }
  });

  it('round-trips in → cm → in exactly and cm → in → cm to 6 places', () => {
    for (const v of [0.1, 1, 3.3, 7, 12.75, 48, 108]) {
      const d = { length: v, width: v / 2, height: v * 3, unit: 'in' as DimensionUnit };
      assert.deepEqual(convertDimensions(convertDimensions(d, 'cm'), 'in'), {
        length: Math.round(d.length * 1e6) / 1e6,
        width: Math.round(d.width * 1e6) / 1e6,
        height: Math.round(d.height * 1e6) / 1e6,
        unit: 'in',
      });
      assert.equal(convertLength(convertLength(v, 'cm', 'in', 12), 'in', 'cm'), v);
    }
  });

  it('rejects negative lengths and unknown units', () => {
    assertUnitsError(() => convertLength(-1, 'in', 'cm'), 'units_invalid_value');
    assertUnitsError(() => convertDimensions({ length: 1, width: Number.NaN, height: 1, unit: 'in' }, 'cm'), 'units_invalid_value');
    assertUnitsError(() => convertLength(1, 'mm' as DimensionUnit, 'cm'), 'units_unknown_dimension_unit');
    assertUnitsError(() => convertDimensions({ length: 1, width: 1, height: 1, unit: 'in' }, 'ft' as DimensionUnit), 'units_unknown_dimension_unit');
  });

  it('ShipStation: same unit, 2 places, never a positive zero', () => {
    assert.deepEqual(toShipStationDimensions({ length: 7, width: 5, height: 6, unit: 'in' }), { length: 7, width: 5, height: 6, units: 'inches' });
    assert.deepEqual(toShipStationDimensions({ length: 10.005, width: 4.444, height: 0.001, unit: 'cm' }), {
      length: 10.01,
      width: 4.44,
      height: 0.01,
      units: 'centimeters',
    });
    assert.deepEqual(toShipStationDimensions({ length: 0, width: 0, height: 0, unit: 'cm' }), { length: 0, width: 0, height: 0, units: 'centimeters' });
    assertUnitsError(() => toShipStationDimensions({ length: 1, width: 1, height: 1, unit: 'ft' as DimensionUnit }), 'units_unknown_dimension_unit');
  });

  it('reads ShipStation dimension units and objects', () => {
    assert.equal(fromShipStationDimensionUnit('inches'), 'in');
    assert.equal(fromShipStationDimensionUnit('centimeters'), 'cm');
    assert.equal(fromShipStationDimensionUnit('Inches'), 'in');
    assert.equal(fromShipStationDimensionUnit('CM'), 'cm');
    assertUnitsError(() => fromShipStationDimensionUnit('feet'), 'units_unknown_dimension_unit');
    assert.deepEqual(fromShipStationDimensions({ length: 7, width: 5, height: 6, units: 'inches' }), { length: 7, width: 5, height: 6, unit: 'in' });
    const round = fromShipStationDimensions(toShipStationDimensions({ length: 30, width: 20, height: 10.5, unit: 'cm' }));
    assert.deepEqual(round, { length: 30, width: 20, height: 10.5, unit: 'cm' });
  });

  it('reads every DEAR dimension code (dear.md §5.3) and long forms', () => {
    for (const code of ['m', 'cm', 'mi', 'mm', 'in', 'ft', 'yd', 'km'] as const) assert.equal(fromDearDimensionUnit(code), code);
    for (const [input, expected] of [['CM', 'cm'], ['Inches', 'in'], ['feet', 'ft'], ['Metres', 'm'], ['millimeter', 'mm'], [' IN ', 'in']] as const) {
      assert.equal(fromDearDimensionUnit(input), expected);
    }
    for (const bad of [null, undefined, '', 'furlong', 'c m', 'constructor', 'hasOwnProperty']) {
      assertUnitsError(() => fromDearDimensionUnit(bad), 'units_unknown_dimension_unit');
    }
  });

  it('fromDearDimensions: metric → cm, imperial → in, exactly', () => {
    assert.deepEqual(fromDearDimensions(10, 20, 30, 'cm'), { length: 10, width: 20, height: 30, unit: 'cm' });
    assert.deepEqual(fromDearDimensions(100, 250, 5, 'mm'), { length: 10, width: 25, height: 0.5, unit: 'cm' });
    assert.deepEqual(fromDearDimensions(0.3, 0.2, 0.1, 'm'), { length: 30, width: 20, height: 10, unit: 'cm' });
    assert.deepEqual(fromDearDimensions(0.00001, 0, 0, 'km'), { length: 1, width: 0, height: 0, unit: 'cm' });
    assert.deepEqual(fromDearDimensions(7, 5, 6, 'in'), { length: 7, width: 5, height: 6, unit: 'in' });
    assert.deepEqual(fromDearDimensions(1, 0.5, 2, 'ft'), { length: 12, width: 6, height: 24, unit: 'in' });
    assert.deepEqual(fromDearDimensions(1, 1, 1, 'yd'), { length: 36, width: 36, height: 36, unit: 'in' });
    assert.deepEqual(fromDearDimensions(0.001, 0, 0, 'mi'), { length: 63.36, width: 0, height: 0, unit: 'in' });
    assertUnitsError(() => fromDearDimensions(1, 1, 1, null), 'units_unknown_dimension_unit');
    assertUnitsError(() => fromDearDimensions(1, -1, 1, 'cm'), 'units_invalid_value');
  });

  it('type guards', () => {
    assert.ok(isWeightUnit('oz'));
    assert.ok(!isWeightUnit('ounces'));
    assert.ok(!isWeightUnit(undefined));
    assert.ok(isDimensionUnit('cm'));
    assert.ok(!isDimensionUnit('mm'));
  });
});
