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
  // The prefix, one digit longer, and a whole phone-length value (or any longer text).
  probes: (data) =>
    data.values.flatMap((p) => {
      const digits = normalizeValue(p);
      if (!isDigits(digits)) return [p, `${p}x`];
      return [p, `${digits}0`, digits.padEnd(12, '5')];
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
