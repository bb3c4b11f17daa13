import { describe, expect, it } from 'vitest';
import { LineCounter } from 'yaml';
import { LIMITS } from '../../../src/compiler/load/limits.ts';
import { loadYaml } from '../../../src/compiler/load/load-yaml.ts';
import { parseBounded } from '../../../src/compiler/load/yaml-parse.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';

/** What loading `text` reports, and whether it produced a tree. */
function load(text: string): { lines: string[]; tree: boolean } {
  const source = loadYaml('routes/sales.yaml', text);
  return { lines: source.problems.map(formatProblem), tree: source.tree !== undefined };
}

/** `depth` mappings nested by indentation, the last holding a scalar. */
function nestedMaps(depth: number): string {
  const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`);
  return `${lines.join('\n')} x\n`;
}

const TOO_DEEP = `nesting deeper than ${LIMITS.depth} levels`;

describe('parseBounded', () => {
  it('parses a document as parseDocument does', () => {
    const parsed = parseBounded('a: [1, { b: 2 }]\n', new LineCounter());
    expect('doc' in parsed && parsed.doc.toJS()).toEqual({ a: [1, { b: 2 }] });
  });

  it('keeps the extra-document error of parseDocument', () => {
    const parsed = parseBounded('a: 1\n---\nb: 2\n', new LineCounter());
    expect('doc' in parsed && parsed.doc.errors.map((e) => e.code)).toEqual(['MULTIPLE_DOCS']);
  });
});

describe('the nesting limit', () => {
  it(`reads ${LIMITS.depth} levels and refuses ${LIMITS.depth + 1}, at the first node too deep`, () => {
    expect(load(nestedMaps(LIMITS.depth))).toEqual({ lines: [], tree: true });
    expect(load(nestedMaps(LIMITS.depth + 1))).toEqual({
      lines: [`routes/sales.yaml:65:${2 * 64 + 6}: ${TOO_DEEP}`],
      tree: false,
    });
  });

  // 100,000 levels used to overflow the YAML library's stack: "Maximum call stack size exceeded".
  // They are stopped while read, a few levels past the limit (the 67th or 68th opening).
  it.each([
    ['flow sequences', `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, `1:${3 + 67}`],
    ['flow mappings', `x: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`, `1:${4 * 66 + 4}`],
    ['block sequences on one line', `x:\n${'- '.repeat(100_000)}0\n`, `2:${2 * 67 - 1}`],
    ['explicit keys', `x:\n${'? '.repeat(100_000)}0\n`, `2:${2 * 68 - 1}`],
  ])('stops reading 100,000 nested %s early', { timeout: 30_000 }, (_what, text, place) => {
    expect(load(text)).toEqual({ lines: [`routes/sales.yaml:${place}: ${TOO_DEEP}`], tree: false });
  });
});

describe('the node limit', () => {
  it(`stops reading at node ${(LIMITS.yamlNodes + 1).toLocaleString('en')}`, {
    timeout: 120_000,
  }, () => {
    const text = `lists:\n  vip: [${'"", '.repeat(LIMITS.yamlNodes - 3)}""]\n`;
    expect(load(text)).toEqual({
      lines: [
        `routes/sales.yaml:2:${9 + 4 * (LIMITS.yamlNodes - 3)}: more than 2,000,000 YAML nodes in one file`,
      ],
      tree: false,
    });
  });
});
