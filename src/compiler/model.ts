import type { Branch, Destinations, Rule, Test, WebhookRoutes } from '../generated/routes.ts';
import type { AnswerFormat } from '../router/types.ts';
import type { ScheduleInput, TextAt } from './hours.ts';
import { pointerSegment, type YamlSource } from './load-yaml.ts';
import type { Loc } from './problem.ts';

/** A webhook file after schema validation: the same content, every value carrying its location. */
export interface WebhookModel {
  name: string;
  file: string;
  loc: Loc;
  description: string | null;
  timezone: TextAt | null;
  answer: { field: string; format: AnswerFormat; loc: Loc };
  keySha256: string | null;
  default: RouteModel;
  schedules: ScheduleInput[];
  lists: ListModel[];
  rules: RuleModel[];
}

/** A named list: inline values or a `.txt` file path. */
export type ListModel =
  | { name: string; loc: Loc; kind: 'inline'; values: TextAt[] }
  | { name: string; loc: Loc; kind: 'file'; path: TextAt };

/** One rule with its tests in source order. */
export interface RuleModel {
  index: number;
  id: string;
  loc: Loc;
  tests: TestModel[];
  hours: { name: string; negate: boolean; loc: Loc } | null;
  route: RouteModel;
}

/** One `when` entry. */
export interface TestModel {
  param: string;
  loc: Loc;
  spec: TestSpec;
}

/** A parameter test as written (values not yet normalised). */
export type TestSpec =
  | { op: 'eq'; values: TextAt[] }
  | { op: 'in'; list: string; loc: Loc }
  | { op: 'prefix'; values: TextAt[] }
  | { op: 'contains'; values: TextAt[] }
  | { op: 'range'; min: number | null; max: number | null; loc: Loc }
  | { op: 'exists'; value: boolean }
  | { op: 'not'; spec: TestSpec }
  | { op: 'invalid'; message: string; loc: Loc };

/** A route as written. */
export type RouteModel =
  | { kind: 'to'; to: TextAt[]; loc: Loc }
  | { kind: 'schema'; schema: number; loc: Loc }
  | { kind: 'split'; loc: Loc; branches: BranchModel[] }
  | { kind: 'table'; path: TextAt; loc: Loc };

/** One weighted split branch. */
export interface BranchModel {
  weight: number;
  loc: Loc;
  target: { kind: 'to'; to: TextAt[]; loc: Loc } | { kind: 'schema'; schema: number; loc: Loc };
}

/** Builds the model from schema-valid data; `locate` maps JSON pointers back to the YAML. */
export function buildModel(name: string, source: YamlSource): WebhookModel {
  const data = source.data as WebhookRoutes;
  const at = (pointer: string, key = false) => source.locate(pointer, key);
  // Values compare as written: `1.50` stays "1.50" and `True` stays "True" (CONTRACT §2).
  const text = (value: unknown, pointer: string): TextAt => ({
    text: source.written(pointer) ?? String(value),
    loc: at(pointer),
  });
  return {
    name,
    file: source.file,
    loc: at(''),
    description: data.description ?? null,
    timezone: data.timezone === undefined ? null : text(data.timezone, '/timezone'),
    answer: {
      field: data.answer?.field ?? 'dst_phone',
      format: data.answer?.format ?? 'json',
      loc: at('/answer'),
    },
    keySha256: data.auth?.key_sha256 ?? null,
    default: routeModel(data.default, '/default', at, text),
    schedules: Object.entries(data.hours ?? {}).map(([schedule, spec]) => {
      const base = `/hours/${pointerSegment(schedule)}`;
      const days = Object.entries(spec ?? {}).filter(([key]) => key !== 'closed');
      return {
        name: schedule,
        loc: at(base, true),
        days: days.map(([key, ranges]) => ({
          key: { text: key, loc: at(`${base}/${pointerSegment(key)}`, true) },
          ranges: many(ranges, `${base}/${pointerSegment(key)}`).map(([v, p]) => text(v, p)),
        })),
        closed: (spec?.closed ?? []).map((d, i) => text(d, `${base}/closed/${i}`)),
      };
    }),
    lists: Object.entries(data.lists ?? {}).map(([list, src]): ListModel => {
      const pointer = `/lists/${pointerSegment(list)}`;
      return Array.isArray(src)
        ? {
            name: list,
            loc: at(pointer, true),
            kind: 'inline',
            values: src.map((v, i) => text(v, `${pointer}/${i}`)),
          }
        : { name: list, loc: at(pointer, true), kind: 'file', path: text(src, pointer) };
    }),
    rules: (data.rules ?? []).map((rule, i) => ruleModel(rule, i, at, text)),
  };
}

type At = (pointer: string, key?: boolean) => Loc;
type Text = (value: unknown, pointer: string) => TextAt;

function ruleModel(rule: Rule, index: number, at: At, text: Text): RuleModel {
  const base = `/rules/${index}`;
  const tests: TestModel[] = [];
  let hours: RuleModel['hours'] = null;
  for (const [param, test] of Object.entries(rule.when ?? {})) {
    const pointer = `${base}/when/${pointerSegment(param)}`;
    if (param === 'hours') {
      const negate = typeof test === 'object' && test !== null && !Array.isArray(test);
      const name = negate ? String((test as { not: string }).not) : String(test);
      hours = { name, negate, loc: at(negate ? `${pointer}/not` : pointer) };
      continue;
    }
    tests.push({ param, loc: at(pointer, true), spec: testSpec(test as Test, pointer, at, text) });
  }
  return {
    index,
    id: rule.id,
    loc: at(`${base}/id`),
    tests,
    hours,
    route: routeModel(rule.route, `${base}/route`, at, text),
  };
}

function testSpec(test: Test, pointer: string, at: At, text: Text): TestSpec {
  if (typeof test !== 'object' || Array.isArray(test)) {
    return { op: 'eq', values: many(test, pointer).map(([v, p]) => text(v, p)) };
  }
  const keys = Object.keys(test);
  const kinds =
    keys.filter((k) => k !== 'min' && k !== 'max').length +
    (keys.some((k) => k === 'min' || k === 'max') ? 1 : 0);
  if (kinds > 1) {
    return {
      op: 'invalid',
      loc: at(pointer),
      message: `a test takes one of in, prefix, contains, min/max, exists, not (got ${keys.join(', ')}); use several rules or \`not\` to combine`,
    };
  }
  if (test.in !== undefined) return { op: 'in', list: test.in, loc: at(`${pointer}/in`) };
  if (test.prefix !== undefined)
    return {
      op: 'prefix',
      values: many(test.prefix, `${pointer}/prefix`).map(([v, p]) => text(v, p)),
    };
  if (test.contains !== undefined)
    return {
      op: 'contains',
      values: many(test.contains, `${pointer}/contains`).map(([v, p]) => text(v, p)),
    };
  if (test.exists !== undefined) return { op: 'exists', value: test.exists };
  if (test.not !== undefined)
    return { op: 'not', spec: testSpec(test.not as Test, `${pointer}/not`, at, text) };
  return { op: 'range', min: test.min ?? null, max: test.max ?? null, loc: at(pointer) };
}

function routeModel(
  route: { to?: Destinations; schema?: number; split?: Branch[]; table?: string },
  pointer: string,
  at: At,
  text: Text,
): RouteModel {
  const loc = at(pointer);
  if (route.to !== undefined)
    return { kind: 'to', loc, to: many(route.to, `${pointer}/to`).map(([v, p]) => text(v, p)) };
  if (route.schema !== undefined)
    return { kind: 'schema', loc: at(`${pointer}/schema`), schema: route.schema };
  if (route.table !== undefined)
    return { kind: 'table', loc, path: text(route.table, `${pointer}/table`) };
  const branches = (route.split ?? []).map((b, i): BranchModel => {
    const p = `${pointer}/split/${i}`;
    const target = routeModel(b, p, at, text);
    return {
      weight: b.weight,
      loc: at(p),
      target: target.kind === 'schema' ? target : (target as BranchModel['target']),
    };
  });
  return { kind: 'split', loc, branches };
}

/** A scalar or a list of scalars, each with its JSON pointer. */
function many(value: unknown, pointer: string): [unknown, string][] {
  return Array.isArray(value) ? value.map((v, i) => [v, `${pointer}/${i}`]) : [[value, pointer]];
}
