import type { ShadowRule } from './shadow-input.ts';
import { isFullTest, makeTest, type StrTest, setEmpty } from './shadow-strings.ts';
import { internTime, type TimeSet, timeExtent } from './shadow-time.ts';

/** A rule reduced to what the shadow analysis needs. */
export interface NormRule {
  readonly index: number;
  /** Per parameter, the conjunction of its value/prefix tests (tests that always hold dropped). */
  readonly params: ReadonlyMap<string, readonly StrTest[]>;
  /** Parameters with a positive test: there the rule excludes every string no test mentions. */
  readonly anchored: readonly string[];
  /** Opaque tests as `opaqueKey` strings. */
  readonly opaque: readonly string[];
  /** null when the rule holds at every time. */
  readonly time: TimeSet | null;
  /** True when no call at all matches the rule. */
  readonly empty: boolean;
}

/** Normalises one input rule; equal time sets come out as one object of `times`. */
export function normalizeRule(
  rule: ShadowRule,
  index: number,
  times: Map<string, TimeSet>,
): NormRule {
  const params = new Map<string, StrTest[]>();
  const opaque: string[] = [];
  for (const { param, set } of rule.tests) {
    if (set.kind === 'opaque') {
      opaque.push(opaqueKey(param, set.key));
      continue;
    }
    const t =
      set.kind === 'values'
        ? makeTest(set.values, [], set.negate)
        : makeTest([], set.prefixes, set.negate);
    if (isFullTest(t)) continue;
    const list = params.get(param) ?? [];
    list.push(t);
    params.set(param, list);
  }
  const anchored = [...params].filter(([, ts]) => ts.some((t) => !t.negate)).map(([p]) => p);
  const { time: t } = rule;
  const timeSet = t ? internTime(times, t.week, t.closed, t.negate) : null;
  const extent = timeSet ? timeExtent(timeSet) : 'full';
  const empty = extent === 'empty' || [...params.values()].some(setEmpty);
  const time = extent === 'full' ? null : timeSet;
  return { index, params, anchored, opaque: [...new Set(opaque)], time, empty };
}

/** The identity of an opaque predicate: same parameter and same key. */
export function opaqueKey(param: string, key: string): string {
  return JSON.stringify([param, key]);
}

/** The first positive test on `param` (every anchored parameter has one). */
export function anchorOf(tests: readonly StrTest[] | undefined): StrTest | undefined {
  return tests?.find((t) => !t.negate);
}
