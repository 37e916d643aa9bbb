import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  UpstreamTimeError,
  fromCustomStoreDate,
  fromCustomStoreShipDate,
  fromDearDate,
  fromDearDateTime,
  fromDearWebhookDate,
  fromShipStationDate,
  fromShipStationDateTime,
  toCustomStoreDate,
  toCustomStoreShipDate,
  toDearDateTime,
  toShipStationDate,
  toShipStationDateTime,
  zoneOffsetMs,
} from './upstream-time';

const utc = (iso: string): Date => new Date(iso);
const HOUR = 3_600_000;

function assertTimeError(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof UpstreamTimeError, `expected UpstreamTimeError, got ${String(e)}`);
    assert.equal(e.code, code);
    return true;
  });
}

describe('ShipStation (Pacific time, shipstation.md §1.6)', () => {
  describe('toShipStationDateTime', () => {
    it('writes PST in winter (UTC−8) and PDT in summer (UTC−7)', () => {
      assert.equal(toShipStationDateTime(utc('2025-01-15T20:00:00Z')), '2025-01-15 12:00:00');
      assert.equal(toShipStationDateTime(utc('2025-07-15T19:00:00Z')), '2025-07-15 12:00:00');
    });

    it('truncates milliseconds and pads', () => {
      assert.equal(toShipStationDateTime(utc('2026-02-03T09:04:05.999Z')), '2026-02-03 01:04:05');
    });

    it('crosses the date line back to the previous Pacific day', () => {
      assert.equal(toShipStationDateTime(utc('2026-01-01T07:59:59Z')), '2025-12-31 23:59:59');
      assert.equal(toShipStationDateTime(utc('2026-01-01T08:00:00Z')), '2026-01-01 00:00:00');
    });

    it('rejects an invalid Date', () => {
      assertTimeError(() => toShipStationDateTime(new Date('nope')), 'time_invalid_date');
    });
  });

  describe('spring-forward', () => {
    const cases = [
      { day: '2025-03-09', changeUtc: '2025-03-09T10:00:00Z' },
      { day: '2026-03-08', changeUtc: '2026-03-08T10:00:00Z' },
    ];
    for (const { day, changeUtc } of cases) {
      it(`${day}: 01:59:59 PST is followed by 03:00:00 PDT`, () => {
        const change = utc(changeUtc).getTime();
        assert.equal(toShipStationDateTime(new Date(change - 1000)), `${day} 01:59:59`);
        assert.equal(toShipStationDateTime(new Date(change)), `${day} 03:00:00`);
        assert.equal(zoneOffsetMs(change - 1000, 'America/Los_Angeles'), -8 * HOUR);
        assert.equal(zoneOffsetMs(change, 'America/Los_Angeles'), -7 * HOUR);
      });

      it(`${day}: reads the hour either side exactly`, () => {
        assert.equal(fromShipStationDateTime(`${day} 01:59:59`).getTime(), utc(changeUtc).getTime() - 1000);
        assert.equal(fromShipStationDateTime(`${day}T03:00:00`).getTime(), utc(changeUtc).getTime());
        assert.equal(fromShipStationDateTime(`${day} 00:00:00`).toISOString(), `${day}T08:00:00.000Z`);
        assert.equal(fromShipStationDateTime(`${day} 12:00:00`).toISOString(), `${day}T19:00:00.000Z`);
      });

      it(`${day}: the non-existent 02:xx hour is shifted forward by the gap`, () => {
        assert.equal(fromShipStationDateTime(`${day} 02:00:00`).getTime(), utc(changeUtc).getTime());
        assert.equal(fromShipStationDateTime(`${day} 02:30:00`).toISOString(), `${day}T10:30:00.000Z`);
        assert.equal(toShipStationDateTime(fromShipStationDateTime(`${day} 02:30:00`)), `${day} 03:30:00`);
        assert.equal(fromShipStationDateTime(`${day}T02:59:59.999`).toISOString(), `${day}T10:59:59.999Z`);
      });
    }
  });

  describe('fall-back', () => {
    const cases = [
      { day: '2025-11-02', changeUtc: '2025-11-02T09:00:00Z' },
      { day: '2026-11-01', changeUtc: '2026-11-01T09:00:00Z' },
    ];
    for (const { day, changeUtc } of cases) {
      it(`${day}: both 01:30 instants render as 01:30`, () => {
        const change = utc(changeUtc).getTime();
        assert.equal(toShipStationDateTime(new Date(change - 30 * 60_000)), `${day} 01:30:00`);
        assert.equal(toShipStationDateTime(new Date(change + 30 * 60_000)), `${day} 01:30:00`);
        assert.equal(toShipStationDateTime(new Date(change + HOUR)), `${day} 02:00:00`);
        assert.equal(zoneOffsetMs(change - 1, 'America/Los_Angeles'), -7 * HOUR);
        assert.equal(zoneOffsetMs(change, 'America/Los_Angeles'), -8 * HOUR);
      });

      it(`${day}: the ambiguous hour reads as the earlier occurrence (PDT)`, () => {
        assert.equal(fromShipStationDateTime(`${day} 01:00:00`).toISOString(), `${day}T08:00:00.000Z`);
        assert.equal(fromShipStationDateTime(`${day} 01:30:00`).toISOString(), `${day}T08:30:00.000Z`);
        assert.equal(fromShipStationDateTime(`${day}T01:59:59.9990000`).toISOString(), `${day}T08:59:59.999Z`);
      });

      it(`${day}: the hours around it are unambiguous`, () => {
        assert.equal(fromShipStationDateTime(`${day} 00:59:59`).toISOString(), `${day}T07:59:59.000Z`);
        assert.equal(fromShipStationDateTime(`${day} 02:00:00`).toISOString(), `${day}T10:00:00.000Z`);
        assert.equal(fromShipStationDateTime(`${day} 00:00:00`).toISOString(), `${day}T07:00:00.000Z`);
        assert.equal(fromShipStationDateTime(`${day} 23:59:59`).getTime(), utc(`${day}T00:00:00Z`).getTime() + 24 * HOUR + 8 * HOUR - 1000);
      });
    }
  });

  describe('fromShipStationDateTime', () => {
    it('reads the shapes of §1.6 (0–7 fractional digits, T or space)', () => {
      assert.equal(fromShipStationDateTime('2015-06-29T08:46:27.0000000').toISOString(), '2015-06-29T15:46:27.000Z');
      assert.equal(fromShipStationDateTime('2015-06-29T09:06:04.6870000').toISOString(), '2015-06-29T16:06:04.687Z');
      assert.equal(fromShipStationDateTime('2015-08-17T09:43:03.05').toISOString(), '2015-08-17T16:43:03.050Z');
      assert.equal(fromShipStationDateTime('2014-12-16T17:47:05.457').toISOString(), '2014-12-17T01:47:05.457Z');
      assert.equal(fromShipStationDateTime('2015-06-29T08:46:27.000').toISOString(), '2015-06-29T15:46:27.000Z');
      assert.equal(fromShipStationDateTime('2016-11-29 23:59:59').toISOString(), '2016-11-30T07:59:59.000Z');
      assert.equal(fromShipStationDateTime('2016-11-29T23:59').toISOString(), '2016-11-30T07:59:00.000Z');
      assert.equal(fromShipStationDateTime('2015-06-29T09:06:04.1').toISOString(), '2015-06-29T16:06:04.100Z');
    });

    it('truncates digits beyond the millisecond instead of rounding up', () => {
      assert.equal(fromShipStationDateTime('2025-12-31T23:59:59.9999999').toISOString(), '2026-01-01T07:59:59.999Z');
    });

    it('reads a bare date as midnight Pacific', () => {
      assert.equal(fromShipStationDateTime('2025-07-02').toISOString(), '2025-07-02T07:00:00.000Z');
      assert.equal(fromShipStationDateTime('2025-12-02').toISOString(), '2025-12-02T08:00:00.000Z');
    });

    it('accepts surrounding whitespace', () => {
      assert.equal(fromShipStationDateTime(' 2025-12-02 10:00:00 ').toISOString(), '2025-12-02T18:00:00.000Z');
    });

    it('handles 29 February in leap years only', () => {
      assert.equal(fromShipStationDateTime('2024-02-29 12:00:00').toISOString(), '2024-02-29T20:00:00.000Z');
      assertTimeError(() => fromShipStationDateTime('2025-02-29 12:00:00'), 'time_out_of_range');
    });

    it('rejects garbage with a typed error', () => {
      for (const bad of [
        '',
        'garbage',
        '2015-06-29T',
        '2015-06-29T08:46:27.',
        '2015-06-29T08:46:27.12345678',
        '2015-06-29T08:46:27Z',
        '2015-06-29T08:46:27-07:00',
        '2015/06/29 08:46:27',
        '15-06-29 08:46:27',
        '2015-6-29',
        '2015-06-29  08:46:27',
        '2015-06-29T8:46:27',
        '06/29/2015 08:46',
      ]) {
        assertTimeError(() => fromShipStationDateTime(bad), 'time_invalid_format');
      }
      assertTimeError(() => fromShipStationDateTime(undefined as unknown as string), 'time_invalid_format');
      assertTimeError(() => fromShipStationDateTime(12 as unknown as string), 'time_invalid_format');
    });

    it('rejects out-of-range fields', () => {
      for (const bad of [
        '2015-13-01 00:00:00',
        '2015-00-01 00:00:00',
        '2015-04-31 00:00:00',
        '2015-06-00 00:00:00',
        '2015-06-29 24:00:00',
        '2015-06-29 23:60:00',
        '2015-06-29 23:59:60',
        '0000-01-01',
      ]) {
        assertTimeError(() => fromShipStationDateTime(bad), 'time_out_of_range');
      }
    });

    it('carries the input on the error', () => {
      try {
        fromShipStationDateTime('nope');
        assert.fail('should throw');
      } catch (e) {
        assert.ok(e instanceof UpstreamTimeError);
        assert.equal(e.input, 'nope');
        assert.equal(e.name, 'UpstreamTimeError');
        assert.match(e.message, /nope/);
      }
    });
  });

  describe('round trips', () => {
    it('to → from is the identity at second precision, every 15 minutes across 2025 and 2026 changes', () => {
      const windows = ['2025-03-08T00:00:00Z', '2025-11-01T00:00:00Z', '2026-03-07T00:00:00Z', '2026-10-31T00:00:00Z'];
      for (const start of windows) {
        const t0 = utc(start).getTime();
        for (let t = t0; t < t0 + 3 * 24 * HOUR; t += 15 * 60_000) {
          const s = toShipStationDateTime(new Date(t));
          const back = fromShipStationDateTime(s).getTime();
          // Only the repeated (second) fall-back hour cannot survive a string without offset.
          const wall = s.slice(11, 13);
          const isRepeatedHour = back !== t && wall === '01' && back === t - HOUR;
          assert.ok(back === t || isRepeatedHour, `${new Date(t).toISOString()} → ${s} → ${new Date(back).toISOString()}`);
        }
      }
    });

    it('from → to is the identity for every existing wall time', () => {
      for (const s of ['2025-03-09 01:59:59', '2025-03-09 03:00:00', '2025-11-02 01:30:00', '2026-11-01 02:00:00', '2026-06-30 23:59:59']) {
        assert.equal(toShipStationDateTime(fromShipStationDateTime(s)), s);
      }
    });

    it('exactly one instant in the repeated hour is lost per fall-back day', () => {
      let lost = 0;
      const t0 = utc('2025-11-02T06:00:00Z').getTime();
      for (let t = t0; t < t0 + 6 * HOUR; t += 60_000) {
        if (fromShipStationDateTime(toShipStationDateTime(new Date(t))).getTime() !== t) lost += 1;
      }
      assert.equal(lost, 60);
    });
  });

  describe('toShipStationDate / fromShipStationDate', () => {
    it('gives the Pacific calendar day', () => {
      assert.equal(toShipStationDate(utc('2025-07-02T06:59:59Z')), '2025-07-01');
      assert.equal(toShipStationDate(utc('2025-07-02T07:00:00Z')), '2025-07-02');
      assert.equal(toShipStationDate(utc('2025-12-02T07:59:59Z')), '2025-12-01');
      assert.equal(toShipStationDate(utc('2025-12-02T08:00:00Z')), '2025-12-02');
      assert.equal(toShipStationDate(utc('2025-11-02T09:30:00Z')), '2025-11-02');
      assert.equal(toShipStationDate(utc('2026-03-08T10:30:00Z')), '2026-03-08');
    });

    it('reads date-only values without zone conversion', () => {
      assert.equal(fromShipStationDate('2015-07-02'), '2015-07-02');
      assert.equal(fromShipStationDate('2016-06-07T00:00:00.0000000'), '2016-06-07');
      assertTimeError(() => fromShipStationDate('2015-02-30'), 'time_out_of_range');
      assertTimeError(() => fromShipStationDate('8-13-2014'), 'time_invalid_format');
    });

    it('rejects invalid dates', () => {
      assertTimeError(() => toShipStationDate(new Date(Number.NaN)), 'time_invalid_date');
      assertTimeError(() => toShipStationDate('2025-01-01' as unknown as Date), 'time_invalid_date');
    });
  });
});

describe('DEAR (UTC, dear.md §1.8)', () => {
  it('toDearDateTime writes yyyy-MM-ddTHH:mm:ss.fff without Z', () => {
    assert.equal(toDearDateTime(utc('2012-11-14T13:28:33.363Z')), '2012-11-14T13:28:33.363');
    assert.equal(toDearDateTime(utc('2026-01-02T03:04:05Z')), '2026-01-02T03:04:05.000');
    assert.equal(toDearDateTime(utc('2025-03-09T10:30:00Z')), '2025-03-09T10:30:00.000');
  });

  it('fromDearDateTime reads every shape of §1.8', () => {
    assert.equal(fromDearDateTime('2017-11-30T00:00:00').toISOString(), '2017-11-30T00:00:00.000Z');
    assert.equal(fromDearDateTime('2017-09-29T03:03:13.913Z').toISOString(), '2017-09-29T03:03:13.913Z');
    assert.equal(fromDearDateTime('2017-11-22T10:10:49.75Z').toISOString(), '2017-11-22T10:10:49.750Z');
    assert.equal(fromDearDateTime('2021-11-11T13:27:28.16Z').toISOString(), '2021-11-11T13:27:28.160Z');
    assert.equal(fromDearDateTime('2017-11-22T06:58:21.8882229Z').toISOString(), '2017-11-22T06:58:21.888Z');
    assert.equal(fromDearDateTime('2012-11-14T13:28:33.363').toISOString(), '2012-11-14T13:28:33.363Z');
    assert.equal(fromDearDateTime('2012-11-14T13:28:33.363z').toISOString(), '2012-11-14T13:28:33.363Z');
    assert.equal(fromDearDateTime('2025-10-27').toISOString(), '2025-10-27T00:00:00.000Z');
    assert.equal(fromDearDateTime('2025-10-27T10:00').toISOString(), '2025-10-27T10:00:00.000Z');
  });

  it('does not shift across DST: DEAR is UTC all year', () => {
    for (const s of ['2025-03-09T10:30:00', '2025-11-02T09:30:00', '2026-03-08T02:30:00', '2026-11-01T01:30:00']) {
      assert.equal(fromDearDateTime(s).toISOString(), `${s}.000Z`);
    }
  });

  it('honours an explicit offset', () => {
    assert.equal(fromDearDateTime('2025-06-01T10:00:00+00:00').toISOString(), '2025-06-01T10:00:00.000Z');
    assert.equal(fromDearDateTime('2025-06-01T10:00:00+10:00').toISOString(), '2025-06-01T00:00:00.000Z');
    assert.equal(fromDearDateTime('2025-06-01T10:00:00-07:30').toISOString(), '2025-06-01T17:30:00.000Z');
    assertTimeError(() => fromDearDateTime('2025-06-01T10:00:00+24:00'), 'time_out_of_range');
  });

  it('round-trips at millisecond precision', () => {
    for (const iso of ['2025-03-09T09:59:59.999Z', '2025-11-02T08:30:00.001Z', '2026-03-08T10:00:00.000Z', '2026-11-01T09:00:00.500Z', '1999-12-31T23:59:59.999Z']) {
      assert.equal(fromDearDateTime(toDearDateTime(utc(iso))).toISOString(), iso);
    }
  });

  it('rejects garbage', () => {
    for (const bad of ['', 'null', '2017-11-30 00:00:00', '2017-11-30T00:00:00.', '2017-11-30T00:00:00.12345678Z', '2017-11-30T00:00:00ZZ', '30/11/2017', '2017-11-30T00:00:00+0100']) {
      assertTimeError(() => fromDearDateTime(bad), 'time_invalid_format');
    }
    assertTimeError(() => fromDearDateTime(null as unknown as string), 'time_invalid_format');
    assertTimeError(() => fromDearDateTime('2017-11-31T00:00:00'), 'time_out_of_range');
    assertTimeError(() => toDearDateTime(new Date('x')), 'time_invalid_date');
  });

  it('fromDearDate keeps date-only fields on their day', () => {
    assert.equal(fromDearDate('2017-11-30T00:00:00'), '2017-11-30');
    assert.equal(fromDearDate('2017-11-30'), '2017-11-30');
    assert.equal(fromDearDate('2017-11-30T23:59:59.999Z'), '2017-11-30');
  });

  it('fromDearWebhookDate reads dd/MM/yyyy and yyyy-MM-dd', () => {
    assert.equal(fromDearWebhookDate('29/01/2018'), '2018-01-29');
    assert.equal(fromDearWebhookDate('2025-10-27'), '2025-10-27');
    assertTimeError(() => fromDearWebhookDate('01/29/2018'), 'time_out_of_range');
    assertTimeError(() => fromDearWebhookDate('1/2/2018'), 'time_invalid_format');
  });
});

describe('Custom Store (UTC MM/dd/yyyy HH:mm, shipstation.md §10)', () => {
  it('toCustomStoreDate writes UTC with minutes, seconds truncated', () => {
    assert.equal(toCustomStoreDate(utc('2012-03-23T21:09:59.999Z')), '03/23/2012 21:09');
    assert.equal(toCustomStoreDate(utc('2024-03-01T18:05:00Z')), '03/01/2024 18:05');
    assert.equal(toCustomStoreDate(utc('2025-11-02T09:30:00Z')), '11/02/2025 09:30');
    assert.equal(toCustomStoreDate(utc('2026-01-01T00:00:00Z')), '01/01/2026 00:00');
    assertTimeError(() => toCustomStoreDate(new Date(Number.NaN)), 'time_invalid_date');
  });

  it('fromCustomStoreDate reads the export window format as UTC', () => {
    assert.equal(fromCustomStoreDate('03/23/2012 21:09').toISOString(), '2012-03-23T21:09:00.000Z');
    assert.equal(fromCustomStoreDate('3/3/2012 1:09').toISOString(), '2012-03-03T01:09:00.000Z');
    assert.equal(fromCustomStoreDate('03/23/2012 21:09:30').toISOString(), '2012-03-23T21:09:30.000Z');
    assert.equal(fromCustomStoreDate('03/23/2012').toISOString(), '2012-03-23T00:00:00.000Z');
  });

  it('accepts AM/PM per the XSD pattern', () => {
    assert.equal(fromCustomStoreDate('03/23/2012 9:09 PM').toISOString(), '2012-03-23T21:09:00.000Z');
    assert.equal(fromCustomStoreDate('03/23/2012 12:00 AM').toISOString(), '2012-03-23T00:00:00.000Z');
    assert.equal(fromCustomStoreDate('03/23/2012 12:00 pm').toISOString(), '2012-03-23T12:00:00.000Z');
    assert.equal(fromCustomStoreDate('03/23/2012 11:59:59PM').toISOString(), '2012-03-23T23:59:59.000Z');
    assertTimeError(() => fromCustomStoreDate('03/23/2012 13:00 PM'), 'time_out_of_range');
    assertTimeError(() => fromCustomStoreDate('03/23/2012 0:00 AM'), 'time_out_of_range');
  });

  it('does not shift across DST', () => {
    for (const [s, iso] of [
      ['03/09/2025 02:30', '2025-03-09T02:30:00.000Z'],
      ['11/02/2025 01:30', '2025-11-02T01:30:00.000Z'],
      ['03/08/2026 02:30', '2026-03-08T02:30:00.000Z'],
      ['11/01/2026 01:30', '2026-11-01T01:30:00.000Z'],
    ] as const) {
      assert.equal(fromCustomStoreDate(s).toISOString(), iso);
      assert.equal(toCustomStoreDate(fromCustomStoreDate(s)), s);
    }
  });

  it('round-trips at minute precision', () => {
    const t0 = utc('2025-11-01T00:00:00Z').getTime();
    for (let t = t0; t < t0 + 2 * 24 * HOUR; t += 7 * 60_000) {
      assert.equal(fromCustomStoreDate(toCustomStoreDate(new Date(t))).getTime(), t);
    }
  });

  it('rejects garbage', () => {
    for (const bad of ['', '2012-03-23 21:09', '03-23-2012 21:09', '03/23/12 21:09', '03/23/2012 21', '03/23/2012 21:9', '03/23/2012T21:09', 'x']) {
      assertTimeError(() => fromCustomStoreDate(bad), 'time_invalid_format');
    }
    for (const bad of ['13/01/2012 00:00', '02/30/2012 00:00', '03/23/2012 24:00', '03/23/2012 23:60']) {
      assertTimeError(() => fromCustomStoreDate(bad), 'time_out_of_range');
    }
    assertTimeError(() => fromCustomStoreDate(undefined as unknown as string), 'time_invalid_format');
  });

  it('ship dates are calendar days both ways', () => {
    assert.equal(fromCustomStoreShipDate('03/02/2024'), '2024-03-02');
    assert.equal(toCustomStoreShipDate('2024-03-02'), '03/02/2024');
    assert.equal(toCustomStoreShipDate(fromCustomStoreShipDate('12/31/2025')), '12/31/2025');
    assertTimeError(() => toCustomStoreShipDate('2024-02-30'), 'time_out_of_range');
  });
});
