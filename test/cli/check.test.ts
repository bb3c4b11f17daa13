import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as check } from '../../src/cli/check.ts';
import { main } from '../../src/cli/main.ts';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { runCli } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';

const BROKEN = 'test/fixtures/broken';

function routesSummary(): string {
  const { webhooks } = compileAll(EXAMPLE_ROUTES);
  const rules = webhooks.reduce((n, w) => n + w.table.rules.length, 0);
  return `check ok: ${webhooks.length} webhooks, ${rules} rules\n`;
}

describe('routes check', () => {
  it('passes on the example routes with exit 0 and prints only the summary', async () => {
    expect(await runCli(check, ['--routes', EXAMPLE_ROUTES])).toEqual({
      code: 0,
      stdout: '',
      stderr: routesSummary(),
    });
  });

  it('checks routes/ when --routes is not given', async () => {
    // In a directory whose routes/ holds the example routes: the repository's own routes/ is the
    // user's to edit.
    const root = mkdtempSync(join(tmpdir(), 'check-default-'));
    cpSync(EXAMPLE_ROUTES, join(root, 'routes'), { recursive: true });
    const summary = routesSummary();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(await runCli(check, [])).toEqual({ code: 0, stdout: '', stderr: summary });
    } finally {
      process.chdir(cwd);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails a broken config with exit 1, every problem located and a tally', async () => {
    const dir = `${BROKEN}/two-webhooks`;
    expect(await runCli(check, ['--routes', dir])).toEqual({
      code: 1,
      stdout: [
        `${dir}/sales.yaml:6:27: rule "vip": unknown list "vip" (no lists defined)`,
        `${dir}/support.yaml:5:11: default: a schema route cannot be answered with answer.format text (Ringostat's http receive type takes a destination only)`,
        '',
      ].join('\n'),
      stderr: 'check failed: 2 errors, 0 warnings\n',
    });
  });

  it('checks route tests too: their schema, call dates, webhooks and rule ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-tests-'));
    try {
      writeFileSync(
        join(dir, 'sales.yaml'),
        '# yaml-language-server: $schema=../schema/routes.schema.json\ndefault: { schema: 1 }\nrules:\n  - { id: vip, when: { caller: "380441112233" }, route: { schema: 2 } }\n',
      );
      const cases = (...lines: string[]) => ['cases:', ...lines, ''].join('\n');
      writeFileSync(
        join(dir, 'sales.test.yaml'),
        cases(
          '  - { name: typo, call: { caller: "380441112233" }, expect: { shema: 2 } }',
          '  - { name: day, call: { date: "15.12.2026 10:00" }, expect: { default: true } }',
        ),
      );
      writeFileSync(
        join(dir, 'ads.test.yaml'),
        cases('  - { name: lost, call: {}, expect: { default: true } }'),
      );
      expect(await runCli(check, ['--routes', dir])).toEqual({
        code: 1,
        stdout: [
          `${dir}/ads.test.yaml:1:1: route tests for webhook "ads", which does not exist or has errors`,
          `${dir}/sales.test.yaml:2:63: cases[0].expect: unknown key "shema" (allowed: to, schema, default, rule)`,
          '',
        ].join('\n'),
        stderr: 'check failed: 2 errors, 0 warnings\n',
      });
      writeFileSync(
        join(dir, 'sales.test.yaml'),
        cases(
          '  - { name: typo, call: { caller: "380441112233" }, expect: { rule: vpi } }',
          '  - { name: day, call: { date: "15.12.2026 10:00" }, expect: { default: true } }',
        ),
      );
      expect(await runCli(check, ['--routes', dir])).toEqual({
        code: 1,
        stdout: [
          `${dir}/ads.test.yaml:1:1: route tests for webhook "ads", which does not exist or has errors`,
          `${dir}/sales.test.yaml:2:5: case "typo": expects rule "vpi", which sales does not have (rules: vip)`,
          `${dir}/sales.test.yaml:3:32: "15.12.2026 10:00" is not a call date YYYY-MM-DD HH:MM[:SS] (the router would ignore it and use the current time, so the case would depend on the day it runs)`,
          '',
        ].join('\n'),
        stderr: 'check failed: 3 errors, 0 warnings\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints GitHub annotations with --format github', async () => {
    const dir = `${BROKEN}/empty-file`;
    const file = `${dir}/sales.yaml`;
    expect(await runCli(check, ['--routes', dir, '--format', 'github'])).toEqual({
      code: 1,
      stdout: [
        `::warning file=${file},line=1,col=1::start the file with "# yaml-language-server: $schema=../schema/routes.schema.json" so editors validate it as you type`,
        `::error file=${file},line=1,col=1::the file is empty: a webhook needs at least a \`default\` route`,
        '',
      ].join('\n'),
      stderr: 'check failed: 1 error, 1 warning\n',
    });
  });

  it('annotates every problem of a file, one line each', async () => {
    const dir = `${BROKEN}/overlapping-hours`;
    const out = await runCli(check, ['--format=github', '--routes', dir]);
    expect(out.stdout).toBe(
      [
        `::error file=${dir}/sales.yaml,line=8,col=11::hours "office": wed 08:00-10:00 overlaps mon-fri 09:00-18:00 (line 7)`,
        `::error file=${dir}/sales.yaml,line=8,col=26::hours "office": wed 17:00-20:00 overlaps mon-fri 09:00-18:00 (line 7)`,
        '',
      ].join('\n'),
    );
    expect(out.code).toBe(1);
  });

  it('escapes commas and colons in the annotation file name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'check-'));
    try {
      const dir = join(root, 'a,b:c');
      mkdirSync(dir);
      writeFileSync(join(dir, 'sales.yaml'), 'default: { schema: 0 }\n');
      const out = await runCli(check, ['--routes', dir, '--format', 'github']);
      const file = `${root}/a%2Cb%3Ac/sales.yaml`;
      expect(out.stdout).toBe(
        [
          `::warning file=${file},line=1,col=1::start the file with "# yaml-language-server: $schema=../schema/routes.schema.json" so editors validate it as you type`,
          `::error file=${file},line=1,col=20::default.schema: must be a positive integer (the ID of a Ringostat forwarding scheme)`,
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('passes with exit 0 when there are only warnings, and counts them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    try {
      writeFileSync(join(dir, 'sales.yaml'), 'default: { schema: 26076 }\n');
      expect(await runCli(check, ['--routes', dir])).toEqual({
        code: 0,
        stdout: `${dir}/sales.yaml:1:1: warning: start the file with "# yaml-language-server: $schema=../schema/routes.schema.json" so editors validate it as you type\n`,
        stderr: 'check ok: 1 webhook, 0 rules, 1 warning\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['check', '--format', 'xml'], 'routes check: --format must be text or github, got "xml"\n'],
    [
      ['check', '--rotues', 'routes'],
      'routes check: unknown option --rotues (known: --routes, --format)\n',
    ],
    [['check', '--routes'], 'routes check: --routes needs a value\n'],
  ])('exits 2 on the command line %j', async (argv, stderr) => {
    expect(await runCli(main, argv)).toEqual({ code: 2, stdout: '', stderr });
  });
});
