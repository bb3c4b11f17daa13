// The reference interpreter's clock and schedules (see reference.ts): `hours` evaluated straight
// from the YAML, day by day and range by range, with no bitmap and nothing shared with src/router.

/** One schedule entry as written: `HH:MM-HH:MM` ranges for a day key, or the `closed` dates. */
type Schedule = string | Schedule[] | { [key: string]: Schedule };

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Whether a schedule as written in YAML is open at local time `t`: closed dates first, then every range. */
export function referenceIsOpen(schedule: Record<string, Schedule>, t: LocalTime): boolean {
  if (strings(schedule.closed ?? []).includes(t.date)) return false;
  const yesterday = (t.day + 6) % 7;
  for (const [key, ranges] of Object.entries(schedule)) {
    if (key === 'closed') continue;
    const days = dayRange(key);
    for (const range of strings(ranges)) {
      const [start, end] = range.split('-').map(minutes) as [number, number];
      if (start < end && days.includes(t.day) && t.minute >= start && t.minute < end) return true;
      // An end before the start spills past midnight into the next day.
      if (end < start && days.includes(t.day) && t.minute >= start) return true;
      if (end < start && days.includes(yesterday) && t.minute < end) return true;
    }
  }
  return false;
}

/** `mon`, `mon-fri`, or a wrapping range like `fri-mon`, as day numbers (Monday = 0). */
function dayRange(key: string): number[] {
  const [first, last = first] = key.split('-').map((d) => DAYS.indexOf(d)) as [number, number?];
  const days = [first];
  let day = first;
  while (day !== last) {
    day = (day + 1) % 7;
    days.push(day);
  }
  return days;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** A local wall-clock time. */
export interface LocalTime {
  date: string;
  /** Monday = 0. */
  day: number;
  minute: number;
}

/** The call's wall-clock time: a valid `date` parameter (YYYY-MM-DD HH:MM:SS, trimmed) as written, else `nowMs` in `zone`. */
export function referenceLocalTime(
  zone: string,
  date: string | undefined,
  nowMs: number,
): LocalTime {
  const written = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec((date ?? '').trim());
  if (written) {
    const [y, mo, d, h, mi, s] = written.slice(1).map(Number) as number[];
    const real = utc(y!, mo!, d!);
    const exists = real.getUTCMonth() === mo! - 1 && real.getUTCDate() === d!;
    if (exists && h! <= 23 && mi! <= 59 && s! <= 59) return wallClock(y!, mo!, d!, h!, mi!);
  }
  const parts = zoneFormat(zone).formatToParts(nowMs);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return wallClock(part('year'), part('month'), part('day'), part('hour'), part('minute'));
}

const formats = new Map<string, Intl.DateTimeFormat>();

// Cached only because building a DateTimeFormat costs tens of microseconds per call.
function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (format === undefined) {
    const numeric = 'numeric' as const;
    const fields = { year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric };
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...fields });
    formats.set(zone, format);
  }
  return format;
}

function wallClock(y: number, mo: number, d: number, h: number, mi: number): LocalTime {
  const date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { date, day: (utc(y, mo, d).getUTCDay() + 6) % 7, minute: h * 60 + mi };
}

/** Midnight UTC of a calendar date; setUTCFullYear, because Date.UTC maps years 0-99 to 1900+. */
function utc(y: number, mo: number, d: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date;
}

function strings(value: Schedule): string[] {
  return (Array.isArray(value) ? value : [value]).map((v) => `${v}`);
}
