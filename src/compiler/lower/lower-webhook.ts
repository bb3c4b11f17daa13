// Lower pass: schedules to week bitmaps, lists to values, caller tables to keys, conditions to
// the router's data (through their registry entries) and routes to targets. Everything that can
// be lowered is, so one run reports every problem.
import type { ConditionData } from '../../router/conditions/registry.ts';
import type { InnerSpec, LowerContext } from '../conditions/condition.ts';
import { compilerEntry } from '../conditions/registry.ts';
import type { SourceFiles } from '../load/source-files.ts';
import type { ConditionIR, WebhookIR } from '../model/ir.ts';
import { addAll } from '../problem.ts';
import { compileSchedule } from './lower-hours.ts';
import { lowerLists } from './lower-lists.ts';
import { compileRoute, type RouteContext } from './lower-routes.ts';
import { lowerTable } from './lower-tables.ts';
import { PHONE_PARAMS } from './phone-params.ts';

/** Lowers the webhook in place; problems go to `ir.problems`. */
export function lowerWebhook(ir: WebhookIR, files: SourceFiles): void {
  const { problems } = ir;
  for (const schedule of ir.schedules) {
    const lowered = compileSchedule(schedule);
    addAll(problems, lowered.problems);
    schedule.week = lowered.data.week;
    schedule.closedDates = lowered.data.closed;
  }
  lowerLists(ir.lists, files, problems);
  const textFormat = ir.answer.format === 'text';
  const tablesOk = ir.tables.map((t) => lowerTable(t, files, problems, textFormat));
  const routeContext = (what: string): RouteContext => ({
    what,
    problems,
    textFormat,
    tableOk: (index) => tablesOk[index] === true,
  });
  ir.default.data = compileRoute(ir.default, routeContext('default'));
  for (const rule of ir.rules) {
    const what = `rule "${rule.id}"`;
    for (const c of rule.conditions) c.data = lowerCondition(ir, c, what);
    rule.route.data = compileRoute(rule.route, routeContext(what));
  }
}

function lowerCondition(ir: WebhookIR, c: ConditionIR, what: string): ConditionData | null {
  const ctx: LowerContext = {
    what,
    param: c.param,
    phoneParam: PHONE_PARAMS.has(c.param),
    problems: ir.problems,
    lists: ir.lists,
    schedules: ir.schedules,
    timezone: ir.timezone?.text ?? null,
    inner: (spec: InnerSpec) => compilerEntry(spec.kind).lower(spec.spec, ctx),
  };
  return compilerEntry(c.kind).lower(c.spec, ctx);
}
