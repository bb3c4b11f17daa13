// The build-time error corpus: every directory under test/fixtures/broken/ is a small routes dir
// with one family of mistakes and, beside it, `expected.txt`: the exact lines `check` must print
// (written by hand, one `file:line:col: message` per problem, sorted). The test never writes them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as check } from '../../src/cli/check.ts';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { formatProblem } from '../../src/compiler/problem.ts';
import type { TestData } from '../../src/router/conditions/registry.ts';
import { decide } from '../../src/router/decide.ts';
import { loadTable } from '../../src/router/table.ts';
import { runCli } from '../support/aws-cli.ts';

const CORPUS = 'test/fixtures/broken';
/** The positive control: a config that must compile (it has no expected.txt). */
const CONTROL = 'ok-leading-zero-caller';

const dirs = readdirSync(CORPUS, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== CONTROL)
  .map((e) => e.name)
  .sort();
const cases = dirs.map((name) => ({ name, dir: join(CORPUS, name) }));

function expectedLines(dir: string): string[] {
  return readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
}

function tally(lines: string[]): string {
  const warnings = lines.filter((l) => /^[^:]+:\d+:\d+: warning: /.test(l)).length;
  const errors = lines.length - warnings;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${n(errors, 'error')}, ${n(warnings, 'warning')}`;
}

describe('the broken-config corpus', () => {
  it('holds at least 30 cases, each with its expected.txt', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(30);
    expect(dirs.filter((name) => !existsSync(join(CORPUS, name, 'expected.txt')))).toEqual([]);
  });

  it.each(cases)('compileAll reports exactly the problems of $name', ({ dir }) => {
    const result = compileAll(dir);
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual(expectedLines(dir));
  });

  it.each(cases)('check prints exactly the problems of $name and exits 1', async ({ dir }) => {
    const lines = expectedLines(dir);
    const out = await runCli(check, ['--routes', dir]);
    expect(out).toEqual({
      code: 1,
      stdout: lines.map((l) => `${l}\n`).join(''),
      stderr: `check failed: ${tally(lines)}\n`,
    });
    for (const text of [out.stdout, out.stderr]) {
      expect(text).not.toMatch(/^ {4}at /m);
      expect(text).not.toContain('internal error');
    }
  });
});

describe('the positive control', () => {
  const dir = join(CORPUS, CONTROL);

  it('keeps an unquoted leading-zero value as the string written and reports nothing', () => {
    const result = compileAll(dir);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const rule = result.webhooks[0]!.table.rules[0]!;
    const test: TestData = { op: 'eq', values: ['0441112233'] };
    expect(rule.tests).toEqual([{ param: 'ivrnum', test }]);
  });

  it.each([
    ['0441112233', 'ivr-extension'],
    ['441112233', null],
  ])('routes ivrnum %s to rule %s', (ivrnum, id) => {
    const entry = compileAll(dir).webhooks[0]!;
    const table = loadTable(entry.table, (name) => entry.files.get(name)!);
    expect(decide(table, { ivrnum }, 0).rule?.id ?? null).toBe(id);
  });

  it('passes check with exit 0', async () => {
    expect(await runCli(check, ['--routes', dir])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'check ok: 1 webhook, 1 rule\n',
    });
  });
});
