import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { run as test } from '../../src/cli/test.ts';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { BranchCoverage } from '../../src/review/branch-coverage.ts';
import { loadRouteCases } from '../../src/review/route-tests.ts';
import { runCli } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';

const HOTLINE = `# yaml-language-server: $schema=../schema/routes.schema.json
timezone: Europe/Kyiv
default: { schema: 26076 }
hours:
  office: { mon-fri: "09:00-18:00" }
lists:
  blocked: ["380441112233"]
rules:
  - id: blocked
    when: { caller: { in: blocked } }
    route: { schema: 111 }
  - id: kyiv
    when: { caller: { prefix: "38044" }, hours: office }
    route: { to: ["380441111111"] }
  - id: ads
    when: { source: google }
    route: { to: ["sip/ads@pbx.example.com"] }
`;

const PASSING = `cases:
  - name: blocked caller
    call: { caller: "380441112233" }
    expect: { schema: 111, rule: blocked }
`;

const FAILING = `${PASSING}  - name: Kyiv caller at night
    call: { caller: "380447654321", date: "2026-11-24 23:00:00" }
    expect: { to: ["380441111111"], rule: kyiv }
`;

// Every rule answers once, but no case is outside office hours or gets the default.
const ALL_RULES = `${PASSING}  - name: Kyiv caller in office hours
    call: { caller: "380447654321", date: "2026-11-24 10:00:00" }
    expect: { rule: kyiv }
  - name: Google click
    call: { caller: "380501234567", source: google }
    expect: { rule: ads }
`;

const PASSING_BRANCHES =
  'hotline: 1/6 branches reached; no case reaches: kyiv, kyiv inside hours office, kyiv outside hours office, ads, the default\n';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'routes-test-'));
  writeFileSync(join(dir, 'hotline.yaml'), HOTLINE);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('routes test', () => {
  it('passes on the example routes with 100% rule and branch coverage', async () => {
    const counts = compileAll(EXAMPLE_ROUTES).webhooks.map((w) => {
      const n = w.table.rules.length;
      const b = new BranchCoverage(w.table).branches.length;
      return `${w.name}: ${n}/${n} rules reached\n${w.name}: ${b}/${b} branches reached\n`;
    });
    const cases = loadRouteCases(EXAMPLE_ROUTES).cases.length;
    const argv = ['--routes', EXAMPLE_ROUTES, '--min-coverage', '100', '--coverage', 'branches'];
    expect(await runCli(test, argv)).toEqual({
      code: 0,
      stdout: `${counts.join('')}coverage: 100% of rules\ncoverage: 100% of branches\n${cases} passed, 0 failed\n`,
      stderr: '',
    });
  });

  it('prints a failing case with its place, expected and actual answer and the rule that answered', async () => {
    writeFileSync(join(dir, 'hotline.test.yaml'), FAILING);
    expect(await runCli(test, ['--routes', dir])).toEqual({
      code: 1,
      stdout: [
        `FAIL ${dir}/hotline.test.yaml:5:5: Kyiv caller at night`,
        '  expected: {"to":["380441111111"],"rule":"kyiv"}',
        '  actual:   schema 26076 (default)',
        '  - expected to 380441111111, got schema 26076 (default)',
        '  - expected rule "kyiv" to answer, got schema 26076 (default)',
        'hotline: 1/3 rules reached; no case reaches: kyiv, ads',
        'hotline: 3/6 branches reached; no case reaches: kyiv, kyiv inside hours office, ads',
        'coverage: 33.3% of rules',
        'coverage: 50% of branches',
        '1 passed, 1 failed',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('fails below --min-coverage and lists the rules no case reaches', async () => {
    writeFileSync(join(dir, 'hotline.test.yaml'), PASSING);
    expect(await runCli(test, ['--routes', dir, '--min-coverage', '50'])).toEqual({
      code: 1,
      stdout: `hotline: 1/3 rules reached; no case reaches: kyiv, ads\n${PASSING_BRANCHES}coverage: 33.3% of rules\ncoverage: 16.6% of branches\n1 passed, 0 failed\n`,
      stderr: 'test: rule coverage 33.3% is below --min-coverage 50%\n',
    });
  });

  it('gates on branches with --coverage branches, though every rule is reached', async () => {
    writeFileSync(join(dir, 'hotline.test.yaml'), ALL_RULES);
    expect(
      await runCli(test, ['--routes', dir, '--min-coverage', '100', '--coverage', 'branches']),
    ).toEqual({
      code: 1,
      stdout: [
        'hotline: 3/3 rules reached',
        'hotline: 4/6 branches reached; no case reaches: kyiv outside hours office, the default',
        'coverage: 100% of rules',
        'coverage: 66.6% of branches',
        '3 passed, 0 failed',
        '',
      ].join('\n'),
      stderr: 'test: branch coverage 66.6% is below --min-coverage 100%\n',
    });
    expect((await runCli(test, ['--routes', dir, '--min-coverage', '100'])).code).toBe(0);
  });

  it('passes at or above --min-coverage, and without it whatever the coverage', async () => {
    writeFileSync(join(dir, 'hotline.test.yaml'), PASSING);
    expect((await runCli(test, ['--routes', dir, '--min-coverage', '33.3'])).code).toBe(0);
    expect((await runCli(test, ['--routes', dir])).code).toBe(0);
  });

  it('reports every rule and branch of a webhook without tests as unreached', async () => {
    expect(await runCli(test, ['--routes', dir])).toEqual({
      code: 0,
      stdout: [
        'hotline: 0/3 rules reached; no case reaches: blocked, kyiv, ads',
        'hotline: 0/6 branches reached; no case reaches: blocked, kyiv, kyiv inside hours office, kyiv outside hours office, ads, the default',
        'coverage: 0% of rules',
        'coverage: 0% of branches',
        '0 passed, 0 failed',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('stops before running cases when the config or a test file has errors, listing them sorted', async () => {
    writeFileSync(join(dir, 'hotline.test.yaml'), 'cases:\n  - name: x\n    call: {}\n');
    writeFileSync(
      join(dir, 'other.yaml'),
      '# yaml-language-server: $schema=../schema/routes.schema.json\ndefault: {}\n',
    );
    expect(await runCli(test, ['--routes', dir])).toEqual({
      code: 1,
      stdout: [
        `${dir}/hotline.test.yaml:2:5: cases[0]: missing required key "expect"`,
        `${dir}/other.yaml:2:10: default: the default route takes exactly one of: to, schema, split`,
        '',
      ].join('\n'),
      stderr: 'test: fix the errors above first\n',
    });
  });

  it('exits 2 for a --coverage it does not know', async () => {
    expect(await runCli(main, ['test', '--routes', dir, '--coverage', 'lines'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'routes test: --coverage must be rules or branches, got "lines"\n',
    });
  });

  it.each([['101'], ['-1'], ['lots']])('exits 2 for --min-coverage %s', async (value) => {
    expect(await runCli(main, ['test', '--routes', dir, '--min-coverage', value])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'routes test: --min-coverage takes a percentage between 0 and 100\n',
    });
  });
});
