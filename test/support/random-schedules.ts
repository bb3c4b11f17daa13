// Random but valid `hours` schedules (no overlapping ranges, which the compiler rejects): office-like
// weeks, split days, nights past midnight, wrapping day ranges, 24:00 ends, odd minutes, closed dates.
import type { Rng } from './random-values.ts';

/** The YAML lines of one schedule's body (`mon-fri: "09:00-18:00"`, `closed: [...]`). */
export function randomSchedule(rng: Rng, dates: readonly string[]): string[] {
  const lines = rng
    .pick(SHAPES)(rng)
    .map(([days, ranges]) => `${days}: ${ranges}`);
  if (rng.chance(0.5)) {
    const closed = [rng.pick(dates), rng.pick(dates)].filter((d, i, all) => all.indexOf(d) === i);
    lines.push(`closed: [${closed.map((d) => `"${d}"`).join(', ')}]`);
  }
  return lines;
}

type Shape = (rng: Rng) => [days: string, ranges: string][];

const DAY_KEYS = ['mon', 'tue', 'sun', 'mon-fri', 'sat-sun', 'fri-mon', 'mon-sun', 'thu-tue'];

const SHAPES: Shape[] = [
  // Office hours, sometimes with a short Saturday.
  (rng) => [
    ['mon-fri', `"${hhmm(7 + rng.int(4), 0)}-${hhmm(16 + rng.int(4), rng.pick([0, 30]))}"`],
    ...(rng.chance(0.5) ? ([['sat', '"10:00-14:00"']] as [string, string][]) : []),
  ],
  // A lunch break: two ranges in one day.
  () => [['mon-fri', '["09:00-13:00", "14:00-18:30"]']],
  // Nights: every evening runs into the next morning.
  (rng) => [['mon-sun', `"${hhmm(20 + rng.int(4), 0)}-${hhmm(6 + rng.int(3), 0)}"`]],
  // A wrapping day range past midnight, plus a whole day.
  () => [
    ['fri-mon', '"20:00-02:00"'],
    ['wed', '"00:00-24:00"'],
  ],
  () => [
    ['sat-sun', '"12:00-24:00"'],
    ['tue-thu', '"08:30-17:30"'],
  ],
  // Sunday night spills into Monday, the last day of the week into the first.
  () => [
    ['sun', '"23:00-01:30"'],
    ['mon', '"09:00-17:00"'],
  ],
  // One range at odd minutes on any day key; a single range never overlaps itself (each day's
  // span is shorter than a day, and the spans start a day apart).
  (rng) => {
    const start = rng.int(24 * 60);
    let end = rng.chance(0.2) ? 24 * 60 : rng.int(24 * 60);
    if (end === start) end = (start + 1) % (24 * 60);
    return [
      [
        rng.pick(DAY_KEYS),
        `"${hhmm(Math.floor(start / 60), start % 60)}-${hhmm(Math.floor(end / 60), end % 60)}"`,
      ],
    ];
  },
];

function hhmm(hours: number, minutes: number): string {
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
