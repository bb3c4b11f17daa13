// The state of one call while it is routed: its parameters, the current instant, and memoised
// normalised values and local time. One CallScope per call, passed explicitly to every check;
// nothing about a call lives in module state.
import { epochMinute, type LocalTime, localTimeAt, parseCallDate } from './clock.ts';
import { isDigits, normalizeValue, trimValue } from './normalize.ts';

/** Call parameters as received: names as sent, values untrimmed. */
export type Params = Readonly<Record<string, string | undefined>>;

/**
 * The normalised parameter values of the call being routed, by slot: `values[slot]` is valid
 * while `stamp[slot] === epoch`, so a new call bumps `epoch` instead of clearing. One per table;
 * slots are handed out as anchors load and rules compile, not by a pass over every rule. Calls on
 * one table never interleave (routing is synchronous), so one memo per table is enough.
 */
export class CallValues {
  readonly names: string[] = [];
  readonly values: string[] = [];
  readonly stamp: number[] = [];
  readonly slotOf = new Map<string, number>();
  epoch = 0;

  /** The slot of a parameter, assigned on first use. */
  slot(name: string): number {
    let at = this.slotOf.get(name);
    if (at === undefined) {
      at = this.names.length;
      this.slotOf.set(name, at);
      this.names.push(name);
      this.values.push('');
      this.stamp.push(0);
    }
    return at;
  }

  /** Starts a new call: every memoised value becomes stale at once. */
  begin(): void {
    // On wrap-around the stamps restart.
    if (this.epoch === 0x7fffffff) {
      this.epoch = 0;
      this.stamp.fill(0);
    }
    this.epoch++;
  }
}

/** `caller`'s slot in every table (split and table routes read it). */
export const CALLER_SLOT = 0;

/** One call being routed. */
export class CallScope {
  readonly params: Params;
  readonly now: number;
  private readonly memo: CallValues;
  private readonly timezone: string;
  private local: LocalTime | null;
  private minute: number | null;

  constructor(memo: CallValues, params: Params, now: number, timezone: string) {
    this.memo = memo;
    this.params = params;
    this.now = now;
    this.timezone = timezone;
    this.local = null;
    this.minute = null;
    memo.begin();
  }

  /** The normalised value of the parameter in `slot` ('' when absent), read once per call. */
  value(slot: number): string {
    const m = this.memo;
    if (m.stamp[slot] === m.epoch) return m.values[slot]!;
    const raw = this.params[m.names[slot]!];
    const value = typeof raw === 'string' ? normalizeValue(raw) : '';
    m.values[slot] = value;
    m.stamp[slot] = m.epoch;
    return value;
  }

  /** The parameter's value trimmed but otherwise as sent ('' when absent). */
  written(slot: number): string {
    const raw = this.params[this.memo.names[slot]!];
    return typeof raw === 'string' ? trimValue(raw) : '';
  }

  /** True when the parameter is a phone number: `value(slot)` is then its digits. */
  isPhone(slot: number): boolean {
    return isDigits(this.value(slot));
  }

  /** The normalised caller, which split and table routes read. */
  caller(): string {
    return this.value(CALLER_SLOT);
  }

  /** True when the call carries the parameter (as a string) at all. */
  has(name: string): boolean {
    return typeof this.params[name] === 'string';
  }

  /** The call's local time: its `date` parameter when valid, else `now` in the webhook's zone. */
  time(): LocalTime {
    this.local ??= parseCallDate(this.params.date) ?? localTimeAt(this.now, this.timezone);
    return this.local;
  }

  /** The call's local time as wall-clock minutes since 1970-01-01 00:00 (`during`). */
  localMinute(): number {
    this.minute ??= epochMinute(this.time());
    return this.minute;
  }

  /** True when the call's time comes from its `date` parameter. */
  timeFromDate(): boolean {
    return parseCallDate(this.params.date) !== null;
  }
}
