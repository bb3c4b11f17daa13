import { hashKey } from '../router/keys.ts';
import type { AnchorRuns, IndexData, ListData, ParamIndexData, RuleData } from '../router/types.ts';

/** Inline lists up to this size are expanded into equality anchors (one Map entry per value). */
const EXPAND_LIST = 5000;

type Anchor =
  | { param: string; kind: 'eq'; values: string[] }
  | { param: string; kind: 'prefix'; values: string[] }
  | { param: string; kind: 'list'; list: number }
  | { param: string; kind: 'table'; table: number };

/**
 * Files every rule under its most selective anchor: a test the rule cannot match without. Equality
 * (and small lists, expanded) beats large lists and caller tables, which beat prefixes; within
 * that order, the test whose values the fewest rules share wins, so a value many rules test
 * (`source: google` on 250 rules) does not make every one of them a candidate for every such call
 * (100k generated rules: decide 7.4 µs when the first equality anchors, 1.0 µs with this; see
 * bench/README.md). Rules with none (only contains/range/exists/not/hours tests, or no tests) go
 * to `scan`.
 */
export function buildIndex(rules: RuleData[], lists: ListData[]): IndexData {
  const shared = countShared(rules, lists);
  const params = new Map<string, Building>();
  const scan: number[] = [];
  rules.forEach((rule, id) => {
    const anchor = chooseAnchor(rule, lists, shared);
    if (!anchor) {
      scan.push(id);
      return;
    }
    let p = params.get(anchor.param);
    if (!p) {
      p = { eq: new Map(), prefix: new Map(), lists: new Map(), tables: new Map() };
      params.set(anchor.param, p);
    }
    if (anchor.kind === 'eq') for (const v of anchor.values) file(p.eq, v, id);
    else if (anchor.kind === 'prefix') for (const v of anchor.values) file(p.prefix, v, id);
    else if (anchor.kind === 'list') file(p.lists, anchor.list, id);
    else file(p.tables, anchor.table, id);
  });
  const out = [...params].map(
    ([param, p]): ParamIndexData => ({
      param,
      eq: runs(p.eq),
      prefix: runs(p.prefix),
      lists: [...p.lists].sort((a, b) => a[0] - b[0]),
      tables: [...p.tables].sort((a, b) => a[0] - b[0]),
    }),
  );
  return { params: out.sort((a, b) => compare(a.param, b.param)), scan };
}

interface Building {
  eq: Map<string, number[]>;
  prefix: Map<string, number[]>;
  lists: Map<number, number[]>;
  tables: Map<number, number[]>;
}

/** Each anchor a rule could take, in the order of preference (lower score first). */
function options(rule: RuleData, lists: ListData[]): { anchor: Anchor; tier: number }[] {
  const found: { anchor: Anchor; tier: number }[] = [];
  for (const { param, test } of rule.tests) {
    if (test.op === 'eq')
      found.push({ anchor: { param, kind: 'eq', values: test.values }, tier: 0 });
    else if (test.op === 'in') {
      const list = lists[test.list]!;
      if (list.kind === 'strings' && list.values.length <= EXPAND_LIST) {
        found.push({ anchor: { param, kind: 'eq', values: list.values }, tier: 0 });
      } else found.push({ anchor: { param, kind: 'list', list: test.list }, tier: 1 });
    } else if (test.op === 'prefix' && !test.values.includes('')) {
      found.push({ anchor: { param, kind: 'prefix', values: test.values }, tier: 2 });
    }
  }
  if (rule.route.kind === 'table')
    found.push({ anchor: { param: 'caller', kind: 'table', table: rule.route.table }, tier: 1 });
  return found;
}

/** How many rules could file under each key: the `options` of every rule, counted. */
function countShared(rules: RuleData[], lists: ListData[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rule of rules) {
    for (const { anchor } of options(rule, lists)) {
      for (const key of keysOf(anchor)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function keysOf(anchor: Anchor): string[] {
  const head = `${anchor.kind}\0${anchor.param}\0`;
  if (anchor.kind === 'eq' || anchor.kind === 'prefix') return anchor.values.map((v) => head + v);
  return [head + (anchor.kind === 'list' ? anchor.list : anchor.table)];
}

// Score: equality by the rules sharing its values (a list of up to EXPAND_LIST values stays ahead
// of large lists and tables), then large lists and tables, then prefixes, each by sharing.
function chooseAnchor(rule: RuleData, lists: ListData[], shared: Map<string, number>) {
  let best: Anchor | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const { anchor, tier } of options(rule, lists)) {
    let sharing = 0;
    for (const key of keysOf(anchor)) sharing += shared.get(key) ?? 0;
    const score = tier === 0 ? sharing : EXPAND_LIST * tier + sharing;
    if (score < bestScore) {
      best = anchor;
      bestScore = score;
    }
  }
  return best;
}

function file<K>(entries: Map<K, number[]>, key: K, id: number): void {
  const ids = entries.get(key);
  if (!ids) entries.set(key, [id]);
  else if (ids[ids.length - 1] !== id) ids.push(id);
}

function runs(entries: Map<string, number[]>): AnchorRuns {
  const sorted = [...entries].sort((a, b) => compare(a[0], b[0]));
  const start = [0];
  const rules: number[] = [];
  for (const [, ids] of sorted) {
    for (const id of ids) rules.push(id);
    start.push(rules.length);
  }
  const keys = sorted.map(([key]) => key);
  return { keys, start, rules, hashes: keys.map(hashKey) };
}

// Plain code-unit order: deterministic and locale-independent.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
