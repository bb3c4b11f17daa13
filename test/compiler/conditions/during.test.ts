import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAll } from '../../../src/compiler/pipeline.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';

const dir = mkdtempSync(join(tmpdir(), 'during-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problems(window: string): string[] {
  const yaml = [
    '# yaml-language-server: $schema=../schema/routes.schema.json',
    'timezone: Europe/Kyiv',
    'default: { schema: 1 }',
    'rules:',
    `  - { id: campaign, when: { during: ${window} }, route: { schema: 2 } }`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'sales.yaml'), yaml);
  return compileAll(dir).problems.map(formatProblem);
}

describe('during at build time', () => {
  it('warns about a window that has already ended', () => {
    expect(problems('{ from: "2020-11-27", until: "2020-12-01" }')).toEqual([
      `${dir}/sales.yaml:5:37: warning: rule "campaign": the window until 2020-12-01 has ended, so it matches no call`,
    ]);
  });

  it.each([
    '{ from: "2020-11-27" }',
    '{ until: "2099-01-01" }',
    '{ from: "2020-01-01", until: "2099-01-01" }',
  ])('accepts the open or current window %s without a word', (window) => {
    expect(problems(window)).toEqual([]);
  });

  it('compiles windows to local minutes, open ends as null', () => {
    writeFileSync(
      join(dir, 'sales.yaml'),
      'timezone: Europe/Kyiv\ndefault: { schema: 1 }\nrules:\n  - { id: c, when: { during: [{ from: "1970-01-02 00:01" }, { until: "1970-01-01" }] }, route: { schema: 2 } }\n',
    );
    const test = compileAll(dir).webhooks[0]!.table.rules[0]!.conditions[0]!.condition;
    expect(test).toEqual({
      op: 'during',
      windows: [
        { from: 1441, until: null },
        { from: null, until: 0 },
      ],
    });
  });
});
