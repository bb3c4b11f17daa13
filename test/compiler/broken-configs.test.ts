// The build-time error corpus: every directory under test/fixtures/broken/ is a small routes dir
// with one family of mistakes and, beside it, `expected.txt`: the exact lines `check` must print
// (written by hand, one `file:line:col: message` per problem, sorted). The test never writes them.
// Cases that need symbolic links or huge files are built in a scratch dir instead
// (test/support/generated-configs.ts). Directories named `ok-*` are positive controls: they
// must compile without a single problem.
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as check } from '../../src/cli/check.ts';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { formatProblem, sortProblems } from '../../src/compiler/problem.ts';
import { loadRouteCases } from '../../src/review/route-tests.ts';
import type { ConditionData } from '../../src/router/conditions/registry.ts';
import { decide } from '../../src/router/decide.ts';
import { loadTable } from '../../src/router/table.ts';
import { runCli } from '../support/aws-cli.ts';
import { buildGenerated, GENERATED } from '../support/generated-configs.ts';

const CORPUS = 'test/fixtures/broken';
/** The first positive control, with assertions of its own below. */
const CONTROL = 'ok-leading-zero-caller';

const entries = readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory());
const dirs = entries
  .map((e) => e.name)
  .filter((name) => !name.startsWith('ok-'))
  .sort();
const controls = entries
  .map((e) => e.name)
  .filter((name) => name.startsWith('ok-'))
  .sort();
const scratch = mkdtempSync(join(tmpdir(), 'broken-generated-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const committed = dirs.map((name) => {
  const dir = join(CORPUS, name);
  return {
    name,
    dir,
    lines: readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter(Boolean),
  };
});
const generated = GENERATED.map((config) => {
  const dir = buildGenerated(join(scratch, config.name), config);
  return { name: config.name, dir, lines: config.expected.map((l) => l.replaceAll('{dir}', dir)) };
});
const cases = [...committed, ...generated];

function tally(lines: string[]): string {
  const warnings = lines.filter((l) => /^[^:]+:\d+:\d+: warning: /.test(l)).length;
  const errors = lines.length - warnings;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${n(errors, 'error')}, ${n(warnings, 'warning')}`;
}

/** Whether every file `compileAll` read really lies inside `dir`, links resolved. */
function readInside(dir: string, sources: Map<string, string>): string[] {
  const root = realpathSync(dir);
  return [...sources.keys()].filter((rel) => {
    const real = realpathSync(join(dir, rel));
    return real !== root && !real.startsWith(`${root}${sep}`);
  });
}

describe('the broken-config corpus', () => {
  it('holds at least 60 broken or hostile configs, each with its expected lines', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(dirs.filter((name) => !existsSync(join(CORPUS, name, 'expected.txt')))).toEqual([]);
    expect(cases.filter((c) => c.lines.length === 0).map((c) => c.name)).toEqual([]);
  });

  // check also loads the route tests (`*.test.yaml`), where some cases put their mistake.
  it.each(cases)(
    'compileAll and the route tests report exactly the problems of $name, reading only inside it',
    ({ dir, lines }) => {
      const result = compileAll(dir);
      const problems = sortProblems([...result.problems, ...loadRouteCases(dir).problems]);
      expect(problems.map(formatProblem)).toEqual(lines);
      expect(readInside(dir, result.sources)).toEqual([]);
    },
  );

  it.each(cases)(
    'check prints exactly the problems of $name and exits 1',
    async ({ dir, lines }) => {
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
    },
  );
});

describe('the positive controls', () => {
  it.each(controls)('compiles %s without a single problem, and check exits 0', async (name) => {
    const dir = join(CORPUS, name);
    expect(compileAll(dir).problems).toEqual([]);
    expect((await runCli(check, ['--routes', dir])).code).toBe(0);
  });

  it('reads a CSV with a byte order mark, CRLF line ends and quoted fields', () => {
    const entry = compileAll(join(CORPUS, 'ok-csv-quotes-bom-crlf')).webhooks[0]!;
    const table = loadTable(entry.table, (name) => entry.files.get(name)!);
    const answer = (caller: string) => decide(table, { caller }, 0).target;
    expect(['380661234567', '380671234567', '380971234567'].map(answer)).toEqual([
      { kind: 'to', to: '380441111122,380441111123' },
      { kind: 'to', to: 'sip/o"lena@pbx.example.com' },
      { kind: 'schema', schema: 26077 },
    ]);
  });
});

describe('the first positive control', () => {
  const dir = join(CORPUS, CONTROL);

  it('keeps an unquoted leading-zero value as the string written and reports nothing', () => {
    const result = compileAll(dir);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const rule = result.webhooks[0]!.table.rules[0]!;
    const condition: ConditionData = { op: 'eq', values: ['0441112233'] };
    expect(rule.conditions).toEqual([{ param: 'ivrnum', condition }]);
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
