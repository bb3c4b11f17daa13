// Build-time half of `name: { prefix: p }` (run time: src/router/conditions/prefix.ts).
import type { PrefixData } from '../../router/conditions/prefix.ts';
import { normalizeValue } from '../../router/normalize.ts';
import type { TextAt } from '../model/ir.ts';
import { warning } from '../problem.ts';
import { type CompilerCondition, field, noNames, texts } from './condition.ts';

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
    const empty = spec.values.find((v) => normalizeValue(v.text) === '');
    if (empty)
      ctx.problems.push(warning(empty.loc, `${ctx.what}: prefix "" holds for every value`));
    return { op: 'prefix', values: [...new Set(spec.values.map((v) => normalizeValue(v.text)))] };
  },
  // The prefix itself, one digit longer, and a whole phone-length value (or any longer value).
  probes: (data) =>
    data.values.flatMap((p) => [p, `${p}0`, /^\d+$/.test(p) ? p.padEnd(12, '5') : `${p}x`]),
  shadow: (data) => ({ value: { kind: 'prefixes', prefixes: data.values, negate: false } }),
  anchor: (data) =>
    data.values.includes('') ? null : { kind: 'prefix', values: data.values, tier: 2 },
};
