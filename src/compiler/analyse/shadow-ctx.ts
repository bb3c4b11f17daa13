import type { RuleIndex } from './shadow-index.ts';
import type { NormRule } from './shadow-rules.ts';
import type { StrTest } from './shadow-strings.ts';
import type { TimeSet } from './shadow-time.ts';

/** A set of calls: a conjunction of string tests per parameter and a time set (null = always). */
export interface Region {
  readonly tests: ReadonlyMap<string, readonly StrTest[]>;
  /** The parameters with a positive test, in the order the splitting visits them. */
  readonly anchored: readonly string[];
  readonly time: TimeSet | null;
}

/** One rule's coverage question: which earlier rules may be used, and the work spent so far. */
export interface CoverCtx {
  readonly rules: readonly NormRule[];
  readonly index: RuleIndex;
  /** The rule under analysis: only rules before it may cover. */
  readonly below: number;
  readonly usable: (id: number) => boolean;
  /** When set, the only rules that may cover (ascending): cheaper than the index for a few rules. */
  readonly pool: readonly number[] | null;
  /** Rules some success already relied on: preferred when several would do (a hint only). */
  readonly hints: Set<number>;
  readonly budget: number;
  steps: number;
}

/** Thrown when one rule's analysis exceeds its work budget. */
export class BudgetExceededError extends Error {
  override name = 'BudgetExceededError';
}

/** Adds work to the rule's tally and gives up once the budget is spent. */
export function charge(ctx: CoverCtx, steps: number): void {
  ctx.steps += steps;
  if (ctx.steps > ctx.budget) throw new BudgetExceededError('shadow analysis budget exceeded');
}
