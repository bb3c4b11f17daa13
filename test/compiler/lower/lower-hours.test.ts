import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { emitSchedule } from '../../../src/compiler/emit/emit-table.ts';
import {
  compileSchedule,
  type LoweredSchedule as ScheduleData,
  type ScheduleInput,
  type TextAt,
} from '../../../src/compiler/lower/lower-hours.ts';
import { type Problem, sortProblems } from '../../../src/compiler/problem.ts';

const FILE = 'routes/sales.yaml';
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A YAML value at `line:col` of the fixture file. */
function at(text: string, line: number, col = 5): TextAt {
  return { text, loc: { file: FILE, line, col } };
}

/** A schedule named `office` whose key sits at line 2. */
function office(days: ScheduleInput['days'], closed: TextAt[] = []): ScheduleInput {
  return { name: 'office', loc: { file: FILE, line: 2, col: 3 }, days, closed };
}

/** A day key with its ranges, each on its own line after the key (or inline when given). */
function day(key: string, line: number, ...ranges: (string | TextAt)[]) {
  return {
    key: at(key, line, 5),
    ranges: ranges.map((r) => (typeof r === 'string' ? at(r, line, 14) : r)),
  };
}

function minute(dayName: string, time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return DAYS.indexOf(dayName) * 1440 + h * 60 + m;
}

function bits(data: ScheduleData): Uint8Array {
  return data.week;
}

function isSet(data: ScheduleData, m: number): boolean {
  return ((bits(data)[m >> 3]! >> (m & 7)) & 1) === 1;
}

function openCount(data: ScheduleData): number {
  let n = 0;
  for (const byte of bits(data)) for (let b = 0; b < 8; b++) n += (byte >> b) & 1;
  return n;
}

function err(line: number, col: number, message: string): Problem {
  return { file: FILE, line, col, message, severity: 'error' };
}

function warn(line: number, col: number, message: string): Problem {
  return { file: FILE, line, col, message, severity: 'warning' };
}

describe('compileSchedule bitmap', () => {
  const weekdays = compileSchedule(
    office([day('mon-fri', 3, '09:00-18:00'), day('sat', 4, '10:00-14:00')]),
  );

  it('compiles a valid schedule without problems into 1260 bytes', () => {
    expect(weekdays.problems).toEqual([]);
    expect(weekdays.data.name).toBe('office');
    expect(bits(weekdays.data).length).toBe(1260);
    expect(openCount(weekdays.data)).toBe(5 * 540 + 240);
  });

  it.each([
    ['mon', '08:59', false],
    ['mon', '09:00', true],
    ['mon', '17:59', true],
    ['mon', '18:00', false],
    ['fri', '09:00', true],
    ['fri', '17:59', true],
    ['sat', '09:59', false],
    ['sat', '10:00', true],
    ['sat', '13:59', true],
    ['sat', '14:00', false],
    ['sun', '12:00', false],
  ])('marks %s %s open: %s', (d, time, open) => {
    expect(isSet(weekdays.data, minute(d, time))).toBe(open);
  });

  it('opens through the last minute of the day when a range ends at 24:00', () => {
    const { data, problems } = compileSchedule(office([day('sun', 3, '18:00-24:00')]));
    expect(problems).toEqual([]);
    expect([isSet(data, 10079), isSet(data, 0), isSet(data, minute('sun', '17:59'))]).toEqual([
      true,
      false,
      false,
    ]);
    expect(openCount(data)).toBe(360);
  });

  it('opens every minute of the week for mon-sun 00:00-24:00', () => {
    const lowered = compileSchedule(office([day('mon-sun', 3, '00:00-24:00')]));
    const { problems } = lowered;
    const data = emitSchedule(lowered.data);
    expect(problems).toEqual([]);
    expect(data.week).toBe(Buffer.alloc(1260, 0xff).toString('base64'));
  });

  it.each([
    ['fri', '21:59', false],
    ['fri', '22:00', true],
    ['fri', '23:59', true],
    ['sat', '00:00', true],
    ['sat', '01:59', true],
    ['sat', '02:00', false],
  ])('runs fri 22:00-02:00 past midnight: %s %s open: %s', (d, time, open) => {
    const { data } = compileSchedule(office([day('fri', 3, '22:00-02:00')]));
    expect(isSet(data, minute(d, time))).toBe(open);
    expect(openCount(data)).toBe(240);
  });

  it('wraps a past-midnight Sunday range into Monday morning', () => {
    const { data, problems } = compileSchedule(office([day('sun', 3, '23:00-01:00')]));
    expect(problems).toEqual([]);
    const probes = [minute('sun', '22:59'), minute('sun', '23:00'), 10079, 0, 59, 60];
    expect(probes.map((m) => isSet(data, m))).toEqual([false, true, true, true, true, false]);
  });

  it('treats a range ending at 00:00 as running to midnight', () => {
    const { data } = compileSchedule(office([day('mon', 3, '22:00-00:00')]));
    expect([isSet(data, minute('mon', '23:59')), isSet(data, minute('tue', '00:00'))]).toEqual([
      true,
      false,
    ]);
  });

  it.each([
    ['mon', true],
    ['tue', false],
    ['wed', false],
    ['thu', false],
    ['fri', true],
    ['sat', true],
    ['sun', true],
  ])('wraps the day range fri-mon: %s open: %s', (d, open) => {
    const { data } = compileSchedule(office([day('fri-mon', 3, '10:00-11:00')]));
    expect(isSet(data, minute(d, '10:30'))).toBe(open);
    expect(openCount(data)).toBe(4 * 60);
  });

  it.each([
    ['12:59', true],
    ['13:00', false],
    ['13:59', false],
    ['14:00', true],
    ['17:59', true],
  ])('opens each range of a list: mon %s open: %s', (time, open) => {
    const { data } = compileSchedule(office([day('mon', 3, '09:00-13:00', '14:00-18:00')]));
    expect(isSet(data, minute('mon', time))).toBe(open);
  });

  it('accepts the same day in two keys and touching ranges when no minute is shared', () => {
    const input = office([
      day('mon-fri', 3, '09:00-13:00', '13:00-14:00'),
      day('fri', 4, '14:00-18:00'),
      day('thu', 5, '18:00-09:00'),
    ]);
    const { data, problems } = compileSchedule(input);
    expect(problems).toEqual([]);
    expect(isSet(data, minute('fri', '15:00'))).toBe(true);
    expect(isSet(data, minute('thu', '15:00'))).toBe(false);
  });

  it('sorts and de-duplicates closed dates', () => {
    const closed = [at('2026-01-07', 6), at('2026-01-01', 7), at('2026-01-07', 8)];
    const { data } = compileSchedule(office([day('mon', 3, '09:00-18:00')], closed));
    expect(data.closed).toEqual(['2026-01-01', '2026-01-07']);
  });

  it('accepts 29 February only in leap years', () => {
    const closed = [at('2024-02-29', 6), at('2000-02-29', 7), at('1900-02-29', 8)];
    const { data, problems } = compileSchedule(office([day('mon', 3, '09:00-18:00')], closed));
    expect(data.closed).toEqual(['2000-02-29', '2024-02-29']);
    expect(problems).toEqual([err(8, 5, 'hours "office": "1900-02-29" is not a valid date')]);
  });
});

describe('compileSchedule problems', () => {
  const never = 'hours "office" is never open';
  const days = 'days are mon, tue, wed, thu, fri, sat, sun, or a range like mon-fri';
  it.each<[string, ScheduleInput, Problem[]]>([
    [
      'an unknown day',
      office([day('monday', 3, '09:00-18:00')]),
      [err(3, 5, `hours "office": "monday" is not a day or day range (${days})`)],
    ],
    [
      'an unknown day at the end of a range',
      office([day('mon-funday', 3, '09:00-18:00')]),
      [err(3, 5, `hours "office": "mon-funday" is not a day or day range (${days})`)],
    ],
    [
      'a day range with three days',
      office([day('mon-tue-wed', 3, '09:00-18:00')]),
      [err(3, 5, `hours "office": "mon-tue-wed" is not a day or day range (${days})`)],
    ],
    [
      'a range that is not HH:MM-HH:MM',
      office([day('mon', 3, '9:00-18:00')]),
      [
        err(
          3,
          14,
          'hours "office": "9:00-18:00" is not a time range HH:MM-HH:MM (like "09:00-18:00")',
        ),
      ],
    ],
    [
      'an hour past 23',
      office([day('mon', 3, '25:00-26:00')]),
      [
        err(
          3,
          14,
          'hours "office": "25:00-26:00" has an invalid time 25:00 (hours 00-23, minutes 00-59)',
        ),
      ],
    ],
    [
      'minute 60',
      office([day('mon', 3, '09:00-18:60')]),
      [
        err(
          3,
          14,
          'hours "office": "09:00-18:60" has an invalid time 18:60 (hours 00-23, minutes 00-59)',
        ),
      ],
    ],
    [
      'an end past 24:00',
      office([day('mon', 3, '09:00-24:30')]),
      [
        err(
          3,
          14,
          'hours "office": "09:00-24:30" has an invalid time 24:30 (hours 00-23, minutes 00-59)',
        ),
      ],
    ],
    [
      'a start at 24:00',
      office([day('mon', 3, '24:00-02:00')]),
      [
        err(
          3,
          14,
          'hours "office": "24:00-02:00" starts at 24:00, which can only end a range (start at 00:00)',
        ),
      ],
    ],
    [
      'an empty range',
      office([day('mon', 3, '09:00-09:00')]),
      [err(3, 14, 'hours "office": "09:00-09:00" is empty: it starts and ends at the same time')],
    ],
    [
      'a range overlapping one from another key',
      office([day('mon-fri', 5, '09:00-18:00'), day('fri', 6, '10:00-12:00')]),
      [err(6, 14, 'hours "office": fri 10:00-12:00 overlaps mon-fri 09:00-18:00 (line 5)')],
    ],
    [
      'a past-midnight range spilling into the next day',
      office([day('fri', 4, '22:00-02:00'), day('sat', 5, '01:00-05:00')]),
      [err(5, 14, 'hours "office": sat 01:00-05:00 overlaps fri 22:00-02:00 (line 4)')],
    ],
    [
      'a Sunday range spilling into Monday',
      office([day('mon', 3, '00:00-08:00'), day('sun', 4, '23:00-00:30')]),
      [err(4, 14, 'hours "office": sun 23:00-00:30 overlaps mon 00:00-08:00 (line 3)')],
    ],
    [
      'two overlapping ranges in one list, on separate lines',
      office([day('mon', 3, at('09:00-13:00', 4, 7), at('12:00-14:00', 5, 7))]),
      [err(5, 7, 'hours "office": mon 12:00-14:00 overlaps mon 09:00-13:00 (line 4)')],
    ],
    [
      'ranges overlapping on every weekday, once per pair',
      office([day('mon-fri', 3, '09:00-18:00'), day('mon-sun', 4, '10:00-11:00')]),
      [err(4, 14, 'hours "office": mon-sun 10:00-11:00 overlaps mon-fri 09:00-18:00 (line 3)')],
    ],
    [
      'three mutually overlapping ranges, each pair',
      office([
        day('mon', 3, '09:00-12:00'),
        day('mon', 4, '10:00-13:00'),
        day('mon-tue', 5, '11:00-11:30'),
      ]),
      [
        err(4, 14, 'hours "office": mon 10:00-13:00 overlaps mon 09:00-12:00 (line 3)'),
        err(5, 14, 'hours "office": mon-tue 11:00-11:30 overlaps mon 09:00-12:00 (line 3)'),
        err(5, 14, 'hours "office": mon-tue 11:00-11:30 overlaps mon 10:00-13:00 (line 4)'),
      ],
    ],
    [
      'a date that is not in the calendar',
      office([day('mon', 3, '09:00-18:00')], [at('2026-02-30', 6, 12)]),
      [err(6, 12, 'hours "office": "2026-02-30" is not a valid date')],
    ],
    [
      'month 13',
      office([day('mon', 3, '09:00-18:00')], [at('2026-13-01', 6)]),
      [err(6, 5, 'hours "office": "2026-13-01" is not a valid date')],
    ],
    [
      'a date without leading zeros',
      office([day('mon', 3, '09:00-18:00')], [at('2026-1-1', 6)]),
      [err(6, 5, 'hours "office": "2026-1-1" is not a valid date')],
    ],
    [
      'a duplicate closed date',
      office([day('mon', 3, '09:00-18:00')], [at('2026-01-01', 6), at('2026-01-01', 9)]),
      [warn(9, 5, 'hours "office": closed date "2026-01-01" is listed twice (first on line 6)')],
    ],
    ['a schedule with no days', office([]), [warn(2, 3, never)]],
    ['a schedule with only closed dates', office([], [at('2026-01-01', 6)]), [warn(2, 3, never)]],
  ])('reports %s', (_name, input, expected) => {
    expect(compileSchedule(input).problems).toEqual(expected);
  });

  it('does not call a schedule never open when its only range was rejected', () => {
    const { data, problems } = compileSchedule(office([day('mon', 3, '09:00-09:00')]));
    expect(problems.map((p) => p.message)).toEqual([
      'hours "office": "09:00-09:00" is empty: it starts and ends at the same time',
    ]);
    expect(openCount(data)).toBe(0);
  });

  it('reports every problem of a schedule at once and still compiles its valid ranges', () => {
    const input = office(
      [
        day('mon-fri', 3, '09:00-18:00'),
        day('wkd', 4, '10:00-14:00'),
        day('sat', 5, '10:00-14:00', '14:00-14:00', '13:00-15:00'),
        day('fri', 6, '17:00-19:00'),
      ],
      [at('2026-01-01', 7), at('2026-02-30', 8), at('2026-01-01', 9)],
    );
    const { data, problems } = compileSchedule(input);
    expect(sortProblems(problems)).toEqual([
      err(4, 5, `hours "office": "wkd" is not a day or day range (${days})`),
      err(5, 14, 'hours "office": "14:00-14:00" is empty: it starts and ends at the same time'),
      err(5, 14, 'hours "office": sat 13:00-15:00 overlaps sat 10:00-14:00 (line 5)'),
      err(6, 14, 'hours "office": fri 17:00-19:00 overlaps mon-fri 09:00-18:00 (line 3)'),
      err(8, 5, 'hours "office": "2026-02-30" is not a valid date'),
      warn(9, 5, 'hours "office": closed date "2026-01-01" is listed twice (first on line 7)'),
    ]);
    expect(isSet(data, minute('mon', '09:00'))).toBe(true);
    expect(data.closed).toEqual(['2026-01-01']);
  });

  it('names the schedule in every message', () => {
    const input = { ...office([day('mon', 3, '09:00-09:00')]), name: 'night-shift' };
    expect(compileSchedule(input).problems[0]?.message).toBe(
      'hours "night-shift": "09:00-09:00" is empty: it starts and ends at the same time',
    );
  });
});
