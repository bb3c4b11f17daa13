// Build-time half of `name: { not: <condition> }` (run time: src/router/conditions/not.ts).
import type { NotData } from '../../router/conditions/not.ts';
import type { ConditionData } from '../../router/conditions/registry.ts';
import {
  type CompilerCondition,
  field,
  type InnerSpec,
  noAnchor,
  type ShadowPart,
  type Witnesses,
} from './condition.ts';

/** `{ not }` as written: the inner condition's own spec. */
export interface NotSpec {
  inner: InnerSpec | null;
}

/** Build-time half of `{ not }`. */
export const not: CompilerCondition<NotSpec, NotData<ConditionData>> = {
  form: { keys: ['not'] },
  parse: (node, ctx) => ({ inner: ctx.inner(field(node, 'not')) }),
  resolve(spec, ctx) {
    if (spec.inner) ctx.inner(spec.inner);
  },
  lower(spec, ctx) {
    const inner = spec.inner && ctx.inner(spec.inner);
    return inner ? { op: 'not', inner: inner as ConditionData } : null;
  },
  witnesses: (data, ctx) => ctx.inner<Witnesses>(data.inner, 'witnesses'),
  shadow(data, ctx) {
    const inner = ctx.inner<ShadowPart>(data.inner, 'shadow');
    if (!('value' in inner)) return inner;
    const set = inner.value;
    if (set.kind === 'opaque') return { value: { kind: 'opaque', key: `not:${set.key}` } };
    return { value: { ...set, negate: !set.negate } };
  },
  anchor: noAnchor,
};
