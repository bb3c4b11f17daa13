// Build-time half of `name: [a, b]` (run time: src/router/conditions/any-of.ts).
import type { AnyOfData } from '../../router/conditions/any-of.ts';
import { normalizeValue } from '../../router/normalize.ts';
import type { TextAt } from '../model/ir.ts';
import { error } from '../problem.ts';
import { type CompilerCondition, noNames, texts } from './condition.ts';
import { classed, neverAPhone } from './value-classes.ts';

/** `name: [a, b]` as written. */
export interface AnyOfSpec {
  values: TextAt[];
}

/** Build-time half of `name: [a, b]`. */
export const anyOf: CompilerCondition<AnyOfSpec, AnyOfData> = {
  form: { shape: 'values' },
  parse: (node) => ({ values: texts(node) }),
  resolve: noNames,
  lower(spec, ctx) {
    for (const v of spec.values) {
      const never = ctx.phoneParam ? neverAPhone(v.text, false) : null;
      if (never) ctx.problems.push(error(v.loc, `${ctx.what}: ${never}`));
    }
    return { op: 'any-of', values: [...new Set(spec.values.map((v) => normalizeValue(v.text)))] };
  },
  witnesses: (data) => ({ named: data.values, others: [] }),
  shadow: (data) => ({
    value: { kind: 'values', values: data.values.map(classed), negate: false },
  }),
  anchor: (data) => ({ kind: 'eq', values: data.values, tier: 0 }),
};
