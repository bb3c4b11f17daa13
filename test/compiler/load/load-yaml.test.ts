import { describe, expect, it } from 'vitest';
import { loadYaml, pointerSegment } from '../../../src/compiler/load/load-yaml.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';

const NESTED = [
  'default:',
  '  schema: 26076',
  'rules:',
  '  - id: vip',
  '    when: { caller: ["380441112233", "380501234567"] }',
  '',
].join('\n');

function where(text: string, pointer: string, key = false): string {
  const { line, col } = loadYaml('routes/sales.yaml', text).locate(pointer, key);
  return `${line}:${col}`;
}

describe('loadYaml positions', () => {
  it.each([
    ['', false, '1:1'],
    ['/default', false, '2:3'],
    ['/default', true, '1:1'],
    ['/default/schema', false, '2:11'],
    ['/default/schema', true, '2:3'],
    ['/rules/0', false, '4:5'],
    ['/rules/0/id', false, '4:9'],
    ['/rules/0/when/caller', true, '5:13'],
    ['/rules/0/when/caller/1', false, '5:38'],
  ])('locates %s (key: %s) at %s', (pointer, key, expected) => {
    expect(where(NESTED, pointer, key)).toBe(expected);
  });

  it('falls back to the nearest ancestor for a pointer that is not in the file', () => {
    expect(where(NESTED, '/rules/0/route/schema')).toBe('4:5');
    expect(where(NESTED, '/nope/deeper')).toBe('1:1');
  });

  it('falls back to the value of the nearest ancestor when a key is asked for but missing', () => {
    expect(where(NESTED, '/rules/0/route', true)).toBe('4:5');
  });

  it('locates keys that need JSON pointer escaping', () => {
    const text = 'lists:\n  a/b: [1]\n  c~d: [2]\n';
    expect(where(text, `/lists/${pointerSegment('a/b')}`, true)).toBe('2:3');
    expect(where(text, `/lists/${pointerSegment('c~d')}/0`)).toBe('3:9');
  });

  it('names the file it was given in every location', () => {
    expect(loadYaml('routes/x.yaml', 'a: 1\n').locate('/a')).toEqual({
      file: 'routes/x.yaml',
      line: 1,
      col: 4,
    });
  });
});

describe('loadYaml values', () => {
  it.each([
    ['0441112233', '0441112233'],
    ['+380441112233', '+380441112233'],
    ['007', '007'],
    ['12345678901234567890', '12345678901234567890'],
    ['99999999999999999', '99999999999999999'],
    ['"0441112233"', '0441112233'],
    ['380441112233', 380441112233],
    ['26076', 26076],
    ['1.50', 1.5],
    ['true', true],
    ['spring', 'spring'],
  ])('reads the scalar %s as %j', (written, value) => {
    expect(loadYaml('f.yaml', `v: ${written}\n`).data).toEqual({ v: value });
  });

  it('keeps leading zeros in a list and in a key', () => {
    const data = loadYaml('f.yaml', 'blocked: [0441112233, 0501234567]\n0441: x\n').data;
    expect(data).toEqual({ blocked: ['0441112233', '0501234567'], '0441': 'x' });
  });

  it('resolves aliases, keeping the digits of an aliased leading-zero number', () => {
    const text = 'base: &b { schema: 111 }\nuse: *b\nlist: [&n 0441, *n]\n';
    const source = loadYaml('f.yaml', text);
    expect(source.problems).toEqual([]);
    expect(source.data).toEqual({
      base: { schema: 111 },
      use: { schema: 111 },
      list: ['0441', '0441'],
    });
  });

  it('locates a value reached through an alias at the anchored node', () => {
    const text = 'base: &b { schema: 111 }\nuse: *b\n';
    expect(where(text, '/use/schema')).toBe('1:20');
  });

  it('reads an empty file and a comment-only file as null, without problems', () => {
    for (const text of ['', '# only a comment\n']) {
      const source = loadYaml('f.yaml', text);
      expect({ data: source.data, problems: source.problems }).toEqual({
        data: null,
        problems: [],
      });
    }
  });
});

describe('loadYaml problems', () => {
  function problems(text: string): { data: unknown; lines: string[] } {
    const source = loadYaml('routes/sales.yaml', text);
    return { data: source.data, lines: source.problems.map(formatProblem) };
  }

  it('reports a duplicate key at its second occurrence, naming the first', () => {
    expect(problems('default:\n  schema: 1\ndefault:\n  schema: 2\n').lines).toEqual([
      'routes/sales.yaml:3:1: duplicate key "default" (first at routes/sales.yaml:1:1)',
    ]);
  });

  it('reports a duplicate key inside a rule', () => {
    const text = 'rules:\n  - id: a\n    route: { schema: 1 }\n    id: b\n';
    expect(problems(text).lines).toEqual([
      'routes/sales.yaml:4:5: duplicate key "id" (first at routes/sales.yaml:2:5)',
    ]);
  });

  it('reports a syntax error with its position and without the library trailer', () => {
    expect(problems('a: [1, 2\nb: 3\n')).toEqual({
      data: undefined,
      lines: [
        'routes/sales.yaml:2:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    });
  });

  it('reports tabs used as indentation', () => {
    expect(problems('rules:\n\t- id: a\n').lines).toEqual([
      'routes/sales.yaml:2:1: YAML: Tabs are not allowed as indentation',
    ]);
  });

  it('rejects a file holding several documents', () => {
    expect(problems('default: { schema: 1 }\n---\ndefault: { schema: 2 }\n').lines).toEqual([
      'routes/sales.yaml:2:1: YAML: a routes file holds one YAML document (remove the extra `---`)',
    ]);
  });
});

describe('loadYaml alias expansion', () => {
  /** A "billion laughs" file: `levels` anchors, each a list of 9 aliases of the one before. */
  function laughs(levels: number): string {
    const lines = ['lol0: &a0 [lol]'];
    for (let i = 1; i < levels; i++) {
      lines.push(
        `lol${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    }
    return `${lines.join('\n')}\n`;
  }

  // Ten levels expand to 9^9 (387 million) lists: this hung check for minutes. It now stops at
  // the alias where the expansion passes the limit.
  it('stops a billion laughs at the alias that passes the limit', { timeout: 30_000 }, () => {
    const source = loadYaml('routes/sales.yaml', laughs(10));
    expect(source.problems.map(formatProblem)).toEqual([
      'routes/sales.yaml:6:42: aliases expand to more than 100,000 nodes (an alias bomb?)',
    ]);
    expect(source.tree).toBeUndefined();
  });

  it('expands aliases up to the limit', () => {
    const source = loadYaml('routes/sales.yaml', laughs(5));
    expect(source.problems).toEqual([]);
    expect((source.data as Record<string, unknown[]>).lol4!.flat(3).length).toBe(9 ** 4);
  });
});

describe('loadYaml indentation errors', () => {
  function lines(text: string): string[] {
    return loadYaml('routes/sales.yaml', text).problems.map(formatProblem);
  }
  const RULE = 'rules:\n  - id: vip\n    when: { caller: "380441112233" }\n';
  const said = (place: string, spaces: string, above: number) =>
    `routes/sales.yaml:${place}: YAML: this line is indented differently from the line above it (${spaces} vs ${above})`;

  // The parser said "Sequence item without - indicator", "All mapping items must start at the same
  // column" or "Implicit keys need to be on a single line" at column 1 or on the line before.
  it.each([
    ['a key short of its block', `${RULE}   route: { schema: 1 }\n`, said('4:4', '3 spaces', 4)],
    ['a key past its block', `${RULE}      route: { schema: 1 }\n`, said('4:7', '6 spaces', 4)],
    ['a key under a value', 'default:\n  schema: 1\n   x: 1\n', said('3:4', '3 spaces', 2)],
    ['a top-level key indented', 'default:\n  schema: 1\n rules: []\n', said('3:2', '1 space', 2)],
    [
      'an item short of its sequence',
      'rules:\n  - id: a\n    route: x\n - id: b\n',
      said('4:2', '1 space', 4),
    ],
    [
      'a test past its when, after a comment and a blank line',
      'rules:\n  - when:\n      caller: x\n\n      # utm\n       source: y\n',
      said('6:8', '7 spaces', 6),
    ],
    [
      'a key after a flow map over two lines',
      'rules:\n  - id: a\n    when: { caller: [1,\n  2] }\n   route: x\n',
      said('5:4', '3 spaces', 4),
    ],
    [
      'a key after a block scalar',
      'description: |\n  one\n    two\nrules:\n  - id: a\n   route: x\n',
      said('6:4', '3 spaces', 4),
    ],
  ])('reports %s once, at its first character', (_what, text, expected) => {
    expect(lines(text)).toEqual([expected]);
  });

  it('keeps the parser words for tabs and for errors that are not indentation', () => {
    expect(lines('rules:\n\t- id: a\n')).toEqual([
      'routes/sales.yaml:2:1: YAML: Tabs are not allowed as indentation',
    ]);
    expect(lines('rules:\n  - when: { caller: "3804 }\n    route: x\n')).toEqual([
      'routes/sales.yaml:4:1: YAML: Missing closing "quote',
      'routes/sales.yaml:4:1: YAML: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });
});

describe('loadYaml merge keys', () => {
  it('merges `<<: *anchor` with explicit keys winning', () => {
    const text = 'base: &b { to: ["380441111111"], schema: 2 }\nroute:\n  <<: *b\n  schema: 3\n';
    expect(loadYaml('routes/sales.yaml', text).data).toEqual({
      base: { to: ['380441111111'], schema: 2 },
      route: { to: ['380441111111'], schema: 3 },
    });
  });
});

describe('loadYaml written scalars', () => {
  it('keeps non-string scalars exactly as written, for comparing values as strings', () => {
    const source = loadYaml(
      'routes/sales.yaml',
      'when: { v: 1.50, h: 0x1F, b: True, n: 12, s: "1.50" }\n',
    );
    expect(['v', 'h', 'b', 'n', 's'].map((k) => source.written(`/when/${k}`))).toEqual([
      '1.50',
      '0x1F',
      'True',
      '12',
      undefined,
    ]);
  });
});
