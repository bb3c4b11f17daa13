// The compiled, indexed router against the naive reference interpreter: on every route test
// case, on a seeded sweep over the example routes, and on seeded random webhooks. Any
// disagreement fails with the seed, the rules, the call and both answers.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRouteCases, type RouteCase } from '../../src/review/route-tests.ts';
import { ROUTER_CONDITIONS } from '../../src/router/conditions/registry.ts';
import { decide, type Params } from '../../src/router/decide.ts';
import type { Table } from '../../src/router/table.ts';
import { compileRandomRoutes, compileTables } from '../support/compiled.ts';
import { routesYaml } from '../support/random-routes.ts';
import { createRng, randomCall, randomNow } from '../support/random-values.ts';
import {
  loadReference,
  type RefAnswer,
  type RefWebhook,
  referenceDecide,
  refNormalize,
} from '../support/reference.ts';

const ROUTES = fileURLToPath(new URL('../fixtures/routes/', import.meta.url));
/** Sunday 29 March 2026, 02:30 in Kyiv: the night DST starts, outside every office schedule. */
const CASE_NOW = Date.parse('2026-03-29T00:30:00Z');

/** Values the example routes are written with, beyond the random alphabets. */
const EXAMPLE_VALUES = {
  caller: [
    '380441112233',
    '380501234567',
    '380671112233',
    '380931234567',
    '77011234567',
    '380509876543',
  ],
  more: ['380661234567', '380971234567', '380631234567', '380447654321', '77271234567'],
  uniquefirst: ['1', '0'],
  callnum: ['3', '4'],
  lastpage: ['https://example.com/pricing?plan=pro', 'https://example.com/tariffs/'],
};
const EXTRA = { ...EXAMPLE_VALUES, caller: [...EXAMPLE_VALUES.caller, ...EXAMPLE_VALUES.more] };

const scratch = mkdtempSync(join(tmpdir(), 'differential-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the compiled router and the reference interpreter', () => {
  const tables = compileTables(ROUTES);
  const { cases, problems } = loadRouteCases(ROUTES);
  const hooks = new Map([...tables.keys()].map((name) => [name, loadReference(ROUTES, name)]));

  it('find the route test cases of the example routes', () => {
    expect(problems).toEqual([]);
    expect(new Set(cases.map((c) => c.webhook))).toEqual(new Set(['sales', 'support']));
  });

  it.each(cases.map((c) => [`${c.webhook}: ${c.name}`, c] as const))(
    'agree on route test case "%s", and both meet its expectation',
    (_, c) => {
      const now = c.now ?? CASE_NOW;
      const ref = referenceDecide(hooks.get(c.webhook)!, c.call, now);
      expect(compiled(tables.get(c.webhook)!, c.call, now)).toEqual(ref);
      expect(asExpected(ref, c.expect)).toEqual(normalized(c.expect));
    },
  );

  it('agree on 10,000 random calls to the example routes, across a week and two DST changes', () => {
    const rng = createRng(20_260_329);
    const stats = new Stats();
    for (let i = 0; i < 10_000; i++) {
      const name = rng.pick(['sales', 'support']);
      const call = randomCall(rng, EXTRA);
      const now = randomNow(rng);
      const ref = referenceDecide(hooks.get(name)!, call, now);
      const got = compiled(tables.get(name)!, call, now);
      agree(ref, got, () =>
        report(`test/fixtures/routes/${name}.yaml (sweep call ${i})`, call, now, ref, got),
      );
      stats.add(ref);
    }
    // Guards against a sweep that tests nothing: every rule of both files answers some calls.
    expect(stats.rules).toEqual(new Set([...hooks.values()].flatMap((h) => ruleIds(h))));
    expect(stats.defaults).toBeGreaterThan(500);
  });

  it('agree on 200 random webhooks x 100 random calls each', () => {
    const stats = new Stats();
    for (let seed = 1; seed <= 200; seed++) {
      const dir = join(scratch, `seed-${seed}`);
      mkdirSync(dir);
      const { routes, table } = compileRandomRoutes(dir, 'random', seed);
      const hook = loadReference(dir, 'random');
      const rng = createRng(seed);
      for (let i = 0; i < 100; i++) {
        const call = randomCall(rng);
        const now = randomNow(rng);
        const ref = referenceDecide(hook, call, now);
        const got = compiled(table, call, now);
        const what = () =>
          `seed ${seed}, call ${i}, rules:\n${routesYaml(routes)}\n${files(routes.files)}`;
        agree(ref, got, () => report(what(), call, now, ref, got));
        stats.add(ref, table);
      }
    }
    expect(stats.defaults).toBeGreaterThan(2_000);
    expect(stats.answers).toBeGreaterThan(8_000);
    expect(stats.kinds).toEqual(
      new Set(['to', 'schema', 'split', 'table', 'not hours', ...Object.keys(ROUTER_CONDITIONS)]),
    );
  });
});

/** The compiled router's answer in the reference's shape. */
function compiled(table: Table, call: Params, now: number): RefAnswer {
  const decision = decide(table, call, now);
  return { ruleId: decision.rule?.id ?? null, target: decision.target };
}

function agree(ref: RefAnswer, got: RefAnswer, context: () => string): void {
  // Checked by hand first: building the report for each of 30,000 agreeing calls would dominate.
  const same =
    ref.ruleId === got.ruleId &&
    ref.target.kind === got.target.kind &&
    (ref.target.kind === 'to'
      ? ref.target.to === (got.target as { to: string }).to
      : ref.target.schema === (got.target as { schema: number }).schema);
  if (!same) expect(got, context()).toEqual(ref);
}

function report(what: string, call: Params, now: number, ref: RefAnswer, got: RefAnswer): string {
  return [
    `disagreement on ${what}`,
    `call: ${JSON.stringify(call)} at ${new Date(now).toISOString()}`,
    `reference: ${JSON.stringify(ref)}`,
    `compiled:  ${JSON.stringify(got)}`,
  ].join('\n');
}

function files(all: Map<string, string>): string {
  return [...all].map(([path, text]) => `--- ${path}\n${text}`).join('\n');
}

/** The parts of an answer a route test case's `expect` names. */
function asExpected(answer: RefAnswer, expected: RouteCase['expect']): RouteCase['expect'] {
  const out: RouteCase['expect'] = {};
  const { target } = answer;
  if (expected.to !== undefined) out.to = target.kind === 'to' ? target.to.split(',') : [];
  if (expected.schema !== undefined && target.kind === 'schema') out.schema = target.schema;
  if (expected.default !== undefined) out.default = answer.ruleId === null;
  if (expected.rule !== undefined && answer.ruleId !== null) out.rule = answer.ruleId;
  return out;
}

function normalized(expected: RouteCase['expect']): RouteCase['expect'] {
  return expected.to === undefined ? expected : { ...expected, to: expected.to.map(refNormalize) };
}

function ruleIds(hook: RefWebhook): string[] {
  return (hook.doc.rules ?? []).map((r) => r.id);
}

/** What a sweep exercised, so a generator that stops producing matches fails the test. */
class Stats {
  rules = new Set<string>();
  kinds = new Set<string>();
  defaults = 0;
  answers = 0;

  add(answer: RefAnswer, table?: Table): void {
    if (answer.ruleId === null) {
      this.defaults++;
      return;
    }
    this.answers++;
    this.rules.add(answer.ruleId);
    const rule = table?.rules.find((r) => r.data.id === answer.ruleId)?.data;
    if (rule) this.kinds.add(rule.route.kind);
    for (const { condition } of rule?.conditions ?? []) {
      this.kinds.add(condition.op);
      if (condition.op === 'hours' && condition.negate) this.kinds.add('not hours');
    }
  }
}
