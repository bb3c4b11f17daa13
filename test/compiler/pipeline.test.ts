import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { formatProblem } from '../../src/compiler/problem.ts';

const MODELINE = '# yaml-language-server: $schema=../schema/routes.schema.json';
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
});
