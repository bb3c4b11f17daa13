/**
 * Shadowed-rule analysis: rules are first-match, so a rule whose every call an earlier rule (or
 * several together) already takes can never answer. Exact for value, prefix and time tests;
 * conservative for opaque tests (an earlier rule's opaque test only counts when the rule under
 * analysis has the identical test). Internals: shadow-rules (normalisation), shadow-index (finding
 * candidate coverers), shadow-cover and shadow-split (the coverage decision), shadow-strings and
 * shadow-time (the two kinds of sets).
 */
import { candidatesFor, covers, regionOf, singleCover } from './shadow-cover.ts';
import { BudgetExceededError, type CoverCtx } from './shadow-ctx.ts';
import { RuleIndex } from './shadow-index.ts';
import type { Shadowed, ShadowRule } from './shadow-input.ts';
import { type NormRule, normalizeRule } from './shadow-rules.ts';
import type { TimeSet } from './shadow-time.ts';

export type { Shadowed, ShadowRule, ValueSet } from './shadow-input.ts';

/** Work units one rule may spend (cells times candidates, roughly) before it is skipped. */
const DEFAULT_BUDGET = 200_000;
/** Trimming `by` may always spend this much, whatever the analysis took. */
const MIN_TRIM_BUDGET = 20_000;

interface Shared {
  readonly rules: readonly NormRule[];
  readonly index: RuleIndex;
  /** 1 for rules already found shadowed: they add no call to the union and would only blur `by`. */
  readonly shadowed: Uint8Array;
  readonly budget: number;
}

/**
 * Finds the shadowed rules. `by` is the earliest single rule that covers when there is one, else an
 * irredundant set of rules that answer (no shadowed rule is named). A rule that matches no call at
 * all is reported with an empty `by`. Rules whose analysis exceeds the budget are in `skipped`.
 */
export function findShadowed(
  rules: ShadowRule[],
  options: { budget?: number } = {},
): { shadowed: Shadowed[]; skipped: number[] } {
  const times = new Map<string, TimeSet>();
  const norm = rules.map((rule, i) => normalizeRule(rule, i, times));
  const shared: Shared = {
    rules: norm,
    index: new RuleIndex(norm),
    shadowed: new Uint8Array(norm.length),
    budget: options.budget ?? DEFAULT_BUDGET,
  };
  const shadowed: Shadowed[] = [];
  const skipped: number[] = [];
  for (const r of norm) {
    const by = r.empty ? [] : analyse(shared, r);
    if (by === 'skipped') skipped.push(r.index);
    else if (by) {
      shadowed.push({ index: r.index, by });
      shared.shadowed[r.index] = 1;
    }
  }
  return { shadowed, skipped };
}

function analyse(shared: Shared, r: NormRule): number[] | undefined | 'skipped' {
  const mine = new Set(r.opaque);
  const usable = (id: number) =>
    shared.shadowed[id] === 0 && shared.rules[id]!.opaque.every((k) => mine.has(k));
  const ctx = contextFor(shared, r, shared.budget, null, usable);
  const x = regionOf(r);
  try {
    const g = candidatesFor(ctx, x);
    const one = singleCover(ctx, x, g);
    if (one !== undefined) return [one];
    const relied = covers(ctx, x, g);
    if (!relied) return undefined;
    return minimize(shared, r, relied, ctx.steps);
  } catch (e) {
    if (e instanceof BudgetExceededError) return 'skipped';
    throw e;
  }
}

/**
 * Drops rules from a covering set while the rest still covers, latest first, so `by` names no rule
 * it does not need. Gives up (keeping what it has) after a few times the work the rule's analysis
 * took, so large covers stay cheap.
 */
function minimize(shared: Shared, r: NormRule, relied: Iterable<number>, spent: number): number[] {
  let keep = [...relied].sort((a, b) => a - b);
  let left = Math.min(shared.budget, Math.max(MIN_TRIM_BUDGET, 4 * spent));
  // Two rules are both needed: no single rule covers (checked first).
  for (const u of [...keep].reverse()) {
    if (keep.length <= 2 || !keep.includes(u)) continue;
    const ctx = contextFor(
      shared,
      r,
      left,
      keep.filter((k) => k !== u),
    );
    try {
      const still = covers(ctx, regionOf(r));
      if (still) keep = [...still].sort((a, b) => a - b);
    } catch (e) {
      if (e instanceof BudgetExceededError) break;
      throw e;
    }
    left -= ctx.steps;
  }
  return keep;
}

function contextFor(
  shared: Shared,
  r: NormRule,
  budget: number,
  pool: readonly number[] | null,
  usable: (id: number) => boolean = () => true,
): CoverCtx {
  const { rules, index } = shared;
  return { rules, index, below: r.index, usable, pool, hints: new Set(), budget, steps: 0 };
}
