// Build-time half of `name: { contains: s }` (run time: src/router/conditions/contains.ts).
import type { ContainsData } from '../../router/conditions/contains.ts';
import { isDigits, normalizeValue, trimValue } from '../../router/normalize.ts';
import type { TextAt } from '../model/ir.ts';
import { warning } from '../problem.ts';
import { type CompilerCondition, field, noAnchor, noNames, opaque, texts } from './condition.ts';

/** `{ contains: ... }` as written. */
export interface ContainsSpec {
  values: TextAt[];
}

/** Build-time half of `{ contains: ... }`. */
export const contains: CompilerCondition<ContainsSpec, ContainsData> = {
  form: { keys: ['contains'] },
  parse: (node) => ({ values: texts(field(node, 'contains')) }),
  resolve: noNames,
  lower(spec, ctx) {
    const empty = spec.values.find((v) => trimValue(v.text) === '');
    if (empty)
      ctx.problems.push(warning(empty.loc, `${ctx.what}: contains "" holds for every value`));
    return { op: 'contains', values: [...new Set(spec.values.map((v) => trimValue(v.text)))] };
  },
  witnesses: (data) => ({
    named: [],
    others: data.values.flatMap((v) => {
      const digits = normalizeValue(v);
      const around = [v, `a${v}b`, `${v}${v}`];
      // A phone-like string is also met by a phone number holding its digits.
      return isDigits(digits) ? [...around, digits, `1${digits}1`] : around;
    }),
  }),
  // Substring sets are not modelled: the analysis only lets an identical condition cover this one.
  shadow: (data) => opaque(JSON.stringify(data)),
  anchor: noAnchor,
};
