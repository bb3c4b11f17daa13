// Run time: a compiled weekly schedule and the open/closed test `hours:` conditions use.
import { Buffer } from 'node:buffer';
import type { LocalTime } from './clock.ts';
import type { ScheduleData } from './types.ts';

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;
/** Minutes in a week: minute-of-week runs from 0 (Monday 00:00) to 10079 (Sunday 23:59). */
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** Bytes in the week bitmap, one bit per minute. */
export const WEEK_BYTES = MINUTES_PER_WEEK / 8;

/** A loaded schedule: the minute-of-week bitmap and the local dates closed all day. */
export interface Schedule {
  name: string;
  week: Uint8Array;
  closed: Set<string>;
}

/** Raised when a compiled table holds a schedule the compiler could not have written. */
export class ScheduleDataError extends Error {
  override name = 'ScheduleDataError';
}

/** Decodes compiled schedule data once, at cold start, into the form `isOpen` reads. */
export function loadSchedule(data: ScheduleData): Schedule {
  const bytes = Buffer.from(data.week, 'base64');
  if (bytes.length !== WEEK_BYTES) {
    throw new ScheduleDataError(
      `schedule "${data.name}": week bitmap has ${bytes.length} bytes, expected ${WEEK_BYTES}`,
    );
  }
  // Copy out of Buffer's shared pool so the schedule owns exactly its 1260 bytes.
  return { name: data.name, week: new Uint8Array(bytes), closed: new Set(data.closed) };
}

/** True when `time` falls in an open minute of `schedule` and not on one of its closed dates. */
export function isOpen(
  schedule: Schedule,
  time: Pick<LocalTime, 'date' | 'minuteOfWeek'>,
): boolean {
  if (schedule.closed.size !== 0 && schedule.closed.has(time.date)) return false;
  const m = time.minuteOfWeek;
  // An out-of-range minute reads `undefined` and so counts as closed rather than throwing.
  return (((schedule.week[m >> 3] ?? 0) >> (m & 7)) & 1) === 1;
}
