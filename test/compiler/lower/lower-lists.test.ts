import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAll } from '../../../src/compiler/pipeline.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';

function check(yaml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'compile-lists-'));
  writeFileSync(
    join(dir, 'sales.yaml'),
    `# yaml-language-server: $schema=../schema/routes.schema.json\n${yaml}`,
  );
  return compileAll(dir).problems.map((p) => formatProblem(p).replace(dir, 'routes'));
}

describe('compileLists phone checks', () => {
  it('rejects a local-format number in a list tested on caller', () => {
    const yaml =
      'default: { schema: 1 }\nlists: { vip: ["0441112233"] }\nrules:\n  - id: vip\n    when: { caller: { in: vip } }\n    route: { schema: 2 }\n';
    expect(check(yaml)).toEqual([
      'routes/sales.yaml:3:16: list "vip": "0441112233" is not a valid international phone number (write it with the country code, like 380441111111)',
    ]);
  });

  it('checks lists used under not on a phone parameter too', () => {
    const yaml =
      'default: { schema: 1 }\nlists: { vip: ["0441112233"] }\nrules:\n  - id: vip\n    when: { callee: { not: { in: vip } } }\n    route: { schema: 2 }\n';
    expect(check(yaml)).toHaveLength(1);
  });

  it('accepts 8-digit IDs in a list tested on another parameter', () => {
    const yaml =
      'default: { schema: 1 }\nlists: { campaigns: ["20241234", "20241235"] }\nrules:\n  - id: promo\n    when: { utm_id: { in: campaigns } }\n    route: { schema: 2 }\n';
    expect(check(yaml)).toEqual([]);
  });
});
