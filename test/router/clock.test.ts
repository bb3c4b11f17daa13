import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarDay, localTimeAt, parseCallDate, weekday } from '../../src/router/clock.ts';

const DAY = 1440;

describe('parseCallDate', () => {
  it.each([
    ['2026-11-24 10:00:00', '2026-11-24', 1 * DAY + 600],
    ['2026-11-24T10:00:00', '2026-11-24', 1 * DAY + 600],
    ['2026-11-24 10:00', '2026-11-24', 1 * DAY + 600],
    ['2026-11-24 10:00:59', '2026-11-24', 1 * DAY + 600],
    ['  2026-11-24 10:00:00\n', '2026-11-24', 1 * DAY + 600],
    ['\t2026-11-24T10:00 ', '2026-11-24', 1 * DAY + 600],
    ['2026-01-05 00:00:00', '2026-01-05', 0],
    ['2026-01-04 23:59:59', '2026-01-04', 10079],
    ['2026-01-04 00:00:00', '2026-01-04', 6 * DAY],
    ['2026-01-01 09:30:00', '2026-01-01', 3 * DAY + 570],
    ['2024-02-29 12:30:00', '2024-02-29', 3 * DAY + 750],
    ['2000-02-29 23:00', '2000-02-29', 1 * DAY + 1380],
    ['2026-12-31 18:15:00', '2026-12-31', 3 * DAY + 1095],
  ])('reads %j as %s, minute %i of the week', (value, date, minuteOfWeek) => {
    expect(parseCallDate(value)).toEqual({ date, minuteOfWeek });
  });

  it.each([
    [undefined],
    [''],
    ['   '],
    ['garbage'],
    ['2026-11-24'],
    ['10:00:00'],
    ['2026-02-30 10:00:00'],
    ['2025-02-29 10:00:00'],
    ['1900-02-29 10:00:00'],
    ['2026-04-31 10:00:00'],
    ['2026-13-01 10:00:00'],
    ['2026-00-10 10:00:00'],
    ['2026-11-00 10:00:00'],
    ['2026-11-24 24:00:00'],
    ['2026-11-24 10:60:00'],
    ['2026-11-24 10:00:60'],
    ['2026-11-24 1a:00:00'],
    ['2026-11-24 10:00:0x'],
    ['2026-11-24 10:00:0'],
    ['2026-11-24  10:00:00'],
    ['2026-11-24t10:00:00'],
    ['2026-11-24_10:00:00'],
    ['2026/11/24 10:00:00'],
    ['2026-11-24 10.00.00'],
    ['+026-11-24 10:00:00'],
    ['2026-11-24 10:00:00Z'],
    ['2026-11-24 10:00:00.000'],
    ['1732442400'],
  ])('rejects %j', (value) => {
    expect(parseCallDate(value)).toBeNull();
  });

  it('rejects a value that is not a string', () => {
    expect(parseCallDate(20261124 as unknown as string)).toBeNull();
  });

  it('agrees with Date on the weekday of every day from 1999 to 2100', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2101, 0, 1); ms += 86_400_000) {
      const d = new Date(ms);
      const expected = (d.getUTCDay() + 6) % 7;
      const got = weekday(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      if (got !== expected) mismatches.push(d.toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});

describe('localTimeAt', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['before Kyiv springs forward', '2026-03-29T00:59:00Z', '2026-03-29', 6 * DAY + 2 * 60 + 59],
    ['when Kyiv springs forward', '2026-03-29T01:00:00Z', '2026-03-29', 6 * DAY + 4 * 60],
    ['before Kyiv falls back', '2026-10-25T00:59:00Z', '2026-10-25', 6 * DAY + 3 * 60 + 59],
    ['when Kyiv falls back', '2026-10-25T01:00:00Z', '2026-10-25', 6 * DAY + 3 * 60],
    ['in Kyiv winter', '2026-01-13T08:00:00Z', '2026-01-13', 1 * DAY + 10 * 60],
    ['in Kyiv summer', '2026-07-14T07:00:00Z', '2026-07-14', 1 * DAY + 10 * 60],
    ['at Kyiv Sunday 23:59', '2026-01-04T21:59:59Z', '2026-01-04', 10079],
    ['at Kyiv Monday 00:00', '2026-01-04T22:00:00Z', '2026-01-05', 0],
    ['at Kyiv midnight on a weekday', '2026-06-09T21:00:00Z', '2026-06-10', 2 * DAY],
  ])('reads the wall clock %s', (_name, iso, date, minuteOfWeek) => {
    expect(localTimeAt(Date.parse(iso), 'Europe/Kyiv')).toEqual({ date, minuteOfWeek });
  });

  it.each([
    ['2026-01-05T04:00:00Z', '2026-01-05', 9 * 60],
    ['2026-07-13T04:00:00Z', '2026-07-13', 9 * 60],
    ['2026-01-04T18:59:00Z', '2026-01-04', 10079],
    ['2026-01-04T19:00:00Z', '2026-01-05', 0],
  ])('reads Asia/Almaty (UTC+5 all year) at %s', (iso, date, minuteOfWeek) => {
    expect(localTimeAt(Date.parse(iso), 'Asia/Almaty')).toEqual({ date, minuteOfWeek });
  });

  it.each([
    ['2026-01-04T23:59:59.999Z', '2026-01-04', 10079],
    ['2026-01-05T00:00:00Z', '2026-01-05', 0],
  ])('reads the week edge in UTC at %s', (iso, date, minuteOfWeek) => {
    expect(localTimeAt(Date.parse(iso), 'UTC')).toEqual({ date, minuteOfWeek });
  });

  it('answers the cached object without formatting again within the same minute', () => {
    const first = localTimeAt(Date.parse('2026-05-05T06:30:00Z'), 'Europe/Kyiv');
    const format = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const again = localTimeAt(Date.parse('2026-05-05T06:30:59.999Z'), 'Europe/Kyiv');
    expect(again).toBe(first);
    expect(again).toEqual({ date: '2026-05-05', minuteOfWeek: 1 * DAY + 9 * 60 + 30 });
    expect(format).not.toHaveBeenCalled();
  });

  it('recomputes when the minute changes', () => {
    const before = localTimeAt(Date.parse('2026-05-05T20:59:30Z'), 'Europe/Kyiv');
    const after = localTimeAt(Date.parse('2026-05-05T21:00:00Z'), 'Europe/Kyiv');
    expect(before).toEqual({ date: '2026-05-05', minuteOfWeek: 1 * DAY + 23 * 60 + 59 });
    expect(after).toEqual({ date: '2026-05-06', minuteOfWeek: 2 * DAY });
  });

  it('keeps a separate cache per zone when zones alternate within one minute', () => {
    const instant = Date.parse('2026-05-05T06:30:10Z');
    const kyiv = localTimeAt(instant, 'Europe/Kyiv');
    const almaty = localTimeAt(instant + 1000, 'Asia/Almaty');
    const kyivAgain = localTimeAt(instant + 2000, 'Europe/Kyiv');
    expect(kyiv).toEqual({ date: '2026-05-05', minuteOfWeek: 1 * DAY + 9 * 60 + 30 });
    expect(almaty).toEqual({ date: '2026-05-05', minuteOfWeek: 1 * DAY + 11 * 60 + 30 });
    expect(kyivAgain).toBe(kyiv);
  });

  it('recomputes a zone whose cached minute is stale after another zone was used', () => {
    localTimeAt(Date.parse('2026-05-05T06:30:00Z'), 'Europe/Kyiv');
    localTimeAt(Date.parse('2026-05-05T06:31:00Z'), 'Asia/Almaty');
    expect(localTimeAt(Date.parse('2026-05-05T06:32:00Z'), 'Europe/Kyiv')).toEqual({
      date: '2026-05-05',
      minuteOfWeek: 1 * DAY + 9 * 60 + 32,
    });
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => localTimeAt(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('calendarDay', () => {
  it('counts days from 1970-01-01, before it too', () => {
    expect(calendarDay('1970-01-01')).toBe(0);
    expect(calendarDay('1970-01-02')).toBe(1);
    expect(calendarDay('1969-12-31')).toBe(-1);
    expect(calendarDay('2026-12-01')).toBe(Date.UTC(2026, 11, 1) / 86_400_000);
  });

  it('knows leap years: 2024 and 2000 have 29 February, 2100 and 2026 do not', () => {
    expect(calendarDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(calendarDay('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(calendarDay('2100-02-29')).toBeNull();
    expect(calendarDay('2026-02-29')).toBeNull();
  });

  it.each([
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-04-00',
    '2026-4-01',
    '2026-04-01 ',
    '2026/04/01',
    '２０２６-04-01',
    '',
  ])('%j is no date', (text) => {
    expect(calendarDay(text)).toBeNull();
  });
});
