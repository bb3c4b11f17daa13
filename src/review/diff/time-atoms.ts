// The classes ("atoms") of call times: times at which every `hours` and `during` condition of
// either version holds alike. The day is cut at every minute a schedule opens or closes and at
// every window end; dates are generic (any day of that weekday, in a week with no closed date)
// or particular (closed dates, and the days of short windows). Each piece is judged by the
// router's own checks at its first minute.
import { daysSinceEpoch } from '../../router/clock.ts';
import { localMinute } from '../../router/conditions/during.ts';
import { MINUTES_PER_DAY, MINUTES_PER_WEEK } from '../../router/schedule.ts';
import { CallScope, CallValues } from '../../router/scope.ts';
import { type DiffModel, TIME } from './model.ts';

/** A stretch of one day: minutes [from, to) of a generic weekday, or of a particular date. */
export interface TimePiece {
  /** 0 = Monday. */
  weekday: number;
  /** The particular date, or null for every date of that weekday in `span`. */
  date: string | null;
  from: number;
  to: number;
  /** The `during` span the piece lies in: [start, end) local minutes, null for an open end. */
  span: [number | null, number | null];
}

/** One class of call times. */
export interface TimeAtom {
  bits: boolean[];
  pieces: TimePiece[];
  /** A `date` parameter inside the class (`YYYY-MM-DD HH:MM:00`). */
  witness: string;
}

/** A span at least this long holds a generic week. */
const LONG_SPAN = 8 * MINUTES_PER_DAY;
/** The Monday the search for a generic week starts from. */
const REFERENCE_MONDAY = daysSinceEpoch(2026, 11, 23);

/** The time atoms of the model (one atom holding every time when no condition reads the time). */
export function timeAtoms(model: DiffModel): TimeAtom[] {
  const conditions = (model.byDim.get(TIME) ?? []).map((i) => model.conditions[i]!);
  const { closed, weekBreaks, windowBreaks } = breaks(model);
  const memo = new CallValues();
  const atoms = new Map<string, TimeAtom>();
  for (const span of spans(windowBreaks)) {
    for (const day of spanDays(span, closed)) {
      const cuts = dayCuts(day.days, span, weekBreaks);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const at = day.days * MINUTES_PER_DAY + cuts[i]!;
        const witness = `${localMinute(at)}:00`;
        const scope = new CallScope(memo, { date: witness }, 0, 'UTC');
        const bits = conditions.map((c) => c.check(scope));
        const key = bits.map(Number).join('');
        let atom = atoms.get(key);
        if (!atom) {
          atom = { bits, pieces: [], witness };
          atoms.set(key, atom);
        }
        const date = day.generic ? null : localMinute(at).slice(0, 10);
        const wd = (((day.days + 3) % 7) + 7) % 7;
        atom.pieces.push({ weekday: wd, date, from: cuts[i]!, to: cuts[i + 1]!, span });
      }
    }
  }
  return [...atoms.values()];
}

/** Where the time conditions can change their verdict. */
function breaks(model: DiffModel) {
  const closed = new Set<string>();
  const weekBreaks = new Set<number>();
  const windowBreaks = new Set<number>();
  for (const i of model.byDim.get(TIME) ?? []) {
    const c = model.conditions[i]!;
    const data = c.data;
    if (data.op === 'hours') {
      const schedule = model.sides[c.side].table.schedules[data.schedule]!;
      for (const d of schedule.closed) closed.add(d);
      const open = (m: number) => (schedule.week[m >> 3]! >> (m & 7)) & 1;
      for (let m = 0; m < MINUTES_PER_WEEK; m++)
        if (open(m) !== open((m + MINUTES_PER_WEEK - 1) % MINUTES_PER_WEEK)) weekBreaks.add(m);
    } else if (data.op === 'during') {
      for (const w of data.windows)
        for (const m of [w.from, w.until]) if (m !== null) windowBreaks.add(m);
    }
  }
  return { closed, weekBreaks, windowBreaks: [...windowBreaks].sort((a, b) => a - b) };
}

/** The spans between window ends: (-inf, b0), [b0, b1), ..., [bn, +inf). */
function spans(ends: number[]): [number | null, number | null][] {
  const out: [number | null, number | null][] = [];
  let start: number | null = null;
  for (const end of ends) {
    out.push([start, end]);
    start = end;
  }
  out.push([start, null]);
  return out;
}

/** The days to examine in a span: a generic week when it is long, plus its closed dates; else every day. */
function spanDays(
  span: [number | null, number | null],
  closed: ReadonlySet<string>,
): { days: number; generic: boolean }[] {
  const [start, end] = span;
  const first = start === null ? null : Math.floor(start / MINUTES_PER_DAY);
  const last = end === null ? null : Math.floor((end - 1) / MINUTES_PER_DAY);
  if (first !== null && last !== null && end! - start! < LONG_SPAN) {
    return Array.from({ length: last - first + 1 }, (_, i) => ({
      days: first + i,
      generic: false,
    }));
  }
  const out = genericWeek(first, last, closed).map((days) => ({ days, generic: true }));
  for (const date of closed) {
    const days = dayNumber(date);
    if ((first === null || days >= first) && (last === null || days <= last))
      out.push({ days, generic: false });
  }
  // The partial first and last days of a long span are particular too.
  for (const edge of [first, last])
    if (edge !== null && !out.some((d) => !d.generic && d.days === edge))
      out.push({ days: edge, generic: false });
  return out;
}

/** For each weekday the first day inside [first, last] that no schedule closes. */
function genericWeek(
  first: number | null,
  last: number | null,
  closed: ReadonlySet<string>,
): number[] {
  const start = first === null ? (last === null ? REFERENCE_MONDAY : last - 400) : first + 1;
  const out: number[] = [];
  for (let d = start; out.length < 7 && d < start + 400 && (last === null || d < last); d++) {
    const wd = (((d + 3) % 7) + 7) % 7;
    if (!closed.has(dateOf(d)) && !out.some((o) => (((o + 3) % 7) + 7) % 7 === wd)) out.push(d);
  }
  return out;
}

/** Minutes of day `days` where a verdict may change, inside the span, with 0 and 1440. */
function dayCuts(
  days: number,
  span: [number | null, number | null],
  weekBreaks: Set<number>,
): number[] {
  const dayStart = days * MINUTES_PER_DAY;
  const wd = (((days + 3) % 7) + 7) % 7;
  const cuts = new Set<number>();
  const lo = span[0] === null ? 0 : Math.max(0, span[0] - dayStart);
  const hi = span[1] === null ? MINUTES_PER_DAY : Math.min(MINUTES_PER_DAY, span[1] - dayStart);
  cuts.add(lo).add(hi);
  for (const m of weekBreaks) {
    const inDay = m - wd * MINUTES_PER_DAY;
    if (inDay > lo && inDay < hi) cuts.add(inDay);
  }
  return [...cuts].sort((a, b) => a - b);
}

function dateOf(days: number): string {
  return localMinute(days * MINUTES_PER_DAY).slice(0, 10);
}

function dayNumber(date: string): number {
  return daysSinceEpoch(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
  );
}
