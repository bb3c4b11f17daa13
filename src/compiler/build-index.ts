import type { IndexData, ListData, ParamIndexData, RuleData } from '../router/types.ts';

/** Inline lists up to this size are expanded into equality anchors (one Map entry per value). */
const EXPAND_LIST = 5000;

type Anchor =
  | { param: string; kind: 'eq'; values: string[] }
  | { param: string; kind: 'prefix'; values: string[] }
  | { param: string; kind: 'list'; list: number }
  | { param: string; kind: 'table'; table: number };

/**
 * Files every rule under its most selective anchor: a test the rule cannot match without. Equality
 * (and small lists, expanded) beats large lists and caller tables, which beat prefixes; rules with
 * none (only contains/range/exists/not/hours tests, or no tests) go to `scan`.
 */
export function buildIndex(rules: RuleData[], lists: ListData[]): IndexData {
  const params = new Map<string, Building>();
  const scan: number[] = [];
  rules.forEach((rule, id) => {
    const anchor = chooseAnchor(rule, lists);
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
      eq: [...p.eq].sort((a, b) => compare(a[0], b[0])),
      prefix: [...p.prefix].sort((a, b) => compare(a[0], b[0])),
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

function chooseAnchor(rule: RuleData, lists: ListData[]): Anchor | null {
  let best: { anchor: Anchor; score: number } | null = null;
  const offer = (anchor: Anchor, score: number) => {
    if (!best || score < best.score) best = { anchor, score };
  };
  for (const { param, test } of rule.tests) {
    if (test.op === 'eq') offer({ param, kind: 'eq', values: test.values }, test.values.length);
    else if (test.op === 'in') {
      const list = lists[test.list]!;
      if (list.kind === 'strings' && list.values.length <= EXPAND_LIST) {
        offer({ param, kind: 'eq', values: list.values }, list.values.length);
      } else offer({ param, kind: 'list', list: test.list }, EXPAND_LIST + 1);
    } else if (test.op === 'prefix' && !test.values.includes('')) {
      offer({ param, kind: 'prefix', values: test.values }, EXPAND_LIST + 2 + test.values.length);
    }
  }
  if (rule.route.kind === 'table')
    offer({ param: 'caller', kind: 'table', table: rule.route.table }, EXPAND_LIST + 1);
  return (best as { anchor: Anchor } | null)?.anchor ?? null;
}

function file<K>(entries: Map<K, number[]>, key: K, id: number): void {
  const ids = entries.get(key);
  if (!ids) entries.set(key, [id]);
  else if (ids[ids.length - 1] !== id) ids.push(id);
}

// Plain code-unit order: deterministic and locale-independent.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
