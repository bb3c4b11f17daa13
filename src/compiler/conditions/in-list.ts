// Build-time half of `name: { in: list }` (run time: src/router/conditions/in-list.ts).
import type { InData } from '../../router/conditions/in-list.ts';
import type { TextAt } from '../model/ir.ts';
import { type CompilerCondition, field, opaque, texts } from './condition.ts';
import { classed } from './value-classes.ts';

/** Lists up to this size take part in the exact shadow analysis; larger ones are opaque. */
const EXACT_LIST = 10_000;
/** Inline lists up to this size are expanded into equality anchors (one hash entry per value). */
const EXPAND_LIST = 5000;

/** `{ in: list }` as written, and (resolve) the list's position. */
export interface InSpec {
  list: TextAt;
  index: number | null;
}

/** Build-time half of `{ in: list }`. */
export const inList: CompilerCondition<InSpec, InData> = {
  form: { keys: ['in'] },
  parse: (node) => ({ list: texts(field(node, 'in'))[0]!, index: null }),
  resolve(spec, ctx) {
    spec.index = ctx.list(spec.list);
  },
  lower: (spec) => (spec.index === null ? null : { op: 'in', list: spec.index }),
  witnesses: (data, ctx) => ({ named: ctx.lists[data.list]!.values!, others: [] }),
  shadow(data, ctx) {
    const list = ctx.lists[data.list]!;
    if (list.values!.length > EXACT_LIST) return opaque(`in:${list.name}`);
    return { value: { kind: 'values', values: list.values!.map(classed), negate: false } };
  },
  anchor(data, ctx) {
    const list = ctx.lists[data.list]!;
    // Small lists are equality anchors; large ones are searched once per call as a whole.
    if (list.storage === 'strings' && list.values!.length <= EXPAND_LIST)
      return { kind: 'eq', values: list.values!, tier: 0 };
    return { kind: 'list', list: data.list, tier: 1 };
  },
};
