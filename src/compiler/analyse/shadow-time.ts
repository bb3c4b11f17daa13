import { Buffer } from 'node:buffer';
import { calendarDay } from '../../router/clock.ts';

/**
 * A rule's time test as sets of calls' (date, minute-of-week) pairs. Minutes are packed 32 to a
 * word; a day is exactly 45 words (1440 minutes), so per-day masks are plain word slices.
 */
export interface TimeSet {
  /** Unique per set; equal sets share one object when built through `internTime`. */
  readonly id: number;
  readonly words: Uint32Array;
  readonly closed: ReadonlySet<string>;
  /** Closed dates grouped by weekday (0 = Monday): a date only meets minutes of its own weekday. */
  readonly byDay: readonly (readonly string[])[];
  readonly negate: boolean;
}

const DAY_WORDS = 45;
const WEEK_WORDS = 7 * DAY_WORDS;
const ONES = 0xffffffff;
let nextId = 1;
// Rules share a handful of schedules, so pair results are cached per set object (one entry per
// other set); interning makes equal schedules one object.
const meetMemo = new WeakMap<TimeSet, Map<number, boolean>>();
const subsetMemo = new WeakMap<TimeSet, Map<number, boolean>>();
// Scratch masks: the operations below never nest.
const [M1, M2] = [new Uint32Array(DAY_WORDS), new Uint32Array(DAY_WORDS)];

/** The time set for these inputs, the same object as an earlier equal one in `pool`. */
export function internTime(
  pool: Map<string, TimeSet>,
  week: Uint8Array,
  closed: readonly string[],
  negate: boolean,
): TimeSet {
  const bytes = Buffer.from(week.buffer, week.byteOffset, week.byteLength).toString('latin1');
  const key = `${negate}|${JSON.stringify([...closed].sort())}|${bytes}`;
  const known = pool.get(key);
  if (known) return known;
  const t = makeTime(week, closed, negate);
  pool.set(key, t);
  return t;
}

/** Builds a time set; closed dates that name no real day are dropped (no call can fall on them). */
export function makeTime(week: Uint8Array, closed: readonly string[], negate: boolean): TimeSet {
  const words = new Uint32Array(WEEK_WORDS);
  const bytes = Math.min(week.length, WEEK_WORDS * 4);
  for (let i = 0; i < bytes; i++) words[i >> 2] = words[i >> 2]! | (week[i]! << ((i & 3) * 8));
  const set = new Set<string>();
  const byDay: string[][] = [[], [], [], [], [], [], []];
  for (const d of closed) {
    const w = weekdayOf(d);
    if (w < 0 || set.has(d)) continue;
    set.add(d);
    byDay[w]!.push(d);
  }
  return { id: nextId++, words, closed: set, byDay, negate };
}

/** Weekday of a 'YYYY-MM-DD' date, 0 = Monday; -1 when it is not a real date. */
export function weekdayOf(date: string): number {
  const day = calendarDay(date);
  // 1970-01-01 was a Thursday, index 3.
  return day === null ? -1 : (((day + 3) % 7) + 7) % 7;
}

/** 'full' when the set holds at every time, 'empty' when at none, else 'some'. */
export function timeExtent(t: TimeSet): 'full' | 'empty' | 'some' {
  let any = false;
  let all = true;
  for (const w of t.words) {
    if (w !== 0) any = true;
    if (w !== ONES) all = false;
  }
  // Every weekday has infinitely many dates that are not closed, so only the bits decide, except
  // that a closed date makes "open" false on its weekday.
  const full = t.negate ? !any : all && t.closed.size === 0;
  const empty = t.negate ? all && t.closed.size === 0 : !any;
  return full ? 'full' : empty ? 'empty' : 'some';
}

/** True when some time lies in both sets (null = every time). */
export function timeIntersects(a: TimeSet | null, b: TimeSet | null): boolean {
  return memo(
    meetMemo,
    a,
    b,
    () =>
      !everyClass([a, b], (day, date) => {
        dayMask(a, day, date, M1);
        dayMask(b, day, date, M2);
        for (let j = 0; j < DAY_WORDS; j++) if ((M1[j]! & M2[j]!) !== 0) return false;
        return true;
      }),
  );
}

/** True when every time in `a` lies in `b` (null = every time). */
export function timeSubset(a: TimeSet | null, b: TimeSet | null): boolean {
  return memo(subsetMemo, a, b, () =>
    everyClass([a, b], (day, date) => {
      dayMask(a, day, date, M1);
      dayMask(b, day, date, M2);
      for (let j = 0; j < DAY_WORDS; j++) if ((M1[j]! & ~M2[j]!) !== 0) return false;
      return true;
    }),
  );
}

function memo(
  cache: WeakMap<TimeSet, Map<number, boolean>>,
  a: TimeSet | null,
  b: TimeSet | null,
  compute: () => boolean,
): boolean {
  if (a === null || b === null) return compute();
  const row = cache.get(a) ?? new Map<number, boolean>();
  cache.set(a, row);
  const hit = row.get(b.id) ?? compute();
  row.set(b.id, hit);
  return hit;
}

/**
 * Whether the union of `cands` holds at every time of `x`; returns the positions of the sets that
 * were needed (taken greedily in the given order) or null when some time escapes.
 */
export function timeCover(x: TimeSet | null, cands: readonly (TimeSet | null)[]): number[] | null {
  const used = new Set<number>();
  const [rest, mc] = [M1, M2];
  const ok = everyClass([x, ...cands], (day, date) => {
    dayMask(x, day, date, rest);
    for (let i = 0; i < cands.length && !isZero(rest); i++) {
      dayMask(cands[i]!, day, date, mc);
      let gained = false;
      for (let j = 0; j < DAY_WORDS; j++) {
        if ((rest[j]! & mc[j]!) !== 0) gained = true;
        rest[j] = rest[j]! & ~mc[j]!;
      }
      if (gained) used.add(i);
    }
    return isZero(rest);
  });
  return ok ? [...used].sort((a, b) => a - b) : null;
}

/**
 * Runs `fn` over every class of dates of every weekday: each closed date any set mentions, and
 * "any other date" (null), which exists for every weekday. Stops at the first false.
 */
function everyClass(
  sets: readonly (TimeSet | null)[],
  fn: (day: number, date: string | null) => boolean,
): boolean {
  for (let day = 0; day < 7; day++) {
    if (!fn(day, null)) return false;
    let seen: Set<string> | undefined;
    for (const t of sets) {
      for (const d of t?.byDay[day] ?? []) {
        seen ??= new Set();
        if (seen.has(d)) continue;
        seen.add(d);
        if (!fn(day, d)) return false;
      }
    }
  }
  return true;
}

/** The minutes of `day` at which `t` holds on `date` (null = a date no set mentions). */
function dayMask(t: TimeSet | null, day: number, date: string | null, out: Uint32Array): void {
  if (t === null) {
    out.fill(ONES);
    return;
  }
  const flip = t.negate ? ONES : 0;
  if (date !== null && t.closed.has(date)) {
    out.fill(flip);
    return;
  }
  const base = day * DAY_WORDS;
  for (let j = 0; j < DAY_WORDS; j++) out[j] = t.words[base + j]! ^ flip;
}

function isZero(m: Uint32Array): boolean {
  for (const w of m) if (w !== 0) return false;
  return true;
}
