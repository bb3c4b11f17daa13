import type { RouteData, RuleData, ScheduleData, TableData } from '../router/types.ts';
import { buildIndex } from './build-index.ts';
import { compileLists, PHONE_PARAMS } from './compile-lists.ts';
import { compileRoute, type RouteContext } from './compile-route.ts';
import { CallerTables } from './compile-tables.ts';
import { compileTest } from './compile-tests.ts';
import { compileSchedule } from './hours.ts';
import type { RuleModel, TestSpec, WebhookModel } from './model.ts';
import { error, type Problem } from './problem.ts';
import { shadowProblems } from './shadow-check.ts';
import type { SourceFiles } from './source-files.ts';

/** One compiled webhook: its table, its binary files, and everything found on the way. */
export interface CompiledWebhook {
  table: TableData | null;
  files: Map<string, Uint8Array>;
  problems: Problem[];
}

/** Compiles a validated webhook model into table data; the table is null when there are errors. */
export function compileWebhook(model: WebhookModel, files: SourceFiles): CompiledWebhook {
  const problems: Problem[] = [];
  const out = new Map<string, Uint8Array>();
  checkTimezone(model, problems);
  const schedules: ScheduleData[] = model.schedules.map((input) => {
    const compiled = compileSchedule(input);
    problems.push(...compiled.problems);
    return compiled.data;
  });
  const lists = compileLists(model.name, model.lists, files, out, phoneLists(model));
  problems.push(...lists.problems);
  const tables = new CallerTables(model.name, files, out, problems, model.answer.format === 'text');
  const routeContext = (what: string): RouteContext => ({
    what,
    problems,
    textFormat: model.answer.format === 'text',
    table: (path) => tables.resolve(path, what),
  });
  const fallback = compileRoute(model.default, routeContext('default'));
  const ctx = { model, problems, schedules, lists: lists.lists.map((l) => l.name), routeContext };
  const rules = compileRules(model.rules, ctx);
  if (problems.some((p) => p.severity === 'error') || !fallback || fallback.kind === 'table') {
    return { table: null, files: out, problems };
  }
  problems.push(...shadowProblems(model.rules, rules, lists.lists, schedules));
  const listData = lists.lists.map((l) => l.data);
  const table: TableData = {
    format: 1,
    webhook: model.name,
    description: model.description,
    timezone: model.timezone?.text ?? null,
    answer: { field: model.answer.field, format: model.answer.format },
    auth: model.keySha256 ? { keySha256: model.keySha256 } : null,
    default: fallback,
    schedules,
    lists: listData,
    tables: tables.data,
    rules,
    index: buildIndex(rules, listData),
    params: [
      ...new Set(['caller', 'date', ...rules.flatMap((r) => r.tests.map((t) => t.param))]),
    ].sort(),
  };
  return { table, files: out, problems };
}

interface RuleContext {
  model: WebhookModel;
  problems: Problem[];
  schedules: ScheduleData[];
  lists: string[];
  routeContext(what: string): RouteContext;
}

function compileRules(models: RuleModel[], ctx: RuleContext): RuleData[] {
  const seen = new Map<string, RuleModel>();
  const listIndex = new Map(ctx.lists.map((name, i) => [name, i]));
  const rules: RuleData[] = [];
  let zoneReported = false;
  for (const rule of models) {
    const what = `rule "${rule.id}"`;
    const first = seen.get(rule.id);
    if (first)
      ctx.problems.push(
        error(
          rule.loc,
          `duplicate rule id "${rule.id}" (first at ${first.loc.file}:${first.loc.line}:${first.loc.col})`,
        ),
      );
    else seen.set(rule.id, rule);
    const testCtx = { rule: rule.id, listIndex, problems: ctx.problems };
    const tests = rule.tests.map((t) => ({ param: t.param, test: compileTest(t.spec, testCtx) }));
    let hours: RuleData['hours'] = null;
    if (rule.hours) {
      const schedule = ctx.schedules.findIndex((s) => s.name === rule.hours!.name);
      if (schedule < 0) {
        const known = ctx.schedules.map((s) => s.name);
        const hint = known.length > 0 ? `hours defined: ${known.join(', ')}` : 'no hours defined';
        ctx.problems.push(
          error(rule.hours.loc, `${what}: unknown hours "${rule.hours.name}" (${hint})`),
        );
      } else if (!ctx.model.timezone && !zoneReported) {
        zoneReported = true;
        ctx.problems.push(
          error(
            rule.hours.loc,
            `${what}: uses hours, so the webhook needs a \`timezone\` (like Europe/Kyiv)`,
          ),
        );
      }
      hours = { schedule, negate: rule.hours.negate };
    }
    const route = compileRoute(rule.route, ctx.routeContext(what));
    if (route && tests.every((t) => t.test !== null)) {
      rules.push({
        id: rule.id,
        tests: tests as RuleData['tests'],
        hours,
        route: route as RouteData,
      });
    }
  }
  return rules;
}

function checkTimezone(model: WebhookModel, problems: Problem[]): void {
  const zone = model.timezone;
  if (!zone) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.text });
  } catch {
    problems.push(
      error(zone.loc, `unknown timezone "${zone.text}" (an IANA name like Europe/Kyiv)`),
    );
  }
}

/** Lists used with `in` on a phone parameter (also inside `not`). */
function phoneLists(model: WebhookModel): Set<string> {
  const names = new Set<string>();
  const visit = (spec: TestSpec) => {
    if (spec.op === 'in') names.add(spec.list);
    else if (spec.op === 'not') visit(spec.spec);
  };
  for (const rule of model.rules)
    for (const t of rule.tests) if (PHONE_PARAMS.has(t.param)) visit(t.spec);
  return names;
}
