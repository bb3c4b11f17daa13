// Build-time half of `name: value` (run time: src/router/conditions/eq.ts).
import type { EqData } from '../../router/conditions/eq.ts';
import { normalizeValue } from '../../router/normalize.ts';
import type { TextAt } from '../model/ir.ts';
import { error } from '../problem.ts';
import { type CompilerCondition, noNames, texts } from './condition.ts';
import { classed, neverAPhone } from './value-classes.ts';

/** `name: value` as written. */
export interface EqSpec {
  value: TextAt;
}

/** Build-time half of `name: value`. */
export const eq: CompilerCondition<EqSpec, EqData> = {
  form: { shape: 'value' },
  parse: (node) => ({ value: texts(node)[0]! }),
  resolve: noNames,
  lower(spec, ctx) {
    const never = ctx.phoneParam ? neverAPhone(spec.value.text, false) : null;
    if (never) ctx.problems.push(error(spec.value.loc, `${ctx.what}: ${never}`));
    return { op: 'eq', values: [normalizeValue(spec.value.text)] };
  },
  witnesses: (data) => ({ named: data.values, others: [] }),
  shadow: (data) => ({
    value: { kind: 'values', values: data.values.map(classed), negate: false },
  }),
  anchor: (data) => ({ kind: 'eq', values: data.values, tier: 0 }),
};
