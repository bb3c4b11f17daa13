// The source tree's import graph, type-only imports included: no cycles, and every zone imports
// only what it may (run time never reaches build time, the local server never reaches the CLI).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every .ts file under src/, as paths relative to the repository. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** file -> the project files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) targets.push(normalize(join(dirname(file), spec)));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graph = importGraph();

/** Imports from files under `from` into files under any of `into`. */
function crossings(from: string, into: string[]): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    if (!file.startsWith(from)) continue;
    for (const t of targets)
      if (into.some((z) => t.startsWith(z))) out.push(`${file} -> ${relative('.', t)}`);
  }
  return out;
}

describe('the import graph of src/', () => {
  it('reads every source file and finds their imports', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/router/decide.ts')).toContain('src/router/table.ts');
  });

  it('has no import cycles, counting type-only imports', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it.each([
    ['src/router/', ['src/compiler/', 'src/review/', 'src/cli/', 'src/server/', 'src/webhook/']],
    ['src/webhook/', ['src/compiler/', 'src/review/', 'src/cli/', 'src/server/']],
    ['src/compiler/', ['src/review/', 'src/cli/', 'src/server/', 'src/webhook/']],
    ['src/review/', ['src/cli/', 'src/server/', 'src/webhook/']],
    ['src/server/', ['src/cli/']],
  ])('keeps %s out of %j', (from, into) => {
    expect(crossings(from, into)).toEqual([]);
  });
});
