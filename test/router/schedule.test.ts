import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { emitSchedule } from '../../src/compiler/emit/emit-table.ts';
import { compileSchedule, type TextAt } from '../../src/compiler/lower/lower-hours.ts';
import { type LocalTime, localTimeAt, parseCallDate } from '../../src/router/clock.ts';
import { isOpen, loadSchedule, ScheduleDataError } from '../../src/router/schedule.ts';

const FILE = 'routes/sales.yaml';

function at(text: string, line: number): TextAt {
  return { text, loc: { file: FILE, line, col: 5 } };
}

/** office: mon-fri 09:00-18:00, sat 10:00-14:00, fri 22:00-02:00, closed on two holidays. */
const office = compileSchedule({
  name: 'office',
  loc: { file: FILE, line: 2, col: 3 },
  days: [
    { key: at('mon-fri', 3), ranges: [at('09:00-18:00', 3)] },
    { key: at('sat', 4), ranges: [at('10:00-14:00', 4)] },
    { key: at('fri', 5), ranges: [at('22:00-02:00', 5)] },
  ],
  closed: [at('2026-01-07', 6), at('2026-01-01', 6), at('2026-01-10', 6)],
});

function call(date: string): LocalTime {
  const time = parseCallDate(date);
  if (time === null) throw new Error(`bad test date ${date}`);
  return time;
}

describe('loadSchedule', () => {
  it('decodes the compiled bitmap and closed dates', () => {
    expect(office.problems).toEqual([]);
    const schedule = loadSchedule(emitSchedule(office.data));
    expect(schedule.name).toBe('office');
    expect(schedule.week).toBeInstanceOf(Uint8Array);
    expect(schedule.week.length).toBe(1260);
    expect([...schedule.closed]).toEqual(['2026-01-01', '2026-01-07', '2026-01-10']);
  });

  it('rejects a bitmap of the wrong size', () => {
    const data = { name: 'office', week: Buffer.alloc(100).toString('base64'), closed: [] };
    let thrown: unknown;
    try {
      loadSchedule(data);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ScheduleDataError);
    expect(thrown).toMatchObject({
      name: 'ScheduleDataError',
      message: 'schedule "office": week bitmap has 100 bytes, expected 1260',
    });
  });
});

describe('isOpen', () => {
  const schedule = loadSchedule(emitSchedule(office.data));

  it.each([
    ['2026-01-05 08:59:59', false, 'Monday before opening'],
    ['2026-01-05 09:00:00', true, 'Monday at opening'],
    ['2026-01-05 17:59:59', true, 'Monday in the last open minute'],
    ['2026-01-05 18:00:00', false, 'Monday at closing'],
    ['2026-01-01 09:00:00', false, 'a holiday on an open Thursday at opening'],
    ['2026-01-01 12:00:00', false, 'a holiday on an open Thursday at noon'],
    ['2026-01-01 17:59:00', false, 'a holiday on an open Thursday before closing'],
    ['2026-01-08 12:00:00', true, 'the Thursday after the holiday'],
    ['2026-01-02 12:00:00', true, 'the Friday after the holiday'],
    ['2026-01-07 12:00:00', false, 'a holiday on an open Wednesday'],
    ['2026-01-14 12:00:00', true, 'the Wednesday after that holiday'],
    ['2026-01-03 11:00:00', true, 'Saturday in hours'],
    ['2026-01-10 11:00:00', false, 'a Saturday holiday in hours'],
    ['2026-01-04 12:00:00', false, 'Sunday'],
    ['2026-01-02 23:00:00', true, 'Friday night past 22:00'],
    ['2026-01-03 01:30:00', true, 'Saturday early morning from the Friday night range'],
    ['2026-01-10 01:30:00', false, 'a closed Saturday, even inside the Friday night range'],
    ['2026-01-09 23:00:00', true, 'the Friday night before a closed Saturday'],
  ])('answers %s open: %s (%s)', (date, open) => {
    expect(isOpen(schedule, call(date))).toBe(open);
  });

  it('agrees with the round trip through localTimeAt', () => {
    // 2026-01-05 07:00Z is Monday 09:00 in Kyiv (UTC+2 in winter); 2026-01-01 is a holiday.
    expect(isOpen(schedule, localTimeAt(Date.parse('2026-01-05T07:00:00Z'), 'Europe/Kyiv'))).toBe(
      true,
    );
    expect(isOpen(schedule, localTimeAt(Date.parse('2026-01-05T06:59:00Z'), 'Europe/Kyiv'))).toBe(
      false,
    );
    expect(isOpen(schedule, localTimeAt(Date.parse('2026-01-01T10:00:00Z'), 'Europe/Kyiv'))).toBe(
      false,
    );
  });

  it('treats a minute outside the week as closed', () => {
    const always = compileSchedule({
      name: 'always',
      loc: { file: FILE, line: 2, col: 3 },
      days: [{ key: at('mon-sun', 3), ranges: [at('00:00-24:00', 3)] }],
      closed: [],
    });
    const loaded = loadSchedule(emitSchedule(always.data));
    expect(isOpen(loaded, { date: '2026-01-05', minuteOfWeek: 0 })).toBe(true);
    expect(isOpen(loaded, { date: '2026-01-05', minuteOfWeek: 10079 })).toBe(true);
    expect(isOpen(loaded, { date: '2026-01-05', minuteOfWeek: 10080 })).toBe(false);
    expect(isOpen(loaded, { date: '2026-01-05', minuteOfWeek: -1 })).toBe(false);
  });
});
