import { anchorOf, type NormRule } from './shadow-rules.ts';
import type { StrTest } from './shadow-strings.ts';

interface Sorted {
  readonly keys: string[];
  readonly ids: number[];
}

interface ParamIndex {
  readonly byValue: Map<string, number[]>;
  readonly byPrefix: Map<string, number[]>;
  readonly valuePairs: [string, number][];
  readonly prefixPairs: [string, number][];
  values: Sorted;
  prefixes: Sorted;
  /** The distinct lengths of the indexed prefixes, ascending. */
  prefixLengths: number[];
}

/** Rules anchored on exactly the same parameters, indexed by their anchor test on each of them. */
interface Group {
  readonly params: readonly string[];
  readonly byParam: Map<string, ParamIndex>;
}

/**
 * Finds candidate coverers without comparing all pairs: a rule can only cover calls of a region
 * that are new on some parameter if it holds for such strings, so only rules anchored on a subset
 * of the region's anchored parameters are returned, looked up through their most selective anchor.
 */
export class RuleIndex {
  private readonly floating: number[] = [];
  private readonly groups: Group[] = [];
  private readonly stamp: Int32Array;
  private epoch = 0;

  constructor(rules: readonly NormRule[]) {
    this.stamp = new Int32Array(rules.length);
    const byKey = new Map<string, Group>();
    for (const r of rules) {
      if (r.empty) continue;
      if (r.anchored.length === 0) {
        this.floating.push(r.index);
        continue;
      }
      const params = [...r.anchored].sort();
      const key = JSON.stringify(params);
      let g = byKey.get(key);
      if (!g) {
        g = { params, byParam: new Map(params.map((p) => [p, emptyParamIndex()])) };
        byKey.set(key, g);
        this.groups.push(g);
      }
      for (const p of params) addRule(g.byParam.get(p)!, anchorOf(r.params.get(p))!, r.index);
    }
    for (const g of this.groups) for (const pi of g.byParam.values()) seal(pi);
  }

  /** Calls `visit` once per rule below `below` anchored only on `anchors`' parameters and meeting them. */
  forCandidates(
    anchors: ReadonlyMap<string, StrTest>,
    below: number,
    visit: (id: number) => void,
  ): void {
    if (++this.epoch > 1 << 30) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    for (const id of this.floating) {
      if (id >= below) break;
      visit(id);
    }
    const emit = (id: number) => {
      if (id >= below || this.stamp[id] === this.epoch) return;
      this.stamp[id] = this.epoch;
      visit(id);
    };
    for (const g of this.groups) {
      if (!g.params.every((p) => anchors.has(p))) continue;
      let best = g.params[0]!;
      if (g.params.length > 1) {
        let bestCount = Number.POSITIVE_INFINITY;
        for (const p of g.params) {
          const n = lookup(g.byParam.get(p)!, anchors.get(p)!, below, null);
          if (n < bestCount) [best, bestCount] = [p, n];
        }
      }
      lookup(g.byParam.get(best)!, anchors.get(best)!, below, emit);
    }
  }
}

function emptyParamIndex(): ParamIndex {
  const none: Sorted = { keys: [], ids: [] };
  return {
    ...{ byValue: new Map(), byPrefix: new Map(), valuePairs: [], prefixPairs: [] },
    ...{ values: none, prefixes: none, prefixLengths: [] },
  };
}

function addRule(pi: ParamIndex, anchor: StrTest, id: number): void {
  for (const v of anchor.values) {
    push(pi.byValue, v, id);
    pi.valuePairs.push([v, id]);
  }
  for (const q of anchor.prefixes) {
    push(pi.byPrefix, q, id);
    pi.prefixPairs.push([q, id]);
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function seal(pi: ParamIndex): void {
  pi.values = sorted(pi.valuePairs);
  pi.prefixes = sorted(pi.prefixPairs);
  pi.prefixLengths = [...new Set(pi.prefixPairs.map(([q]) => q.length))].sort((a, b) => a - b);
}

function sorted(pairs: [string, number][]): Sorted {
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return { keys: pairs.map((p) => p[0]), ids: pairs.map((p) => p[1]) };
}

/**
 * Emits (or, with a null `emit`, only counts) the rules whose anchor meets `x`: equal values,
 * values starting with one of x's prefixes, and prefixes comparable with x's strings.
 */
function lookup(
  pi: ParamIndex,
  x: StrTest,
  below: number,
  emit: ((id: number) => void) | null,
): number {
  let n = 0;
  const list = (ids: number[] | undefined) => {
    if (!ids) return;
    if (!emit) n += ids.length;
    else for (const id of ids) emit(id);
  };
  const shorter = (s: string, max: number) => {
    for (const i of pi.prefixLengths) {
      if (i > max) break;
      list(pi.byPrefix.get(i === s.length ? s : s.slice(0, i)));
    }
  };
  for (const v of x.values) {
    list(pi.byValue.get(v));
    shorter(v, v.length);
  }
  for (const q of x.prefixes) {
    n += range(pi.values, q, below, emit) + range(pi.prefixes, q, below, emit);
    shorter(q, q.length - 1);
  }
  return n;
}

/** Emits (or counts) the entries whose key starts with `q`: one contiguous run in sorted order. */
function range(s: Sorted, q: string, below: number, emit: ((id: number) => void) | null): number {
  let i = firstIndex(s.keys, 0, (k) => k >= q);
  if (!emit) return firstIndex(s.keys, i, (k) => !k.startsWith(q)) - i;
  for (; i < s.keys.length && s.keys[i]!.startsWith(q); i++) {
    if (s.ids[i]! < below) emit(s.ids[i]!);
  }
  return 0;
}

/** The first index at or after `from` where the monotone predicate holds (keys.length if none). */
function firstIndex(keys: readonly string[], from: number, pred: (k: string) => boolean): number {
  let [lo, hi] = [from, keys.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(keys[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
