// `during: { from, until }` (or a list of windows): the call's local wall-clock time, in the
// webhook's timezone, is inside a window; `from` inclusive, `until` exclusive, either may be left
// out. Windows are compiled to local minutes since 1970-01-01 00:00, so DST needs nothing here:
// the call's local time is already DST-correct (clock.ts).
import type { RouterCondition } from './condition.ts';

/** Compiled `during`: windows in local minutes; null is an open end. */
export interface DuringData {
  op: 'during';
  windows: { from: number | null; until: number | null }[];
}

/** Run-time half of `during`. */
export const during: RouterCondition<DuringData> = {
  compile(data) {
    const windows = data.windows;
    return (call) => {
      const m = call.localMinute();
      for (const w of windows) {
        if ((w.from === null || m >= w.from) && (w.until === null || m < w.until)) return true;
      }
      return false;
    };
  },
  describe: (data) =>
    data.windows
      .map(
        (w) =>
          `${w.from === null ? 'any time' : `from ${localMinute(w.from)}`}${w.until === null ? '' : ` until ${localMinute(w.until)}`}`,
      )
      .join(' or '),
  why: (_data, call) => `the call is at ${localMinute(call.localMinute())}`,
};

/** `YYYY-MM-DD HH:MM` of a local minute since 1970-01-01 00:00. */
export function localMinute(minute: number): string {
  const day = Math.floor(minute / 1440);
  const rest = minute - day * 1440;
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  return `${date} ${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
}
