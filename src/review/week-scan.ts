// Which rule answers one kind of call at every minute of a week: the real router (`decide`) with
// a `date` per minute, local wall-clock time in the webhook's timezone as Ringostat sends it.
// Schedules and date windows are minute-exact, so a minute-by-minute scan misses no change
// (10,080 decisions, a few milliseconds).
import { type CompiledEntry, loadEntry } from '../compiler/pipeline.ts';
import { calendarDay, weekday } from '../router/clock.ts';
import { decide } from '../router/decide.ts';
import type { Table } from '../router/table.ts';
import { targetWords } from './words.ts';

/** Minutes [from, to) of a local day during which `rule` answers (null: the default). */
export interface Segment {
  from: number;
  to: number;
  rule: string | null;
}

/** One local day of the week and its segments, which cover 00:00-24:00 in order. */
export interface WeekDay {
  date: string;
  segments: Segment[];
}

/** A week of answers for one kind of call. */
export interface WeekScan {
  webhook: string;
  /** The webhook's timezone, or null when it has none (then time plays no part). */
  timezone: string | null;
  params: Record<string, string>;
  /** Monday to Sunday. */
  days: WeekDay[];
  /** Every rule that answers some minute (null: the default), in rule order, default last, with its answer. */
  answers: { rule: string | null; answer: string }[];
}

/** Thrown when the week to draw is not given by its Monday. */
export class WeekStartError extends Error {
  override name = 'WeekStartError';
}

/** Scans the week starting on `monday` (YYYY-MM-DD) for a call with `params`; a `date` among them is ignored. */
export function scanWeek(
  entry: CompiledEntry,
  params: Record<string, string>,
  monday: string,
): WeekScan {
  const first = dayNumber(monday);
  const fixed = Object.fromEntries(Object.entries(params).filter(([name]) => name !== 'date'));
  const scan: Scan = { entry, table: loadEntry(entry), call: { ...fixed }, answers: new Map() };
  const days = Array.from({ length: 7 }, (_, d) => scanDay(scan, isoDate(first + d)));
  const ordered = [...scan.answers].sort((a, b) => a[1].index - b[1].index);
  return {
    webhook: entry.name,
    timezone: entry.table.timezone,
    params: fixed,
    days,
    answers: ordered.map(([rule, a]) => ({ rule, answer: a.answer })),
  };
}

/** The Monday (YYYY-MM-DD) of the week holding `date`. */
export function mondayOf(date: string): string {
  const day = dayNumber(date, false);
  return isoDate(day - weekday(...parts(date)));
}

/** `HH:MM` of a minute of the day (1440 is `24:00`). */
export function clock(minute: number): string {
  const h = String(Math.floor(minute / 60)).padStart(2, '0');
  return `${h}:${String(minute % 60).padStart(2, '0')}`;
}

/** The segments of a day inside hour `hour`, clipped to it. */
export function hourSegments(day: WeekDay, hour: number): Segment[] {
  const [from, to] = [hour * 60, hour * 60 + 60];
  return day.segments
    .filter((s) => s.to > from && s.from < to)
    .map((s) => ({ from: Math.max(s.from, from), to: Math.min(s.to, to), rule: s.rule }));
}

/** The title line: webhook, the fixed parameters, the week and the timezone. */
export function title(scan: WeekScan, bold = ''): string {
  const params = Object.entries(scan.params).map(([k, v]) => `${k}=${v}`);
  const call = params.length > 0 ? params.join(' ') : 'any call';
  const zone = scan.timezone ?? 'no timezone';
  return `${bold}${scan.webhook}${bold}: ${call}, week of ${scan.days[0]!.date} (${zone})`;
}

/** Mon, Tue, ...: the days of a scan are always Monday first. */
export function dayName(day: WeekDay): string {
  const index = new Date(`${day.date}T00:00:00Z`).getUTCDay();
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][index]!;
}

/** One scan's state: the call (its `date` set per minute) and each answer seen, with its rule's index. */
interface Scan {
  entry: CompiledEntry;
  table: Table;
  call: Record<string, string>;
  answers: Map<string | null, { index: number; answer: string }>;
}

function scanDay(scan: Scan, date: string): WeekDay {
  const segments: Segment[] = [];
  for (let m = 0; m < 1440; m++) {
    scan.call.date = `${date} ${clock(m)}:00`;
    const decision = decide(scan.table, scan.call, 0);
    const rule = decision.rule?.id ?? null;
    if (!scan.answers.has(rule)) {
      const index = rule === null ? Number.MAX_SAFE_INTEGER : rank(scan.entry, rule);
      scan.answers.set(rule, { index, answer: targetWords(decision.target) });
    }
    const last = segments.at(-1);
    if (last?.rule === rule) last.to = m + 1;
    else segments.push({ from: m, to: m + 1, rule });
  }
  return { date, segments };
}

function rank(entry: CompiledEntry, rule: string): number {
  return entry.table.rules.findIndex((r) => r.id === rule);
}

function dayNumber(date: string, mustBeMonday = true): number {
  const day = calendarDay(date);
  if (day === null) throw new WeekStartError(`"${date}" is not a date YYYY-MM-DD`);
  if (mustBeMonday && weekday(...parts(date)) !== 0)
    throw new WeekStartError(`${date} is not a Monday (the week to draw starts on its Monday)`);
  return day;
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
