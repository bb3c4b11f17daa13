// A decision's time, as its log line writes it twice: RFC 3339 text for Lambda's log format and
// epoch milliseconds for the EMF block. Date#toISOString plus String(now) cost about 250 ns a
// line; here the text up to the second is kept while calls share a second, the milliseconds
// come from a table, and a call within the same millisecond reuses both.

/** The texts of one instant; the same object is updated by every `logTime` call. */
export interface LogTime {
  /** As Date#toISOString: `2026-11-24T08:00:00.007Z`. */
  iso: string;
  /** Epoch milliseconds as a JSON number: `1795593600007`. */
  epoch: string;
}

const MILLIS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const state = { ms: Number.NaN, second: Number.NaN, head: '', seconds: '', iso: '', epoch: '' };

/** The texts of `now` (epoch ms, truncated to a whole millisecond; the epoch if not finite). */
export function logTime(now: number): LogTime {
  const ms = Number.isFinite(now) ? Math.floor(now) : 0;
  if (ms === state.ms) return state;
  state.ms = ms;
  const second = Math.floor(ms / 1000);
  if (second !== state.second) {
    state.second = second;
    state.head = new Date(second * 1000).toISOString().slice(0, -4);
    state.seconds = String(second);
  }
  const milli = MILLIS[ms - second * 1000]!;
  state.iso = `${state.head}${milli}Z`;
  // Seconds then three digits is the number itself only after the epoch's first second.
  state.epoch = second > 0 ? state.seconds + milli : String(ms);
  return state;
}
