// `hours: name` / `hours: { not: name }`: the call's local time is inside / outside a schedule.
import { isOpen } from '../schedule.ts';
import type { RouterCondition } from './condition.ts';

/** Compiled `hours`: the schedule's position in the table's schedules. */
export interface HoursData {
  op: 'hours';
  schedule: number;
  negate: boolean;
}

/** Run-time half of `hours`. */
export const hours: RouterCondition<HoursData> = {
  compile(data, at) {
    const schedule = at.schedules[data.schedule]!;
    const open = !data.negate;
    return (call) => isOpen(schedule, call.time()) === open;
  },
  describe: (data, at) => `${data.negate ? 'not ' : ''}${at.scheduleNames[data.schedule]}`,
  why(data, call, at) {
    if (data.negate) return 'inside those hours';
    const time = call.time();
    const schedule = at.schedules[data.schedule]!;
    return schedule.closed.has(time.date) ? `${time.date} is a closed date` : 'outside those hours';
  },
};
