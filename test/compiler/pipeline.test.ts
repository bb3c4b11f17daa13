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
});
