// Analyse pass: rules that can never answer because earlier rules take every call they would get.
// Each condition's set comes from its registry entry (shadow); the analysis itself is shadow.ts.
import { shadowOf } from '../conditions/registry.ts';
import type { RuleIR, WebhookIR } from '../model/ir.ts';
import { error, type Problem, warning } from '../problem.ts';
import { findShadowed, type ShadowRule } from './shadow.ts';

/** Reports shadowed rules and rules no call can pass. */
export function shadowProblems(ir: WebhookIR): Problem[] {
  const input = ir.rules.map((rule) => shadowRule(ir, rule));
  const { shadowed, skipped } = findShadowed(input);
  const rules = ir.rules;
  const problems = shadowed.map(({ index, by }) => {
    const rule = rules[index]!;
    if (by.length === 0) {
      return error(
        rule.loc,
        `rule "${rule.id}" can never match: no call passes all its tests (an empty list, two different values for one parameter, or hours that are never open)`,
      );
    }
    const names = by.map((i) => `"${rules[i]!.id}" (line ${rules[i]!.loc.line})`);
    const who =
      names.length === 1
        ? `earlier rule ${names[0]} takes`
        : `earlier rules ${names.join(', ')} together take`;
    return error(rule.loc, `rule "${rule.id}" can never match: ${who} every call it would get`);
  });
  for (const index of skipped) {
    const rule = rules[index]!;
    problems.push(
      warning(
        rule.loc,
        `rule "${rule.id}": too many overlapping earlier rules to check whether it can match`,
      ),
    );
  }
  return problems;
}

function shadowRule(ir: WebhookIR, rule: RuleIR): ShadowRule {
  const shape: ShadowRule = { tests: [], time: null };
  for (const c of rule.conditions) {
    const part = shadowOf(c.data!, { lists: ir.lists, schedules: ir.schedules });
    if ('value' in part) shape.tests.push({ param: c.param, set: part.value });
    else shape.time = part.time;
  }
  const route = rule.route;
  if (route.kind === 'table')
    shape.tests.push({ param: 'caller', set: { kind: 'opaque', key: `table:${route.table}` } });
  return shape;
}
