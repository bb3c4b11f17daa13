// The two versions of a webhook as the diff evaluates them: every condition of either version,
// filed under the dimension it reads (a parameter, or `time`), as a check compiled by the router's
// own registry. A call's behaviour along a dimension is the truth of all its conditions there.
import type { CompiledEntry } from '../../compiler/pipeline.ts';
import { loadEntry } from '../../compiler/pipeline.ts';
import type { Check } from '../../router/conditions/condition.ts';
import { type ConditionData, compileCheck, TIME_KINDS } from '../../router/conditions/registry.ts';
import type { Table } from '../../router/table.ts';
import type { RouteData } from '../../router/types.ts';

/** The dimension every time condition reads. */
export const TIME = 'time';

/** One condition of one version, on its dimension. */
export interface Condition {
  side: Side;
  dim: string;
  data: ConditionData;
  check: Check;
}

/** Which version: the base (`before`) or the change (`after`). */
export type Side = 0 | 1;

/** A rule as the diff walks it: its conditions (by position in `conditions`) and its route. */
export interface ModelRule {
  id: string;
  conditions: number[];
  route: RouteData;
}

/** One version: its table (for tables, splits and lists) and rules. */
export interface ModelSide {
  entry: CompiledEntry;
  table: Table;
  rules: ModelRule[];
}

/** Both versions and every condition, by dimension. */
export interface DiffModel {
  sides: [ModelSide, ModelSide];
  conditions: Condition[];
  /** Dimensions in the order rules first read them. */
  dims: string[];
  /** Condition positions per dimension. */
  byDim: Map<string, number[]>;
}

/** Builds the model of two compiled versions of one webhook. */
export function buildModel(before: CompiledEntry, after: CompiledEntry): DiffModel {
  const conditions: Condition[] = [];
  const dims: string[] = [];
  const byDim = new Map<string, number[]>();
  const side = (entry: CompiledEntry, s: Side): ModelSide => {
    const table = loadEntry(entry);
    const rules = entry.table.rules.map((rule) => ({
      id: rule.id,
      route: rule.route,
      conditions: rule.conditions.map(({ param, condition }) => {
        const dim = TIME_KINDS.has(condition.op) ? TIME : param;
        if (!byDim.has(dim)) {
          byDim.set(dim, []);
          dims.push(dim);
        }
        const check = compileCheck(condition, {
          slot: 0,
          lists: table.lists,
          schedules: table.schedules,
        });
        byDim.get(dim)!.push(conditions.length);
        return conditions.push({ side: s, dim, data: condition, check }) - 1;
      }),
    }));
    return { entry, table, rules };
  };
  const sides: [ModelSide, ModelSide] = [side(before, 0), side(after, 1)];
  // Split and table routes read the caller, so it is a dimension even when no condition tests it.
  const readsCaller = sides.some(
    (s) =>
      s.entry.table.default.kind === 'split' ||
      s.rules.some((r) => r.route.kind === 'split' || r.route.kind === 'table'),
  );
  if (readsCaller && !byDim.has('caller')) {
    byDim.set('caller', []);
    dims.push('caller');
  }
  return { sides, conditions, dims, byDim };
}
