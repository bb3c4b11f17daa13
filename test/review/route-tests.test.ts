import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { formatProblem } from '../../src/compiler/problem.ts';
import { caseMismatches, describeOutcome, type Outcome } from '../../src/review/case-check.ts';
import { loadRouteCases, type RouteCase } from '../../src/review/route-tests.ts';
import { describeFailure, runCases } from '../../src/review/run-tests.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'route-tests-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): void {
  writeFileSync(join(dir, name), text);
}

function problems(): string[] {
  return loadRouteCases(dir).problems.map(formatProblem);
}

describe('loadRouteCases', () => {
  it('loads every case of the example routes with its place, call and expectation', () => {
    const { cases, problems } = loadRouteCases(EXAMPLE_ROUTES);
    expect(problems).toEqual([]);
    expect(new Set(cases.map((c) => c.webhook))).toEqual(new Set(['sales', 'support']));
    expect(cases[0]).toEqual({
      webhook: 'sales',
      name: 'blocked caller gets the block scheme',
      file: `${EXAMPLE_ROUTES}/sales.test.yaml`,
      line: 3,
      col: 5,
      call: { caller: '380441112233' },
      now: null,
      expect: { schema: 111, rule: 'blocked' },
    });
  });

  it('reads call values as strings, keeping leading zeros, and parses now', () => {
    write(
      'sales.test.yaml',
      [
        'cases:',
        '  - name: local caller',
        '    call: { caller: 0441112233, callnum: 3, first: true }',
        '    now: "2026-11-24T08:00:00Z"',
        '    expect: { to: 380441111111, default: false }',
        '',
      ].join('\n'),
    );
    expect(loadRouteCases(dir)).toEqual({
      problems: [],
      cases: [
        {
          webhook: 'sales',
          name: 'local caller',
          file: `${dir}/sales.test.yaml`,
          line: 2,
          col: 5,
          call: { caller: '0441112233', callnum: '3', first: 'true' },
          now: Date.UTC(2026, 10, 24, 8),
          expect: { to: ['380441111111'], default: false },
        },
      ],
    });
  });

  it.each(['15.12.2026 10:00', '2026-12-15', '2026-02-30 10:00:00', '2026-12-15 25:00'])(
    'refuses the malformed call date %j at its place',
    (date) => {
      write(
        'sales.test.yaml',
        `cases:\n  - name: weekday\n    call: { caller: "380441112233", date: "${date}" }\n    expect: { default: true }\n`,
      );
      expect(problems()).toEqual([
        `${dir}/sales.test.yaml:3:43: "${date}" is not a call date YYYY-MM-DD HH:MM[:SS] (the router would ignore it and use the current time, so the case would depend on the day it runs)`,
      ]);
    },
  );

  it('accepts a call date with or without seconds', () => {
    write(
      'sales.test.yaml',
      'cases:\n  - name: a\n    call: { date: "2026-12-15 10:00" }\n    expect: { default: true }\n  - name: b\n    call: { date: "2026-12-15 10:00:59" }\n    expect: { default: true }\n',
    );
    expect(problems()).toEqual([]);
  });

  it('skips test files that start with _ and files that are not tests', () => {
    write('_draft.test.yaml', 'cases: nope\n');
    write('sales.yaml', 'default: { schema: 1 }\n');
    expect(loadRouteCases(dir)).toEqual({ cases: [], problems: [] });
  });

  it('locates schema errors in a test file, all at once and sorted', () => {
    write(
      'support.test.yaml',
      [
        'cases:',
        '  - name: ok',
        '    call: { caller: "380671234567" }',
        '    expect: { default: true }',
        '  - name: bad',
        '    call: { caller: [1] }',
        '    expct: { default: true }',
        '    now: yesterday',
        '  - name: empty expectation',
        '    call: {}',
        '    expect: {}',
        '',
      ].join('\n'),
    );
    write(
      'sales.test.yaml',
      'cases:\n  - name: 5\n    call: { a: b }\n    expect: { rule: x, tos: [] }\n',
    );
    expect(problems()).toEqual([
      `${dir}/sales.test.yaml:2:11: cases[0].name: must be a string`,
      `${dir}/sales.test.yaml:4:24: cases[0].expect: unknown key "tos" (allowed: to, schema, default, rule)`,
      `${dir}/support.test.yaml:5:5: cases[1]: missing required key "expect"`,
      `${dir}/support.test.yaml:6:21: cases[1].call.caller: must be a string or a number or a boolean`,
      `${dir}/support.test.yaml:7:5: cases[1]: unknown key "expct" (allowed: name, call, now, expect)`,
      `${dir}/support.test.yaml:8:10: cases[1].now: must be an ISO 8601 instant with a zone, like 2026-11-24T08:00:00Z`,
      `${dir}/support.test.yaml:11:13: cases[2].expect: expect takes at least one of: to, schema, default, rule`,
    ]);
  });

  it('reports a now that matches the pattern but is not a real instant', () => {
    write(
      'sales.test.yaml',
      'cases:\n  - name: x\n    call: {}\n    now: "2026-13-45T10:00Z"\n    expect: { default: true }\n',
    );
    expect(problems()).toEqual([
      `${dir}/sales.test.yaml:4:10: "2026-13-45T10:00Z" is not a valid instant`,
    ]);
  });

  it('reports YAML errors in a test file with their place', () => {
    write('sales.test.yaml', 'cases:\n  - name: x\n    name: y\n');
    expect(problems()).toEqual([
      `${dir}/sales.test.yaml:3:5: duplicate key "name" (first at ${dir}/sales.test.yaml:2:5)`,
    ]);
  });

  it('refuses, unread, a test file that is a symbolic link out of routes/', () => {
    const outside = mkdtempSync(join(tmpdir(), 'route-tests-outside-'));
    try {
      writeFileSync(join(outside, 'secret.yaml'), 'cases: []\n');
      symlinkSync(join(outside, 'secret.yaml'), join(dir, 'sales.test.yaml'));
      expect(problems()).toEqual([
        `${dir}/sales.test.yaml:1:1: the file is a symbolic link out of routes/ (not read: every file must be inside routes/)`,
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('places a byte that is not UTF-8 in a test file', () => {
    writeFileSync(
      join(dir, 'sales.test.yaml'),
      Buffer.from('cases:\n  - name: caf\xE9\n', 'latin1'),
    );
    expect(problems()).toEqual([
      `${dir}/sales.test.yaml:2:14: the file is not UTF-8 text: byte 0xE9 does not belong here (save the file as UTF-8)`,
    ]);
  });

  it('reports a test file without cases', () => {
    write('sales.test.yaml', 'case: []\n');
    expect(problems()).toEqual([
      `${dir}/sales.test.yaml:1:1: missing required key "cases"`,
      `${dir}/sales.test.yaml:1:1: unknown key "case" (allowed: cases)`,
    ]);
  });
});

const blocked: Outcome = { target: { kind: 'schema', schema: 111 }, rule: 'blocked' };
const fallback: Outcome = { target: { kind: 'to', to: '380441110000' }, rule: null };

function routeCase(expectation: RouteCase['expect']): RouteCase {
  return {
    webhook: 'sales',
    name: 'n',
    file: 'routes/sales.test.yaml',
    line: 7,
    col: 5,
    call: {},
    now: null,
    expect: expectation,
  };
}

describe('case checks', () => {
  it.each([
    [{ schema: 111, rule: 'blocked' }, blocked],
    [{ to: ['+38 (044) 111-00-00'], default: true }, fallback],
    [{ default: false }, blocked],
  ])('passes %j', (expectation, outcome) => {
    expect(caseMismatches(routeCase(expectation), outcome)).toEqual([]);
  });

  it.each([
    [{ schema: 112 }, blocked, ['expected schema 112, got schema 111 (rule "blocked")']],
    [
      { to: ['380441111111'] },
      blocked,
      ['expected to 380441111111, got schema 111 (rule "blocked")'],
    ],
    [{ schema: 111 }, fallback, ['expected schema 111, got to 380441110000 (default)']],
    [{ default: true }, blocked, ['expected the default answer, got schema 111 (rule "blocked")']],
    [{ default: false }, fallback, ['expected a rule to answer, got to 380441110000 (default)']],
    [{ rule: 'vip' }, fallback, ['expected rule "vip" to answer, got to 380441110000 (default)']],
    [
      { to: ['380441111111', '380441111112'], rule: 'vip' },
      blocked,
      [
        'expected to 380441111111,380441111112, got schema 111 (rule "blocked")',
        'expected rule "vip" to answer, got schema 111 (rule "blocked")',
      ],
    ],
  ])('reports %j against %j', (expectation, outcome, messages) => {
    expect(caseMismatches(routeCase(expectation), outcome)).toEqual(messages);
  });

  it('describes outcomes for people', () => {
    expect(describeOutcome(blocked)).toBe('schema 111 (rule "blocked")');
    expect(describeOutcome(fallback)).toBe('to 380441110000 (default)');
  });

  it('prints a failure with its place, expectation, actual answer and every mismatch', () => {
    const c = routeCase({ to: ['380441111111'], rule: 'vip' });
    const [result] = runCases(
      compileAll(EXAMPLE_ROUTES).webhooks,
      [{ ...c, call: { caller: '380441112233' } }],
      0,
    ).results;
    expect(describeFailure(result!)).toBe(
      [
        'FAIL routes/sales.test.yaml:7:5: n',
        '  expected: {"to":["380441111111"],"rule":"vip"}',
        '  actual:   schema 111 (rule "blocked")',
        '  - expected to 380441111111, got schema 111 (rule "blocked")',
        '  - expected rule "vip" to answer, got schema 111 (rule "blocked")',
      ].join('\n'),
    );
  });

  it('fails a case whose webhook does not compile or does not exist', () => {
    const c = { ...routeCase({ default: true }), webhook: 'nope' };
    const { results, coverage } = runCases(compileAll(EXAMPLE_ROUTES).webhooks, [c], 0);
    expect(results).toEqual([
      {
        case: c,
        outcome: null,
        mismatches: ['no webhook "nope" (no routes/nope.yaml, or it has errors)'],
      },
    ]);
    expect(coverage.every((cv) => cv.reached.size === 0)).toBe(true);
  });
});
