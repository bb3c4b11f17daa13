import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findBadIndent } from '../../../src/compiler/load/yaml-indent.ts';

/** Every YAML file under `dir`, recursively. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

const VALID = [
  ['a sequence at its key’s column', 'rules:\n- id: a\n  route: x\ndefault: y\n'],
  ['a sequence of sequences on one line', 'a:\n  - - 1\n    - 2\n  - - 3\n'],
  ['a key with an empty value before a dedent', 'a:\nb: 1\n'],
  ['a plain scalar over two lines', 'description: a long\n  text\nb: 1\n'],
  ['quoted text over two lines', 'description: "a long\n text"\nb: 1\n'],
  ['a flow map over lines', 'a: { b: 1,\n c: 2 }\nd: 3\n'],
  ['a block scalar deeper than its key', 'a: >-\n    text\n      more\nb: 1\n'],
  ['anchors, tags and comments', 'a: &x # c\n  b: 1\nc: !!str\n  2\n# end\n'],
  ['a bare item holding a map', 'a:\n  -\n    b: 1\n  - c\n'],
  ['colons inside values', 'a: "b: c"\nd: sip:x@y\ne: [f: 1]\n'],
] as const;

describe('findBadIndent', () => {
  it.each(VALID)('finds nothing in %s', (_what, text) => {
    expect(parseDocument(text).errors).toEqual([]);
    expect(findBadIndent(text)).toBeNull();
  });

  const files = [
    ...yamlFiles('routes'),
    ...yamlFiles('test/fixtures/routes'),
    ...yamlFiles('test/fixtures/broken').filter((f) => !/yaml-(bad-)?indent/.test(f)),
  ];

  it('finds nothing in any YAML file of the repository that indents correctly', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => findBadIndent(readFileSync(f, 'utf8')) !== null)).toEqual([]);
  });

  it('gives up on what it does not follow', () => {
    expect(findBadIndent('? a\n   : b\n')).toBeNull();
    expect(findBadIndent('a: 1\n---\n  b: 2\n')).toBeNull();
    expect(findBadIndent('a:\n\t b: 1\n  c: 2\n')).toBeNull();
  });

  it('names the line, its first character and the indent of the line above', () => {
    expect(findBadIndent('a:\n  - b: 1\n   c: 2\n')).toEqual({
      line: 3,
      col: 4,
      spaces: 3,
      above: 4,
    });
  });
});
