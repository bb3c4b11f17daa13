// Build-time half of `name: { min, max }` (run time: src/router/conditions/range.ts).
import type { RangeData } from '../../router/conditions/range.ts';
import type { YNode } from '../load/load-yaml.ts';
import type { Loc } from '../problem.ts';
import { error } from '../problem.ts';
import { type CompilerCondition, noAnchor, noNames, opaque } from './condition.ts';

/** `{ min, max }` as written. */
export interface RangeSpec {
  min: number | null;
  max: number | null;
  loc: Loc;
}

/** Build-time half of `{ min, max }`. */
export const range: CompilerCondition<RangeSpec, RangeData> = {
  form: { keys: ['min', 'max'] },
  parse: (node) => ({ min: bound(node, 'min'), max: bound(node, 'max'), loc: node.loc }),
  resolve: noNames,
  lower(spec, ctx) {
    if (spec.min !== null && spec.max !== null && spec.min > spec.max) {
      const why = `min ${spec.min} is greater than max ${spec.max}, so the test never holds`;
      ctx.problems.push(error(spec.loc, `${ctx.what}: ${why}`));
      return null;
    }
    return { op: 'range', min: spec.min, max: spec.max };
  },
  // Each bound, its neighbours, values further off written with other digits (for `contains` on
  // the same parameter), and text that is no number.
  witnesses: (data) => ({
    named: [],
    others: [
      'x',
      ...[data.min, data.max]
        .filter((n): n is number => n !== null)
        .flatMap((n) => [n - 4.25, n - 1, n - 0.5, n, n + 0.5, n + 1, n + 7.75].map(String))
        // A fraction may be written without its zero (`.5`), which text tests read apart.
        .flatMap((v) => (/^-?0\./.test(v) ? [v, v.replace('0.', '.')] : [v])),
    ],
  }),
  shadow: (data) => opaque(JSON.stringify(data)),
  anchor: noAnchor,
};

function bound(node: YNode, key: 'min' | 'max'): number | null {
  const value = node.kind === 'map' ? node.entries.get(key)?.value : undefined;
  return value?.kind === 'scalar' && typeof value.value === 'number' ? value.value : null;
}
