// The schema's editor-facing parts (parameter names, day keys, route forms) keep each mistake
// reported once, in the compiler's words.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { formatProblem } from '../../src/compiler/problem.ts';
import { MODELINE } from '../support/compile-webhook.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'schema-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function problems(yaml: string): string[] {
  writeFileSync(join(dir, 'hotline.yaml'), `${MODELINE}\n${yaml}`);
  return compileAll(dir).problems.map((p) => formatProblem(p).slice(dir.length + 1));
}

describe('the routes schema', () => {
  it("reports a bad test on one of Ringostat's parameters once", () => {
    const yaml =
      'default: { schema: 1 }\nrules:\n  - { id: a, when: { caller: { starts: "380" } }, route: { schema: 2 } }\n';
    expect(problems(yaml)).toEqual([
      'hotline.yaml:4:32: rules[0].when.caller: unknown key "starts" (allowed: in, prefix, contains, min, max, exists, not, country)',
    ]);
  });

  it('reports a bad range once, whether its day key is offered (mon) or only matched (fri-mon)', () => {
    const yaml =
      'timezone: Europe/Kyiv\ndefault: { schema: 1 }\nhours:\n  office: { mon: "9-18", fri-mon: "9-18" }\n';
    const range = 'must be a time range "HH:MM-HH:MM" (like "09:00-18:00")';
    expect(problems(yaml)).toEqual([
      `hotline.yaml:5:18: hours.office.mon: ${range}`,
      `hotline.yaml:5:35: hours.office.fri-mon: ${range}`,
    ]);
  });

  it('reports a route with three forms once, at the route', () => {
    const yaml =
      'default: { schema: 1 }\nrules:\n  - id: a\n    route: { schema: 2, to: ["380441111111"], table: lists/x.csv }\n';
    expect(problems(yaml)[0]).toBe(
      'hotline.yaml:5:12: rules[0].route: a route takes exactly one of: to, schema, split, table',
    );
  });
});
