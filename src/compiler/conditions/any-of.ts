// Build-time half of `name: [a, b]` (run time: src/router/conditions/any-of.ts).
import type { AnyOfData } from '../../router/conditions/any-of.ts';
import { normalizeValue } from '../../router/normalize.ts';
import type { TextAt } from '../model/ir.ts';
import { type CompilerCondition, noNames, texts } from './condition.ts';

/** `name: [a, b]` as written. */
export interface AnyOfSpec {
  values: TextAt[];
}

/** Build-time half of `name: [a, b]`. */
export const anyOf: CompilerCondition<AnyOfSpec, AnyOfData> = {
  form: { shape: 'values' },
  parse: (node) => ({ values: texts(node) }),
  resolve: noNames,
  lower: (spec) => ({
    op: 'any-of',
    values: [...new Set(spec.values.map((v) => normalizeValue(v.text)))],
  }),
  probes: (data) => data.values,
  shadow: (data) => ({ value: { kind: 'values', values: data.values, negate: false } }),
  anchor: (data) => ({ kind: 'eq', values: data.values, tier: 0 }),
};
