import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/compiler/load/limits.ts';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { formatProblem } from '../../src/compiler/problem.ts';

const MODELINE = '# yaml-language-server: $schema=../schema/routes.schema.json';
const NUL = 'the file is not text: it holds a NUL byte (is it a binary file?)';
let routes: string;

beforeEach(() => {
  routes = mkdtempSync(join(tmpdir(), 'pipeline-'));
});

afterEach(() => {
  rmSync(routes, { recursive: true, force: true });
});

/** Compiles `routes` and returns what check would print, paths relative to it. */
function check(): string[] {
  return compileAll(routes).problems.map((p) => formatProblem(p).replace(`${routes}/`, ''));
}

describe('the load pass', () => {
  it('reads a file that starts with a UTF-8 byte order mark before the modeline', () => {
    writeFileSync(join(routes, 'sales.yaml'), `\uFEFF${MODELINE}\ndefault: { schema: 1 }\n`);
    expect(check()).toEqual([]);
  });

  it('places problems on the first line of a file with a byte order mark as an editor shows them', () => {
    writeFileSync(join(routes, 'sales.yaml'), '\uFEFFdefault: { schema: 0 }\n');
    expect(check()).toEqual([
      `sales.yaml:1:1: warning: start the file with "${MODELINE}" so editors validate it as you type`,
      'sales.yaml:1:20: default.schema: must be a positive integer (the ID of a Ringostat forwarding scheme)',
    ]);
  });

  it('refuses a webhook file over the size limit from its size, before reading it', () => {
    const path = join(routes, 'sales.yaml');
    writeFileSync(path, '');
    truncateSync(path, LIMITS.yamlBytes + 1);
    const result = compileAll(routes);
    expect(result.problems.map(formatProblem)).toEqual([
      `${routes}/sales.yaml:1:1: the file is 16.1 MiB, over the 16 MiB limit for a webhook file (keep long lists in list files)`,
    ]);
    expect(result.sources).toEqual(new Map());
  });

  it.each([
    ['a NUL byte', Buffer.from(`${MODELINE}\ndefault: { schema: \u0000 }\n`), '2:20', NUL],
    [
      'a byte that is not UTF-8',
      Buffer.concat([Buffer.from(`${MODELINE}\ndescription: Kyiv `), Buffer.from([0xc4, 0x20])]),
      '2:19',
      'the file is not UTF-8 text: byte 0xC4 does not belong here (save the file as UTF-8)',
    ],
  ])('places %s in a webhook file and reads no further', (_what, bytes, place, message) => {
    writeFileSync(join(routes, 'sales.yaml'), bytes);
    expect(check()).toEqual([`sales.yaml:${place}: ${message}`]);
  });

  it('refuses a webhook file that is a symbolic link out of routes/ and reads nothing', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pipeline-outside-'));
    try {
      writeFileSync(join(outside, 'secret.yaml'), 'default: { schema: 1 }\n');
      symlinkSync(join(outside, 'secret.yaml'), join(routes, 'sales.yaml'));
      const result = compileAll(routes);
      expect(result.problems.map(formatProblem)).toEqual([
        `${routes}/sales.yaml:1:1: the file is a symbolic link out of routes/ (not read: every file must be inside routes/)`,
      ]);
      expect(result.sources).toEqual(new Map());
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  // Validation used to copy its error list per error (150 s for 200,000 here), to search its
  // anyOf branches with includes (quadratic in a list's bad values), and the pass appended the
  // errors with push(...), a RangeError past ~100,000; the timeout catches a return of any.
  it('reports every one of 200,000 invalid rules and list values', { timeout: 60_000 }, () => {
    const yaml = [
      MODELINE,
      'default: { schema: 1 }',
      `lists: { vip: [${'{}, '.repeat(99_999)}{}] }`,
      `rules: [${'0, '.repeat(99_999)}0]`,
      '',
    ];
    writeFileSync(join(routes, 'sales.yaml'), yaml.join('\n'));
    const problems = compileAll(routes).problems.map(formatProblem);
    expect(problems.length).toBe(200_000);
    expect([problems[99_999], problems[199_999]]).toEqual([
      `${routes}/sales.yaml:3:${16 + 4 * 99_999}: lists.vip[99999]: must be a string or a number or a boolean`,
      `${routes}/sales.yaml:4:${9 + 3 * 99_999}: rules[99999]: must be an object`,
    ]);
  });

  it('refuses more rules than the limit before validating any of them', { timeout: 60_000 }, () => {
    const rules = `rules: [${'0, '.repeat(LIMITS.rules)}0]`;
    writeFileSync(join(routes, 'sales.yaml'), `${MODELINE}\ndefault: { schema: 1 }\n${rules}\n`);
    expect(check()).toEqual([
      'sales.yaml:3:1: 200,001 rules, over the limit of 200,000 per webhook (split the webhook, or move callers into a table)',
    ]);
  });
});
