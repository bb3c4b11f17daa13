// Lower pass: one named `hours` schedule to a minute-of-week bitmap plus closed dates.
import { calendarDay } from '../../router/clock.ts';
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, WEEK_BYTES } from '../../router/schedule.ts';
import type { TextAt } from '../model/ir.ts';
import type { Loc, Problem } from '../problem.ts';
import { error, warning } from '../problem.ts';

export type { TextAt } from '../model/ir.ts';

/** One schedule as read from YAML, every key and value with its location, in source order. */
export interface ScheduleInput {
  name: string;
  loc: Loc;
  days: { key: TextAt; ranges: TextAt[] }[];
  closed: TextAt[];
}

/** A lowered schedule: bit m of `week` (byte m >> 3, bit m & 7) is set when minute-of-week m is open. */
export interface LoweredSchedule {
  name: string;
  week: Uint8Array;
  /** Sorted distinct local dates closed all day. */
  closed: string[];
}

/** Lowers one schedule, collecting every problem instead of throwing. */
export function compileSchedule(input: ScheduleInput): {
  data: LoweredSchedule;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const prefix = `hours "${input.name}": `;
  const spans = collectSpans(input, prefix, problems);
  reportOverlaps(spans, prefix, problems);
  const week = new Uint8Array(WEEK_BYTES);
  for (const span of spans) {
    for (const [from, to] of span.minutes) {
      for (let m = from; m < to; m++) week[m >> 3]! |= 1 << (m & 7);
    }
  }
  // Only when nothing was rejected: a schedule emptied by its own errors is already reported.
  if (spans.length === 0 && problems.length === 0) {
    problems.push(warning(input.loc, `hours "${input.name}" is never open`));
  }
  const closed = compileClosed(input.closed, prefix, problems);
  const data = { name: input.name, week, closed };
  return { data, problems };
}

/** The day names in minute-of-week order (Monday first). */
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Days (0 = Monday) named by a key like `mon`, `mon-fri` or the wrapping `fri-mon`; null if unknown. */
export function parseDays(key: string): number[] | null {
  const parts = key.split('-');
  if (parts.length > 2) return null;
  const first = dayIndex(parts[0]);
  const last = parts.length === 2 ? dayIndex(parts[1]) : first;
  if (first < 0 || last < 0) return null;
  const days = [first];
  for (let d = first; d !== last; ) {
    d = (d + 1) % 7;
    days.push(d);
  }
  return days;
}

/** A range `HH:MM-HH:MM` as start/end minutes of the day, or the reason it is invalid. */
export function parseTimeRange(text: string): { start: number; end: number } | { reason: string } {
  const match = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(text);
  if (match === null) {
    return { reason: `"${text}" is not a time range HH:MM-HH:MM (like "09:00-18:00")` };
  }
  const start = clockMinutes(match[1]!);
  const end = clockMinutes(match[2]!);
  if (start === MINUTES_PER_DAY) {
    return { reason: `"${text}" starts at 24:00, which can only end a range (start at 00:00)` };
  }
  const bad = start < 0 ? match[1] : end < 0 ? match[2] : null;
  if (bad !== null) {
    return { reason: `"${text}" has an invalid time ${bad} (hours 00-23, minutes 00-59)` };
  }
  if (start === end) return { reason: `"${text}" is empty: it starts and ends at the same time` };
  return { start, end };
}

/** One valid range applied to its days: half-open minute-of-week intervals, none crossing 10080. */
interface Span {
  label: string;
  loc: Loc;
  minutes: [number, number][];
}

function collectSpans(input: ScheduleInput, prefix: string, problems: Problem[]): Span[] {
  const spans: Span[] = [];
  for (const { key, ranges } of input.days) {
    const days = parseDays(key.text);
    if (days === null) {
      const hint = 'days are mon, tue, wed, thu, fri, sat, sun, or a range like mon-fri';
      problems.push(error(key.loc, `${prefix}"${key.text}" is not a day or day range (${hint})`));
    }
    for (const range of ranges) {
      const parsed = parseTimeRange(range.text);
      if ('reason' in parsed) problems.push(error(range.loc, prefix + parsed.reason));
      else if (days !== null) spans.push(toSpan(key.text, range, days, parsed.start, parsed.end));
    }
  }
  return spans;
}

function toSpan(key: string, range: TextAt, days: number[], start: number, end: number): Span {
  // An end at or before the start runs past midnight into the next day (Sunday into Monday).
  const length = end > start ? end - start : end + MINUTES_PER_DAY - start;
  const minutes: [number, number][] = [];
  for (const day of days) {
    const from = day * MINUTES_PER_DAY + start;
    const to = from + length;
    if (to <= MINUTES_PER_WEEK) minutes.push([from, to]);
    else minutes.push([from, MINUTES_PER_WEEK], [0, to - MINUTES_PER_WEEK]);
  }
  return { label: `${key} ${range.text}`, loc: range.loc, minutes };
}

function reportOverlaps(spans: Span[], prefix: string, problems: Problem[]): void {
  spans.forEach((later, j) => {
    for (const earlier of spans.slice(0, j)) {
      if (!intersects(earlier, later)) continue;
      const message = `${prefix}${later.label} overlaps ${earlier.label} (line ${earlier.loc.line})`;
      problems.push(error(later.loc, message));
    }
  });
}

function intersects(a: Span, b: Span): boolean {
  return a.minutes.some(([af, at]) => b.minutes.some(([bf, bt]) => af < bt && bf < at));
}

function compileClosed(closed: TextAt[], prefix: string, problems: Problem[]): string[] {
  const first = new Map<string, Loc>();
  for (const { text, loc } of closed) {
    const seen = first.get(text);
    if (calendarDay(text) === null)
      problems.push(error(loc, `${prefix}"${text}" is not a valid date`));
    else if (seen === undefined) first.set(text, loc);
    else {
      const message = `${prefix}closed date "${text}" is listed twice (first on line ${seen.line})`;
      problems.push(warning(loc, message));
    }
  }
  return [...first.keys()].sort();
}

function dayIndex(name: string | undefined): number {
  return DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]);
}

/** Minutes since midnight of `HH:MM`; 1440 for `24:00`; -1 when out of range. */
function clockMinutes(time: string): number {
  const hours = Number(time.slice(0, 2));
  const minutes = Number(time.slice(3));
  if (hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  return hours > 23 || minutes > 59 ? -1 : hours * 60 + minutes;
}
