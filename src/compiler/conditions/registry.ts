// The build-time condition registry: one entry per kind, keyed like the run-time registry in
// src/router/conditions/registry.ts, so a kind without its build-time half is a type error.
// Messages that list the kinds, and the schema's own lists (checked by a test), come from here.
import type {
  ConditionData,
  ConditionDataMap,
  ConditionKind,
} from '../../router/conditions/registry.ts';
import type { YNode } from '../load/load-yaml.ts';
import { anyOf } from './any-of.ts';
import type {
  AnalysisContext,
  AnchorOption,
  CompilerCondition,
  ShadowPart,
  Witnesses,
} from './condition.ts';
import { contains } from './contains.ts';
import { country } from './country.ts';
import { during } from './during.ts';
import { eq } from './eq.ts';
import { exists } from './exists.ts';
import { hours } from './hours.ts';
import { inList } from './in-list.ts';
import { not } from './not.ts';
import { prefix } from './prefix.ts';
import { range } from './range.ts';

/** The registry itself. */
export const COMPILER_CONDITIONS = {
  eq,
  'any-of': anyOf,
  in: inList,
  prefix,
  contains,
  range,
  exists,
  not,
  country,
  hours,
  during,
} satisfies { [K in ConditionKind]: CompilerCondition<unknown, ConditionDataMap[K]> };

/** A kind's build-time entry. */
export function compilerEntry(kind: ConditionKind): CompilerCondition<unknown, ConditionData> {
  return COMPILER_CONDITIONS[kind] as CompilerCondition<unknown, ConditionData>;
}

const KINDS = Object.keys(COMPILER_CONDITIONS) as ConditionKind[];

/** The `when` keys that are conditions of their own (`hours`), by key. */
export const WHEN_KEYS: ReadonlyMap<string, ConditionKind> = new Map(
  KINDS.flatMap((k) => {
    const form = COMPILER_CONDITIONS[k].form;
    return 'whenKey' in form ? [[form.whenKey, k] as const] : [];
  }),
);

/** Test-object forms in registry order, as messages name them: `in`, `min/max`, ... */
export const TEST_OBJECT_FORMS: readonly string[] = KINDS.flatMap((k) => {
  const form = COMPILER_CONDITIONS[k].form;
  return 'keys' in form ? [form.keys.join('/')] : [];
});

/** The kind a condition node is written as: a scalar, a sequence, or a condition object's keys; null when its keys name no single kind. */
export function kindOfTest(node: YNode): ConditionKind | null {
  const shape = node.kind === 'scalar' ? 'value' : node.kind === 'seq' ? 'values' : null;
  const keys = node.kind === 'map' ? [...node.entries.keys()] : [];
  const found = KINDS.filter((k) => {
    const form = COMPILER_CONDITIONS[k].form;
    if ('shape' in form) return form.shape === shape;
    return 'keys' in form && keys.length > 0 && keys.every((key) => form.keys.includes(key));
  });
  return found.length === 1 ? found[0]! : null;
}

/** The shadow view of any compiled condition. */
export function shadowOf(data: ConditionData, ctx: Omit<AnalysisContext, 'inner'>): ShadowPart {
  return compilerEntry(data.op).shadow(data, withInner(ctx));
}

/** The witness values of any compiled condition. */
export function witnessesOf(data: ConditionData, ctx: Omit<AnalysisContext, 'inner'>): Witnesses {
  return compilerEntry(data.op).witnesses(data, withInner(ctx));
}

/** The index anchor of any compiled condition. */
export function anchorOf(
  data: ConditionData,
  ctx: Omit<AnalysisContext, 'inner'>,
): AnchorOption | null {
  return compilerEntry(data.op).anchor(data, withInner(ctx));
}

function withInner(ctx: Omit<AnalysisContext, 'inner'>): AnalysisContext {
  const full: AnalysisContext = {
    ...ctx,
    inner: <T>(data: unknown, ask: 'shadow' | 'witnesses') =>
      (ask === 'shadow'
        ? shadowOf(data as ConditionData, ctx)
        : witnessesOf(data as ConditionData, ctx)) as T,
  };
  return full;
}
