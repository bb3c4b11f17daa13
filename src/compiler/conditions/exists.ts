// Build-time half of `name: { exists }` (run time: src/router/conditions/exists.ts).
import type { ExistsData } from '../../router/conditions/exists.ts';
import { type CompilerCondition, field, noAnchor, noNames } from './condition.ts';
import { classed } from './value-classes.ts';

/** `{ exists }` as written. */
export interface ExistsSpec {
  value: boolean;
}

/** Build-time half of `{ exists }`. */
export const exists: CompilerCondition<ExistsSpec, ExistsData> = {
  form: { keys: ['exists'] },
  parse(node) {
    const value = field(node, 'exists');
    return { value: value.kind === 'scalar' && value.value === true };
  },
  resolve: noNames,
  lower: (spec) => ({ op: 'exists', value: spec.value }),
  witnesses: () => ({ named: [], others: ['', 'x'] }),
  // Absent and empty read as ''; `exists: true` is every other value.
  shadow: (data) => ({ value: { kind: 'values', values: [classed('')], negate: data.value } }),
  anchor: noAnchor,
};
