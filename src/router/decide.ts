import { type LocalTime, localTimeAt, parseCallDate } from './clock.ts';
import { FILTER_MIX, findKey, firstSlot, HASH_START, hashStep, type KeyHash } from './keys.ts';
import { keyOf, normalizeValue } from './normalize.ts';
import { isOpen } from './schedule.ts';
import { splitTarget } from './split.ts';
import {
  CALLER_SLOT,
  CallValues,
  type LoadedRule,
  type ParamAnchors,
  type Table,
} from './table.ts';
import type { RuleData, SplitBranch, Target } from './types.ts';

/** The outcome of routing one call: the answering rule (null for the default) and where it goes. */
export interface Decision {
  rule: RuleData | null;
  target: Target;
}

/** Call parameters as received: names as sent, values untrimmed. */
export type Params = Readonly<Record<string, string | undefined>>;

/**
 * Routes one call: the first rule (in file order) whose tests all hold answers, else the default.
 * Pure: `now` (epoch ms) is used only when the call has no valid `date`. Only rules filed under an
 * anchor the call's values hit are examined (IndexData), so the cost does not grow with the rules.
 * Each parameter is read and normalised at most once per call (Table.values).
 */
export function decide(table: Table, params: Params, now: number): Decision {
  beginCall(table, params, now);
  let best = table.rules.length;
  const anchors = table.anchors;
  for (let a = 0; a < anchors.length; a++) {
    const anchor = anchors[a]!;
    const value = slotValue(anchor.slot);
    if (anchor.eq !== null || anchor.prefix !== null) best = byKeys(anchor, value, best);
    for (const l of anchor.lists) {
      if (l.list.has(value)) best = firstMatch(l.rules, 0, l.rules.length, best);
    }
    for (const t of anchor.tables) best = firstMatch(t.rules, 0, t.rules.length, best);
  }
  best = firstMatch(table.scan, 0, table.scan.length, best);
  const rule = table.rules[best];
  if (!rule) return { rule: null, target: resolveDefault(table) };
  return { rule: rule.data, target: call.winner! };
}

/** Reads a parameter as the router compares it: trimmed, phone numbers reduced to digits. */
export function paramValue(params: Params, name: string): string {
  const raw = params[name];
  return typeof raw === 'string' ? normalizeValue(raw) : '';
}

/** Whether a rule's tests (and hours) hold for the current call; sets the target on success. */
export function ruleHolds(rule: LoadedRule): boolean {
  const matchers = rule.matchers;
  const slots = rule.slots;
  for (let i = 0; i < matchers.length; i++) {
    if (!matchers[i]!(slotValue(slots[i]!))) return false;
  }
  const hours = rule.hours;
  if (hours !== null && isOpen(call.table!.schedules[hours.schedule]!, callTime()) === hours.negate)
    return false;
  const target = rule.target ?? routeTarget(rule.data);
  if (target === null) return false;
  call.winner = target;
  return true;
}

/** The call's local time, computed at most once per call and only if some rule needs it. */
export function callTime(): LocalTime {
  if (call.time === null) {
    const zone = call.table!.data.timezone ?? 'UTC';
    call.time = parseCallDate(call.params.date) ?? localTimeAt(call.now, zone);
  }
  return call.time;
}

// Per-call scratch shared by the helpers below: decide is synchronous, so one module-level
// record avoids allocating a context per call.
const call: {
  table: Table | null;
  values: CallValues;
  params: Params;
  now: number;
  time: LocalTime | null;
  winner: Target | null;
} = {
  table: null,
  values: new CallValues(),
  params: {},
  now: 0,
  time: null,
  winner: null,
};

/** Prepares the scratch for `ruleHolds` (decide does; explain-like callers may too). */
export function beginCall(table: Table, params: Params, now: number): void {
  call.table = table;
  call.values = table.values;
  call.params = params;
  call.now = now;
  call.time = null;
  call.winner = null;
  const values = table.values;
  // A new epoch invalidates every memoised value at once; on wrap-around the stamps restart.
  if (values.epoch === 0x7fffffff) {
    values.epoch = 0;
    values.stamp.fill(0);
  }
  values.epoch++;
}

/** The target the last successful `ruleHolds` chose. */
export function lastTarget(): Target {
  return call.winner!;
}

/** The normalised value of the parameter in `slot` for the current call. */
function slotValue(slot: number): string {
  const v = call.values;
  if (v.stamp[slot] === v.epoch) return v.values[slot]!;
  const value = paramValue(call.params, v.names[slot]!);
  v.values[slot] = value;
  v.stamp[slot] = v.epoch;
  return value;
}

/** The lowest rule in ids[from..to) below `best` that holds, else `best`; ids ascend. */
function firstMatch(ids: Int32Array, from: number, to: number, best: number): number {
  const rules = call.table!.rules;
  for (let i = from; i < to; i++) {
    const id = ids[i]!;
    if (id >= best) return best;
    if (ruleHolds(rules[id]!)) return id;
  }
  return best;
}

/** Tries the rules of the value's equality anchor and of every anchor prefix it starts with. */
function byKeys(anchor: ParamAnchors, value: string, best: number): number {
  let hash = HASH_START;
  let i = 0;
  const prefix = anchor.prefix;
  if (prefix !== null) {
    const lengths = prefix.lengths;
    if (lengths[0] === 1) best = tryKey(prefix, hash, best);
    const upTo = Math.min(value.length, lengths.length - 1);
    while (i < upTo) {
      hash = hashStep(hash, value.charCodeAt(i++));
      if (lengths[i] === 1) best = tryKey(prefix, hash, best);
    }
  }
  const eq = anchor.eq;
  if (eq === null) return best;
  while (i < value.length) hash = hashStep(hash, value.charCodeAt(i++));
  return tryKey(eq, hash, best);
}

/** Tries the rules of every key with this hash (the value's own key, if any, is among them). */
function tryKey(keys: KeyHash, hash: number, best: number): number {
  const bit = Math.imul(hash, FILTER_MIX) >>> keys.shift;
  if ((keys.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return best;
  const slots = keys.slots;
  const wrap = slots.length - 1;
  for (let at = firstSlot(hash, keys.mask) * 4; slots[at + 1] !== 0; at = (at + 4) & wrap) {
    if (slots[at] !== hash) continue;
    const from = slots[at + 2]!;
    const to = slots[at + 1]!;
    if (to - from > 1) best = firstMatch(keys.rules, from, to, best);
    else if (slots[at + 3]! < best && ruleHolds(call.table!.rules[slots[at + 3]!]!))
      best = slots[at + 3]!;
  }
  return best;
}

function routeTarget(rule: RuleData): Target | null {
  const route = rule.route;
  if (route.kind === 'to' || route.kind === 'schema') return route;
  if (route.kind === 'split') return pick(route.branches, route.total);
  const table = call.table!.callerTables[route.table]!;
  const at = findKey(table.keys, keyOf(callerValue()));
  return at < 0 ? null : table.targets[table.keys.values![at]!]!;
}

function callerValue(): string {
  return slotValue(CALLER_SLOT);
}

function resolveDefault(table: Table): Target {
  const d = table.data.default;
  if (d.kind !== 'split') return d;
  return pick(d.branches, d.total);
}

function pick(branches: SplitBranch[], total: number): Target {
  return splitTarget(branches, total, callerValue());
}
