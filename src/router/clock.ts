// Run time: the call's local wall-clock time, from Ringostat's `date` parameter or the current
// instant. Both paths run once per call, so they avoid Date string parsing and per-call Intl work.

/** A local wall-clock time: the date (for closed days) and the minute of the week (for hours). */
export interface LocalTime {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Minutes since Monday 00:00 local time, 0..10079. */
  minuteOfWeek: number;
}

const DASH = 45;
const COLON = 58;
const SPACE = 32;
const UPPER_T = 84;

/**
 * Reads a `date` parameter, `YYYY-MM-DD HH:MM[:SS]` (or `T` for the space), as local wall-clock
 * time; null when absent or not a real date and time.
 */
export function parseCallDate(value: string | undefined): LocalTime | null {
  if (typeof value !== 'string') return null;
  let at = 0;
  let end = value.length;
  while (at < end && value.charCodeAt(at) <= SPACE) at++;
  while (end > at && value.charCodeAt(end - 1) <= SPACE) end--;
  const length = end - at;
  if (length !== 16 && length !== 19) return null;
  const sep = value.charCodeAt(at + 10);
  if (
    value.charCodeAt(at + 4) !== DASH ||
    value.charCodeAt(at + 7) !== DASH ||
    (sep !== SPACE && sep !== UPPER_T) ||
    value.charCodeAt(at + 13) !== COLON ||
    (length === 19 && value.charCodeAt(at + 16) !== COLON)
  ) {
    return null;
  }
  const year = digits(value, at, 4);
  const month = digits(value, at + 5, 2);
  const day = digits(value, at + 8, 2);
  const hour = digits(value, at + 11, 2);
  const minute = digits(value, at + 14, 2);
  const second = length === 19 ? digits(value, at + 17, 2) : 0;
  // digits() answers -1 for a non-digit, which every lower bound below rejects.
  if (year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  if (second < 0 || second > 59) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return localTime(value.slice(at, at + 10), year, month, day, hour * 60 + minute);
}

interface ZoneClock {
  format: Intl.DateTimeFormat;
  minute: number;
  time: LocalTime;
}

const zones = new Map<string, ZoneClock>();
let lastZone = '';
let lastClock: ZoneClock | undefined;

/**
 * The wall-clock time in IANA `timeZone` at `epochMs`, DST-correct. Answers the same object for
 * every call within one UTC minute and zone; throws RangeError for an unknown zone.
 */
export function localTimeAt(epochMs: number, timeZone: string): LocalTime {
  const minute = Math.floor(epochMs / 60_000);
  let clock = timeZone === lastZone ? lastClock : zones.get(timeZone);
  if (clock === undefined) {
    const format = zoneFormat(timeZone);
    clock = { format, minute, time: wallClock(format, minute * 60_000) };
    zones.set(timeZone, clock);
  } else if (clock.minute !== minute) {
    // Every current zone offset is whole minutes, so one UTC minute is one local minute.
    clock.time = wallClock(clock.format, minute * 60_000);
    clock.minute = minute;
  }
  lastZone = timeZone;
  lastClock = clock;
  return clock.time;
}

/**
 * Days from 1970-01-01 to the calendar date written 'YYYY-MM-DD' in `text`, or null when it is not
 * written so or names no real day (2026-02-30). The one date check of the compiler and the tools.
 */
export function calendarDay(text: string): number | null {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysSinceEpoch(year, month, day);
}

/** Days in `month` (1-12) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day of the week of a calendar date, Monday = 0 .. Sunday = 6. */
export function weekday(year: number, month: number, day: number): number {
  // 1970-01-01 was a Thursday, index 3.
  return (((daysSinceEpoch(year, month, day) + 3) % 7) + 7) % 7;
}

/** Days from 1970-01-01 to a calendar date (negative before), after Howard Hinnant's days_from_civil. */
export function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function localTime(date: string, year: number, month: number, day: number, m: number): LocalTime {
  return { date, minuteOfWeek: weekday(year, month, day) * 1440 + m };
}

/** Local wall-clock minutes since 1970-01-01 00:00 of a local time (`during` windows). */
export function epochMinute(time: LocalTime): number {
  const d = time.date;
  const days = daysSinceEpoch(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
  return days * 1440 + (time.minuteOfWeek % 1440);
}

/** The number written in `count` ASCII digits at `at`, or -1 if any of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  // h23 because `hour12: false` prints midnight as "24" in some ICU versions.
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    numberingSystem: 'latn',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
}

function wallClock(format: Intl.DateTimeFormat, epochMs: number): LocalTime {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(epochMs)) {
    const n = Number(part.value);
    if (part.type === 'year') year = n;
    else if (part.type === 'month') month = n;
    else if (part.type === 'day') day = n;
    else if (part.type === 'hour') hour = n % 24;
    else if (part.type === 'minute') minute = n;
  }
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return localTime(date, year, month, day, hour * 60 + minute);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
