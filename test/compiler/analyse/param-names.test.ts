import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editDistance, nearestParam } from '../../../src/compiler/analyse/param-names.ts';
import { compileAll } from '../../../src/compiler/pipeline.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';

const scratch = mkdtempSync(join(tmpdir(), 'param-names-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let written = 0;

/** What check prints for a webhook whose one rule has `when: { <when> }`. */
function problems(when: string): string[] {
  const dir = join(scratch, `case-${++written}`);
  mkdirSync(dir);
  const yaml = [
    '# yaml-language-server: $schema=../schema/routes.schema.json',
    'timezone: Europe/Kyiv',
    'hours: { office: { mon-fri: "09:00-18:00" } }',
    'default: { schema: 1 }',
    'rules:',
    `  - { id: vip, when: { ${when} }, route: { schema: 2 } }`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'hook.yaml'), yaml);
  return compileAll(dir).problems.map((p) => formatProblem(p).replace(`${dir}/`, ''));
}

const hint = (name: string, near: string, col: number) =>
  `hook.yaml:6:${col}: warning: rule "vip": "${name}" is not a parameter Ringostat sends; did you mean "${near}"? (other names are fine: Ringostat lets you rename parameters)`;

describe('editDistance', () => {
  it.each([
    ['caller', 'caller', 0],
    ['calller', 'caller', 1],
    ['calelr', 'caller', 1],
    ['e164', 'E164', 1],
    ['sorce', 'source', 1],
    ['campagin', 'campaign', 1],
    ['cmapagin', 'campaign', 2],
    ['clr', 'caller', 3],
    ['', 'pool', 4],
  ])('counts %s -> %s as %i edits', (a, b, edits) => {
    expect(editDistance(a, b)).toBe(edits);
    expect(editDistance(b, a)).toBe(edits);
  });
});

describe('nearestParam', () => {
  it.each([
    ['calller', 'caller'],
    ['e164', 'E164'],
    ['insertiontype', 'insertionType'],
    ['utm_source', null],
    ['manager', null],
    ['city', null],
  ])('finds %s near %s', (name, near) => {
    expect(nearestParam(name)).toBe(near);
  });

  it('takes the nearer of two candidates, and the first listed on a tie', () => {
    // "callid" is 1 edit from "callie"; "callee" is 1 too, and listed first.
    expect(nearestParam('callie')).toBe('callee');
    expect(nearestParam('callidd')).toBe('callid');
  });
});

describe('misspelled parameter names', () => {
  it('warns about a name one edit from a parameter Ringostat sends', () => {
    expect(problems('calller: "380441112233"')).toEqual([hint('calller', 'caller', 24)]);
  });

  it('warns about a name two edits away, located at each misspelled key', () => {
    expect(problems('cmapagin: spring, surce: google')).toEqual([
      hint('cmapagin', 'campaign', 24),
      hint('surce', 'source', 42),
    ]);
  });

  it('treats a difference of case as an edit', () => {
    expect(problems('e164: "+380441112233"')).toEqual([hint('e164', 'E164', 24)]);
  });

  it.each([
    ['a Ringostat parameter', 'caller: "380441112233", E164: "+380441112233"'],
    ['insertionType, which Ringostat samples use', 'insertionType: dynamic'],
    ['a renamed parameter far from every default', 'utm_source: google, manager: anna'],
    ['time conditions', 'hours: office'],
  ])('says nothing about %s', (_, when) => {
    expect(problems(when)).toEqual([]);
  });
});
