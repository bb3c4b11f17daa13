// Build-time half of `name: { prefix: p }` (run time: src/router/conditions/prefix.ts).
import type { PrefixData } from '../../router/conditions/prefix.ts';
import { isDigits, normalizeValue, trimValue } from '../../router/normalize.ts';
import type { TextAt } from '../model/ir.ts';
import { error, warning } from '../problem.ts';
import { type CompilerCondition, field, noNames, opaque, texts } from './condition.ts';
import { classedPrefixes, neverAPhone, prefixKeys } from './value-classes.ts';

/** `{ prefix: ... }` as written. */
export interface PrefixSpec {
  values: TextAt[];
}

/** Build-time half of `{ prefix: ... }`. */
export const prefix: CompilerCondition<PrefixSpec, PrefixData> = {
  form: { keys: ['prefix'] },
  parse: (node) => ({ values: texts(field(node, 'prefix')) }),
  resolve: noNames,
  lower(spec, ctx) {
    for (const v of spec.values) {
      if (trimValue(v.text) === '')
        ctx.problems.push(warning(v.loc, `${ctx.what}: prefix "" holds for every value`));
      const never = ctx.phoneParam ? neverAPhone(v.text, true) : null;
      if (never) ctx.problems.push(error(v.loc, `${ctx.what}: ${never}`));
    }
    return { op: 'prefix', values: [...new Set(spec.values.map((v) => trimValue(v.text)))] };
  },
  // The prefix itself, extensions that stay clear of longer prefixes, and a whole phone number.
  witnesses: (data) => ({
    named: [],
    others: data.values.flatMap((p) => {
      const digits = normalizeValue(p);
      const tails = [`${p}x`, `${p}5555`, `${p}7373`];
      if (!isDigits(digits)) return [p, ...tails];
      return [p, ...tails, digits, `${digits}0`, digits.padEnd(12, '5'), `+${digits}9`];
    }),
  }),
  shadow(data) {
    const prefixes = data.values.map(classedPrefixes);
    if (prefixes.some((p) => p === null)) return opaque(JSON.stringify(data));
    return { value: { kind: 'prefixes', prefixes: prefixes.flat() as string[], negate: false } };
  },
  anchor(data) {
    const keys = data.values.map(prefixKeys);
    if (keys.some((k) => k === null)) return null;
    return { kind: 'prefix', values: [...new Set(keys.flat() as string[])], tier: 2 };
  },
};
