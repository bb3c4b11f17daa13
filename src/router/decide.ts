import { type LocalTime, localTimeAt, parseCallDate } from './clock.ts';
import { findKey } from './keys.ts';
import { keyOf, normalizeValue } from './normalize.ts';
import { isOpen } from './schedule.ts';
import { splitBucket } from './split.ts';
import type { LoadedRule, Table } from './table.ts';
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
 */
export function decide(table: Table, params: Params, now: number): Decision {
  call.table = table;
  call.params = params;
  call.now = now;
  call.time = null;
  call.target = null;
  let best = table.rules.length;
  for (const anchor of table.anchors) {
    const value = paramValue(params, anchor.param);
    const eq = anchor.eq.get(value);
    if (eq) best = firstMatch(eq, best);
    let node = anchor.prefix;
    for (let i = 0; node !== null && i <= value.length; i++) {
      if (node.rules) best = firstMatch(node.rules, best);
      node = i < value.length ? (node.next.get(value.charCodeAt(i)) ?? null) : null;
    }
    for (const l of anchor.lists) if (l.list.has(value)) best = firstMatch(l.rules, best);
    for (const t of anchor.tables) best = firstMatch(t.rules, best);
  }
  best = firstMatch(table.scan, best);
  const rule = table.rules[best];
  if (!rule) return { rule: null, target: resolveDefault(table, params) };
  return { rule: rule.data, target: call.winner! };
}

/** Reads a parameter as the router compares it: trimmed, phone numbers reduced to digits. */
export function paramValue(params: Params, name: string): string {
  const raw = params[name];
  return typeof raw === 'string' ? normalizeValue(raw) : '';
}

/** Whether a rule's tests (and hours) hold for the current call; sets the target on success. */
export function ruleHolds(rule: LoadedRule): boolean {
  const { matchers, params } = rule;
  for (let i = 0; i < matchers.length; i++) {
    if (!matchers[i]!(paramValue(call.params, params[i]!))) return false;
  }
  const hours = rule.data.hours;
  if (hours && isOpen(call.table!.schedules[hours.schedule]!, callTime()) === hours.negate)
    return false;
  const target = routeTarget(rule.data);
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
  params: Params;
  now: number;
  time: LocalTime | null;
  target: Target | null;
  winner: Target | null;
} = { table: null, params: {}, now: 0, time: null, target: null, winner: null };

/** Prepares the scratch for `ruleHolds` outside `decide` (used by explain). */
export function beginCall(table: Table, params: Params, now: number): void {
  call.table = table;
  call.params = params;
  call.now = now;
  call.time = null;
  call.winner = null;
}

/** The target the last successful `ruleHolds` chose. */
export function lastTarget(): Target {
  return call.winner!;
}

function firstMatch(ids: Int32Array, best: number): number {
  const rules = call.table!.rules;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id >= best) return best;
    if (ruleHolds(rules[id]!)) {
      call.target = call.winner;
      return id;
    }
  }
  return best;
}

function routeTarget(rule: RuleData): Target | null {
  const route = rule.route;
  if (route.kind === 'to' || route.kind === 'schema') return route;
  if (route.kind === 'split') return pick(route.branches, route.total);
  const table = call.table!.callerTables[route.table]!;
  const at = findKey(table.keys, keyOf(paramValue(call.params, 'caller')));
  return at < 0 ? null : table.targets[table.keys.values![at]!]!;
}

function resolveDefault(table: Table, params: Params): Target {
  const d = table.data.default;
  if (d.kind !== 'split') return d;
  call.params = params;
  return pick(d.branches, d.total);
}

function pick(branches: SplitBranch[], total: number): Target {
  const bucket = splitBucket(paramValue(call.params, 'caller'), total);
  for (const b of branches) if (bucket < b.upTo) return b.target;
  return branches[branches.length - 1]!.target;
}
