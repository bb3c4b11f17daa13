import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { loadYaml } from '../compiler/load/load-yaml.ts';
import { displayDir, readRoutesYaml } from '../compiler/load/source-files.ts';
import { addAll, error, type Problem, sortProblems } from '../compiler/problem.ts';
import { compileSchema, validateWith } from '../compiler/validate/validate.ts';
import { parseCallDate } from '../router/clock.ts';

/** One route test case, located in its file. */
export interface RouteCase {
  webhook: string;
  name: string;
  file: string;
  line: number;
  col: number;
  call: Record<string, string>;
  /** Epoch ms the call happens at when it has no `date`; null = when the tests run. */
  now: number | null;
  expect: { to?: string[]; schema?: number; default?: boolean; rule?: string };
}

const schemaUrl = new URL('../../schema/route-tests.schema.json', import.meta.url);
let validator: ValidateFunction | undefined;

/** Loads every `routes/<webhook>.test.yaml`; problems are located like config errors. */
export function loadRouteCases(routesDir: string): { cases: RouteCase[]; problems: Problem[] } {
  const display = displayDir(routesDir);
  const names = readdirSync(routesDir)
    .filter((f) => /^[^_].*\.test\.ya?ml$/.test(f))
    .sort();
  const cases: RouteCase[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const webhook = name.replace(/\.test\.ya?ml$/, '');
    const file = `${display}${name}`;
    const read = readRoutesYaml(routesDir, join(routesDir, name), file, 'a route test file');
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const source = loadYaml(file, read.text);
    addAll(problems, source.problems);
    if (source.problems.some((p) => p.severity === 'error')) continue;
    validator ??= compileSchema(JSON.parse(readFileSync(schemaUrl, 'utf8')));
    const invalid = validateWith(validator, source);
    addAll(problems, invalid);
    if (invalid.length > 0) continue;
    const data = source.data as { cases: RawCase[] };
    data.cases.forEach((c, i) => {
      const loc = source.locate(`/cases/${i}`);
      const now = c.now === undefined ? null : Date.parse(c.now);
      if (now !== null && Number.isNaN(now))
        problems.push(error(source.locate(`/cases/${i}/now`), `"${c.now}" is not a valid instant`));
      const date = c.call.date;
      if (date !== undefined && parseCallDate(String(date)) === null) {
        const why = `"${String(date)}" is not a call date YYYY-MM-DD HH:MM[:SS] (the router would ignore it and use the current time, so the case would depend on the day it runs)`;
        problems.push(error(source.locate(`/cases/${i}/call/date`), why));
      }
      cases.push({
        webhook,
        name: c.name,
        ...loc,
        now,
        call: strings(c.call),
        expect: expectation(c.expect),
      });
    });
  }
  return { cases, problems: sortProblems(problems) };
}

/** Problems of cases that name a webhook or rule the routes do not have. */
export function unknownNames(
  cases: RouteCase[],
  webhooks: readonly { name: string; table: { rules: { id: string }[] } }[],
): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const c of cases) {
    const hook = webhooks.find((w) => w.name === c.webhook);
    if (!hook) {
      if (!reported.has(c.file)) {
        reported.add(c.file);
        const message = `route tests for webhook "${c.webhook}", which does not exist or has errors`;
        problems.push(error({ file: c.file, line: 1, col: 1 }, message));
      }
      continue;
    }
    const rule = c.expect.rule;
    const ids = hook.table.rules.map((r) => r.id);
    if (rule !== undefined && !ids.includes(rule)) {
      const message = `case "${c.name}": expects rule "${rule}", which ${c.webhook} does not have (rules: ${ids.join(', ')})`;
      problems.push(error(c, message));
    }
  }
  return problems;
}

interface RawCase {
  name: string;
  call: Record<string, unknown>;
  now?: string;
  expect: { to?: unknown; schema?: number; default?: boolean; rule?: string };
}

function strings(call: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(call).map(([k, v]) => [k, String(v)]));
}

function expectation(raw: RawCase['expect']): RouteCase['expect'] {
  const out: RouteCase['expect'] = {};
  if (raw.to !== undefined) out.to = (Array.isArray(raw.to) ? raw.to : [raw.to]).map(String);
  if (raw.schema !== undefined) out.schema = raw.schema;
  if (raw.default !== undefined) out.default = raw.default;
  if (raw.rule !== undefined) out.rule = raw.rule;
  return out;
}
