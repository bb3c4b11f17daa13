import { HASH_START, hashStep } from './fnv.ts';
import { FILTER_MIX, findKey, firstSlot, type KeyHash } from './keys.ts';
import { keyOf } from './normalize.ts';
import { CallScope, type Params } from './scope.ts';
import { branchOf, splitBucket } from './split.ts';
import type { LoadedRule, ParamAnchors, Table } from './table.ts';
import type { RuleData } from './table-data.ts';
import type { SplitBranch, Target } from './types.ts';

export type { Params } from './scope.ts';

/** The outcome of routing one call: the answering rule (null for the default) and where it goes. */
export interface Decision {
  rule: RuleData | null;
  target: Target;
}

/**
 * What `decide` reports when it is given a trace (explain's view of a decision). With a trace,
 * every rule is tried in file order, so each one before the answer reports why it did not answer;
 * the checks and the answer are the same code either way.
 */
export interface Trace {
  /** Called once, before any rule: the call being routed. */
  begin(call: CallScope): void;
  /** Rule `index` did not answer: its condition `failed` did not hold, or (-1) its route had no answer for the call. */
  skipped(index: number, failed: number): void;
  /** A split chose `branch` for bucket `bucket` of `total` (index -1 for the default). */
  split(rule: number, bucket: number, total: number, branch: number): void;
}

/**
 * Routes one call: the first rule (in file order) whose conditions all hold answers, else the
 * default. Pure: `now` (epoch ms) is used only when the call has no valid `date`. Only rules filed
 * under an anchor the call's values hit are examined (IndexData), so the cost does not grow with
 * the number of rules; each parameter is read and normalised at most once per call (CallScope).
 */
export function decide(table: Table, params: Params, now: number, trace?: Trace): Decision {
  const call = new CallScope(table.values, params, now, table.data.timezone ?? 'UTC');
  if (trace) return traced(table, call, trace);
  const search: Search = { table, call, winner: null, trace: null };
  let best = table.rules.length;
  const anchors = table.anchors;
  for (let a = 0; a < anchors.length; a++) {
    const anchor = anchors[a]!;
    const value = call.value(anchor.slot);
    if (anchor.eq !== null || anchor.prefix !== null) best = byKeys(search, anchor, value, best);
    for (const l of anchor.lists) {
      if (l.list.has(value)) best = firstMatch(search, l.rules, 0, l.rules.length, best);
    }
    for (const t of anchor.tables) best = firstMatch(search, t.rules, 0, t.rules.length, best);
  }
  best = firstMatch(search, table.scan, 0, table.scan.length, best);
  const rule = table.rules[best];
  if (!rule) return { rule: null, target: defaultTarget(search) };
  return { rule: rule.data, target: search.winner! };
}

/** `evaluate`'s answer when every condition held and the route answered. */
const HOLDS = -2;
/** `evaluate`'s answer when the conditions held but the route had none (caller not in its table). */
const NO_ANSWER = -1;

/** One call's search through a table; `winner` is the target of the last rule that held. */
interface Search {
  table: Table;
  call: CallScope;
  winner: Target | null;
  trace: Trace | null;
}

/** Every rule in order: the traced path, which reports each rule that did not answer. */
function traced(table: Table, call: CallScope, trace: Trace): Decision {
  const search: Search = { table, call, winner: null, trace };
  trace.begin(call);
  for (let i = 0; i < table.rules.length; i++) {
    const verdict = evaluate(search, table.rules[i]!, i);
    if (verdict === HOLDS) return { rule: table.rules[i]!.data, target: search.winner! };
    trace.skipped(i, verdict);
  }
  return { rule: null, target: defaultTarget(search) };
}

/** Whether rule `index` answers the call: HOLDS (and `winner` set), NO_ANSWER, or the failed condition. */
function evaluate(search: Search, rule: LoadedRule, index: number): number {
  const checks = rule.checks;
  const call = search.call;
  for (let i = 0; i < checks.length; i++) if (!checks[i]!(call)) return i;
  const target = rule.target ?? routeTarget(search, rule.data, index);
  if (target === null) return NO_ANSWER;
  search.winner = target;
  return HOLDS;
}

/** The lowest rule in ids[from..to) below `best` that holds, else `best`; ids ascend. */
function firstMatch(s: Search, ids: Int32Array, from: number, to: number, best: number): number {
  const rules = s.table.rules;
  for (let i = from; i < to; i++) {
    const id = ids[i]!;
    if (id >= best) return best;
    if (evaluate(s, rules[id]!, id) === HOLDS) return id;
  }
  return best;
}

/** Tries the rules of the value's equality anchor and of every anchor prefix it starts with. */
function byKeys(s: Search, anchor: ParamAnchors, value: string, best: number): number {
  let hash = HASH_START;
  let i = 0;
  const prefix = anchor.prefix;
  if (prefix !== null) {
    const lengths = prefix.lengths;
    if (lengths[0] === 1) best = tryKey(s, prefix, hash, best);
    const upTo = Math.min(value.length, lengths.length - 1);
    while (i < upTo) {
      hash = hashStep(hash, value.charCodeAt(i++));
      if (lengths[i] === 1) best = tryKey(s, prefix, hash, best);
    }
  }
  const eq = anchor.eq;
  if (eq === null) return best;
  while (i < value.length) hash = hashStep(hash, value.charCodeAt(i++));
  return tryKey(s, eq, hash, best);
}

/** Tries the rules of every key with this hash (the value's own key, if any, is among them). */
function tryKey(s: Search, keys: KeyHash, hash: number, best: number): number {
  const bit = Math.imul(hash, FILTER_MIX) >>> keys.shift;
  if ((keys.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return best;
  const slots = keys.slots;
  const wrap = slots.length - 1;
  for (let at = firstSlot(hash, keys.mask) * 4; slots[at + 1] !== 0; at = (at + 4) & wrap) {
    if (slots[at] !== hash) continue;
    const from = slots[at + 2]!;
    const to = slots[at + 1]!;
    if (to - from > 1) best = firstMatch(s, keys.rules, from, to, best);
    else {
      const id = slots[at + 3]!;
      if (id < best && evaluate(s, s.table.rules[id]!, id) === HOLDS) best = id;
    }
  }
  return best;
}

function routeTarget(s: Search, rule: RuleData, index: number): Target | null {
  const route = rule.route;
  if (route.kind === 'to' || route.kind === 'schema') return route;
  if (route.kind === 'split') return pick(s, route.branches, route.total, index);
  const table = s.table.callerTables[route.table]!;
  const at = findKey(table.keys, keyOf(s.call.caller()));
  return at < 0 ? null : table.targets[table.keys.values![at]!]!;
}

function defaultTarget(s: Search): Target {
  const d = s.table.data.default;
  if (d.kind !== 'split') return d;
  return pick(s, d.branches, d.total, -1);
}

function pick(s: Search, branches: SplitBranch[], total: number, rule: number): Target {
  const bucket = splitBucket(s.call.caller(), total);
  const branch = branchOf(branches, bucket);
  s.trace?.split(rule, bucket, total, branch);
  return branches[branch]!.target;
}
