import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { diffRoutes } from '../../src/review/diff.ts';
import { diffPictures } from '../../src/review/diff-pictures.ts';
import { diffMarkdown } from '../../src/review/diff-report.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
import { mermaidType } from '../support/mermaid.ts';

const scratch = mkdtempSync(join(tmpdir(), 'diff-pictures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The diff comment of the example routes against a copy of sales.yaml edited by `edit`. */
function comment(name: string, edit: (yaml: string) => string): string {
  const dir = join(scratch, name);
  cpSync(EXAMPLE_ROUTES, dir, { recursive: true });
  const file = join(dir, 'sales.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const before = compileAll(EXAMPLE_ROUTES);
  const after = compileAll(dir);
  return diffMarkdown('main', diffRoutes(before, after), true, diffPictures(before, after));
}

/** The Mermaid blocks of a comment. */
function mermaidBlocks(text: string): string[] {
  return [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('the diff comment pictures', () => {
  it('shows the week before and after when opening hours change', () => {
    const text = comment('hours', (y) => y.replace('sat: "10:00-14:00"', 'sat: "10:00-15:00"'));
    expect(text).toContain(
      '<details><summary>Week of 2026-11-23, before and after, for calls like',
    );
    expect(text).toContain('| 10:00-14:00 | personal-manager |');
    expect(text).toContain('| 10:00-15:00 | personal-manager |');
    expect(mermaidBlocks(text)).toEqual([]);
  });

  it('draws the rules in their new order, a flowchart Mermaid parses, when a rule is added', async () => {
    const text = comment('added', (y) =>
      y.replace(
        'rules:\n',
        'rules:\n  - id: night-line\n    when: { hours: { not: office } }\n    route: { schema: 5 }\n\n',
      ),
    );
    const blocks = mermaidBlocks(text);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain('night-line');
    expect(await mermaidType(blocks[0]!)).toBe('flowchart-v2');
  });

  it('adds no picture for a change of destination only', () => {
    const text = comment('dest', (y) =>
      y.replace('route: { to: ["380441111199"] }', 'route: { to: ["380441111198"] }'),
    );
    expect([text.includes('<details><summary>Week'), mermaidBlocks(text).length]).toEqual([
      false,
      0,
    ]);
  });
});
