// Which region of an exploration a concrete call falls in: the inverse of the exploration, so a
// test can check the diff against an independent interpreter call by call.
import { CallScope, CallValues } from '../../router/scope.ts';
import type { Exploration, Leaf } from './explore.ts';
import { type DiffModel, TIME } from './model.ts';
import { valueJudge } from './value-atoms.ts';

/** Where a call lands: a changed leaf, no changed leaf, or a value no atom holds (a gap in the atoms). */
export type Location = { leaf: Leaf } | { unchanged: true } | { gap: string };

/** Locates a call (parameters as sent, `now` for calls without a date). */
export function locate(
  model: DiffModel,
  x: Exploration,
  params: Record<string, string>,
  now: number,
): Location {
  const atomOf = new Map<string, number>();
  for (const [dim, index] of indexes(model, x)) {
    const key = index.judge(params[dim] ?? '').key;
    const at = index.byKey.get(key);
    if (at === undefined) return { gap: `${dim}=${JSON.stringify(params[dim] ?? '')}` };
    atomOf.set(dim, at);
  }
  if (model.byDim.has(TIME)) {
    const conditions = model.byDim.get(TIME)!.map((i) => model.conditions[i]!);
    const zone = model.sides[1].entry.table.timezone ?? 'UTC';
    const scope = new CallScope(new CallValues(), params, now, zone);
    const bits = conditions.map((c) => c.check(scope)).join();
    const index = x.times.findIndex((t) => t.bits.join() === bits);
    if (index < 0) return { gap: `time of ${JSON.stringify(params.date ?? now)}` };
    atomOf.set(TIME, index);
  }
  const memo = new CallValues();
  memo.slot('caller');
  const caller = new CallScope(memo, params, now, 'UTC').caller();
  const leaf = x.changed.find(
    (l) =>
      [...l.region].every(([dim, atoms]) => atoms.includes(atomOf.get(dim)!)) &&
      (l.callers === null || l.callers.includes(caller)),
  );
  return leaf ? { leaf } : { unchanged: true };
}

type Index = { judge: ReturnType<typeof valueJudge>; byKey: Map<string, number> };
const cache = new WeakMap<Exploration, Map<string, Index>>();

/** Per dimension: how to judge a value, and each atom's index by its judgement. */
function indexes(model: DiffModel, x: Exploration): Map<string, Index> {
  let known = cache.get(x);
  if (!known) {
    known = new Map();
    for (const [dim, atoms] of x.values) {
      const judge = valueJudge(model, dim);
      known.set(dim, { judge, byKey: new Map(atoms.map((a, i) => [judge(a.witness).key, i])) });
    }
    cache.set(x, known);
  }
  return known;
}
