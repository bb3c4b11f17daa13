// Index pass: files every rule under its most selective anchor (see IndexData in
// src/router/types.ts). Each condition offers its anchor through its registry entry.
import { hashUnits } from '../../router/fnv.ts';
import type { AnchorRuns, IndexData, ParamIndexData } from '../../router/types.ts';
import type { AnchorOption } from '../conditions/condition.ts';
import { anchorOf } from '../conditions/registry.ts';
import type { RuleIR, WebhookIR } from '../model/ir.ts';

/** An anchor offer, on its parameter: a condition's, or a caller table route's. */
type Anchor = (AnchorOption | { kind: 'table'; table: number; tier: 1 }) & { param: string };

/** Tiers are this far apart in score, so sharing never lifts an anchor past a better tier. */
const TIER_GAP = 5000;

/**
 * Files every rule under its most selective anchor: a test the rule cannot match without. Equality
 * (and small lists, expanded) beats large lists and caller tables, which beat prefixes; within
 * that order, the test whose values the fewest rules share wins, so a value many rules test
 * (`source: google` on 250 rules) does not make every one of them a candidate for every such call
 * (100k generated rules: decide 7.4 µs when the first equality anchors, 1.0 µs with this; see
 * bench/README.md). Rules with none (only contains/range/exists/not/time tests, or no tests) go
 * to `scan`.
 */
export function buildIndex(ir: WebhookIR): IndexData {
  const offers = ir.rules.map((rule) => optionsOf(ir, rule));
  const shared = countShared(offers);
  const params = new Map<string, Building>();
  const scan: number[] = [];
  offers.forEach((options, id) => {
    const anchor = choose(options, shared);
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

/** Each anchor a rule could take. */
function optionsOf(ir: WebhookIR, rule: RuleIR): Anchor[] {
  const found: Anchor[] = [];
  const ctx = { lists: ir.lists, schedules: ir.schedules };
  for (const c of rule.conditions) {
    const option = anchorOf(c.data!, ctx);
    if (option) found.push({ ...option, param: c.param });
  }
  if (rule.route.kind === 'table')
    found.push({ param: 'caller', kind: 'table', table: rule.route.table!, tier: 1 });
  return found;
}

/** How many rules could file under each key: every rule's offers, counted. */
function countShared(offers: Anchor[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const options of offers) {
    for (const anchor of options) {
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

// Score: equality by the rules sharing its values (a list of up to 5000 values stays ahead of
// large lists and tables), then large lists and tables, then prefixes, each by sharing.
function choose(options: Anchor[], shared: Map<string, number>): Anchor | null {
  let best: Anchor | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const anchor of options) {
    let sharing = 0;
    for (const key of keysOf(anchor)) sharing += shared.get(key) ?? 0;
    const score = anchor.tier === 0 ? sharing : TIER_GAP * anchor.tier + sharing;
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
  return { keys, start, rules, hashes: keys.map(hashUnits) };
}

// Plain code-unit order: deterministic and locale-independent.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
