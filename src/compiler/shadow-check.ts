import type { RuleData, ScheduleData, TestData } from '../router/types.ts';
import type { ResolvedList } from './compile-lists.ts';
import type { RuleModel } from './model.ts';
import { error, type Problem, warning } from './problem.ts';
import { findShadowed, type ShadowRule, type ValueSet } from './shadow.ts';

/** Lists up to this size take part in the exact shadow analysis; larger ones are opaque. */
const EXACT_LIST = 10_000;

/** Reports rules that can never answer because earlier rules take every call they would get. */
export function shadowProblems(
  models: RuleModel[],
  rules: RuleData[],
  lists: ResolvedList[],
  schedules: ScheduleData[],
): Problem[] {
  const input = rules.map((rule) => shadowRule(rule, lists, schedules));
  const { shadowed, skipped } = findShadowed(input);
  const problems = shadowed.map(({ index, by }) => {
    const model = models[index]!;
    if (by.length === 0) {
      return error(
        model.loc,
        `rule "${model.id}" can never match: no call passes all its tests (an empty list, two different values for one parameter, or hours that are never open)`,
      );
    }
    const names = by.map((i) => `"${models[i]!.id}" (line ${models[i]!.loc.line})`);
    const who =
      names.length === 1
        ? `earlier rule ${names[0]} takes`
        : `earlier rules ${names.join(', ')} together take`;
    return error(model.loc, `rule "${model.id}" can never match: ${who} every call it would get`);
  });
  for (const index of skipped) {
    const model = models[index]!;
    problems.push(
      warning(
        model.loc,
        `rule "${model.id}": too many overlapping earlier rules to check whether it can match`,
      ),
    );
  }
  return problems;
}

function shadowRule(rule: RuleData, lists: ResolvedList[], schedules: ScheduleData[]): ShadowRule {
  const tests = rule.tests.map(({ param, test }) => ({ param, set: valueSet(test, lists) }));
  if (rule.route.kind === 'table')
    tests.push({ param: 'caller', set: { kind: 'opaque', key: `table:${rule.route.table}` } });
  const schedule = rule.hours ? schedules[rule.hours.schedule]! : null;
  return {
    tests,
    time: schedule && {
      week: new Uint8Array(Buffer.from(schedule.week, 'base64')),
      closed: schedule.closed,
      negate: rule.hours!.negate,
    },
  };
}

function valueSet(test: TestData, lists: ResolvedList[]): ValueSet {
  switch (test.op) {
    case 'eq':
      return { kind: 'values', values: test.values, negate: false };
    case 'prefix':
      return { kind: 'prefixes', prefixes: test.values, negate: false };
    case 'exists':
      return { kind: 'values', values: [''], negate: test.value };
    case 'in': {
      const list = lists[test.list]!;
      if (list.values.length <= EXACT_LIST)
        return { kind: 'values', values: list.values, negate: false };
      return { kind: 'opaque', key: `in:${list.name}` };
    }
    case 'not': {
      const inner = valueSet(test.test, lists);
      if (inner.kind === 'opaque') return { kind: 'opaque', key: `not:${inner.key}` };
      return { ...inner, negate: !inner.negate };
    }
    default:
      return { kind: 'opaque', key: JSON.stringify(test) };
  }
}
