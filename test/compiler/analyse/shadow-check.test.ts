import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAll } from '../../../src/compiler/pipeline.ts';

const scratch = mkdtempSync(join(tmpdir(), 'shadow-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let written = 0;

/** The "can never match" messages for a webhook whose first rule tests `first` and second `second` on `param`. */
function shadowed(param: string, first: string, second: string): string[] {
  const dir = join(scratch, `case-${++written}`);
  mkdirSync(dir);
  const yaml = [
    '# yaml-language-server: $schema=../schema/routes.schema.json',
    'default: { schema: 1 }',
    'rules:',
    `  - { id: first, when: { ${param}: ${first} }, route: { schema: 2 } }`,
    `  - { id: second, when: { ${param}: ${second} }, route: { schema: 3 } }`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'hook.yaml'), yaml);
  return compileAll(dir)
    .problems.map((p) => p.message)
    .filter((m) => m.includes('can never match'));
}

const SHADOWED = [
  'rule "second" can never match: earlier rule "first" (line 4) takes every call it would get',
];

describe('shadowed rules under the comparison rules', () => {
  it.each([
    [
      'a date prefix written with dashes takes that date',
      'date',
      '{ prefix: "2026-11" }',
      '"2026-11-24 10:00:00"',
    ],
    [
      'a digit prefix takes text that starts with the digits',
      'campaign',
      '{ prefix: "380" }',
      '"380abc"',
    ],
    [
      'a formatted phone prefix takes a number by its digits',
      'caller',
      '{ prefix: "+38 (044)" }',
      '"380441112233"',
    ],
    [
      'a formatted phone prefix takes text written the same way',
      'ivrnum',
      '{ prefix: "+38044" }',
      '"+38044x"',
    ],
  ])('reports it: %s', (_name, param, first, second) => {
    expect(shadowed(param, first, second)).toEqual(SHADOWED);
  });

  it.each([
    [
      'a digit prefix does not take text written with a plus',
      'ivrnum',
      '{ prefix: "38044" }',
      '"+38044abc"',
    ],
    [
      'a digit prefix does not take a date with dashes',
      'date',
      '{ prefix: "202611" }',
      '"2026-11-24 10:00:00"',
    ],
    [
      '"+" alone (exact only for identical tests) does not claim a number',
      'fullnum',
      '{ prefix: "+" }',
      '"+380441112233"',
    ],
  ])('does not report it: %s', (_name, param, first, second) => {
    expect(shadowed(param, first, second)).toEqual([]);
  });
});
