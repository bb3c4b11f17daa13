// Build-time half of `hours: name` / `hours: { not: name }` (run time: src/router/conditions/hours.ts).
import type { HoursData } from '../../router/conditions/hours.ts';
import { MINUTES_PER_WEEK } from '../../router/schedule.ts';
import type { TextAt } from '../model/ir.ts';
import { type CompilerCondition, noAnchor } from './condition.ts';

/** `hours` as written, and (resolve) the schedule's position. */
export interface HoursSpec {
  name: TextAt;
  negate: boolean;
  index: number | null;
}

/** A Monday: probe times of a week are dates of this week. */
const WEEK_START = Date.UTC(2026, 10, 23);

/** Build-time half of `hours`. */
export const hours: CompilerCondition<HoursSpec, HoursData> = {
  form: { whenKey: 'hours' },
  parse(node) {
    const named = node.kind === 'map' ? node.entries.get('not')!.value : node;
    const text = named.kind === 'scalar' ? named.text : '';
    return { name: { text, loc: named.loc }, negate: node.kind === 'map', index: null };
  },
  resolve(spec, ctx) {
    spec.index = ctx.schedule(spec.name);
  },
  lower: (spec) =>
    spec.index === null ? null : { op: 'hours', schedule: spec.index, negate: spec.negate },
  // Both sides of every opening and closing minute, and noon on every closed date.
  witnesses(data, ctx) {
    const schedule = ctx.schedules[data.schedule]!;
    const week = schedule.week!;
    const open = (m: number) => (week[m >> 3]! >> (m & 7)) & 1;
    const minutes = new Set<number>();
    for (let m = 0; m < MINUTES_PER_WEEK; m++) {
      const before = (m + MINUTES_PER_WEEK - 1) % MINUTES_PER_WEEK;
      if (open(m) !== open(before)) minutes.add(m).add(before);
    }
    const times = [...minutes].map(weekTime);
    return { named: [], others: [...times, ...schedule.closedDates.map((d) => `${d} 12:00:00`)] };
  },
  shadow(data, ctx) {
    const schedule = ctx.schedules[data.schedule]!;
    return { time: { week: schedule.week!, closed: schedule.closedDates, negate: data.negate } };
  },
  anchor: noAnchor,
};

/** True when a probe time falls in the probe week (the rest are closed dates and other days). */
export function inProbeWeek(time: string): boolean {
  const day = Date.parse(`${time.slice(0, 10)}T00:00:00Z`);
  return day >= WEEK_START && day < WEEK_START + 7 * 86_400_000;
}

/** Minute `m` of the probe week as a call date. */
export function weekTime(m: number): string {
  return new Date(WEEK_START + m * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}
