// The times a decision's log line writes: its instant twice (RFC 3339 text for Lambda's log
// format, epoch milliseconds for the EMF block) and its latency. Date#toISOString, String() of a
// 13-digit number and of a fractional latency are the slow way (measured here at about 900, 150
// and 100 ns a call on a loaded 2-core machine); the text up to the second is kept while calls
// share a second, milliseconds and fractions come from tables, and whole numbers stay small.

/** The texts of one instant; the same object is updated by every `logTime` call. */
export interface LogTime {
  /** As Date#toISOString: `2026-11-24T08:00:00.007Z`. */
  iso: string;
  /** Epoch milliseconds as a JSON number: `1795593600007`. */
  epoch: string;
}

const MILLIS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
// `.012`, `.12`, `.1` for 12, 120, 100 thousandths; nothing for 0: what JSON.stringify writes.
const FRACTIONS = MILLIS.map((m) => (m === '000' ? '' : `.${m.replace(/0+$/, '')}`));
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

/** `ms` rounded to 3 decimals, written exactly as JSON.stringify writes that number. */
export function latencyText(ms: number): string {
  const micros = Math.round(ms * 1000);
  if (!(micros >= 0 && micros < 1e9)) {
    const rounded = micros / 1000;
    return Number.isFinite(rounded) ? String(rounded) : 'null';
  }
  const whole = Math.floor(micros / 1000);
  return `${whole}${FRACTIONS[micros - whole * 1000]}`;
}
