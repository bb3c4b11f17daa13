import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { decide, type Params } from '../../src/router/decide.ts';
import { KeyFileError } from '../../src/router/keys.ts';
import { loadTable, TableLoadError } from '../../src/router/table.ts';
import type { TableData } from '../../src/router/table-data.ts';
import type { Target } from '../../src/router/types.ts';
import { compileTables } from '../support/compiled.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/router/', import.meta.url));
const MODELINE = '# yaml-language-server: $schema=../schema/routes.schema.json';
const NOW = Date.parse('2026-03-25T08:00:00Z');
const scratch = mkdtempSync(join(tmpdir(), 'router-table-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let written = 0;

/** Writes a routes directory holding `big.yaml` and its files, and compiles it. */
function compileBig(yaml: string[], files: Record<string, string>) {
  const dir = join(scratch, `routes-${++written}`);
  mkdirSync(join(dir, 'lists'), { recursive: true });
  writeFileSync(join(dir, 'big.yaml'), [MODELINE, ...yaml, ''].join('\n'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  const compiled = compileAll(dir);
  expect(compiled.problems).toEqual([]);
  const hook = compiled.webhooks[0]!;
  return {
    data: hook.table,
    files: hook.files,
    table: loadTable(hook.table, (name) => hook.files.get(name)!),
  };
}

/** 2,000 Kyiv numbers, 380441000000 + 3i. */
const NUMBERS = Array.from({ length: 2000 }, (_, i) => String(380_441_000_000 + 3 * i));

describe('loadTable', () => {
  const tables = compileTables(FIXTURES);

  it('loads tables the fixtures compile to without a single problem', () => {
    expect(compileAll(FIXTURES).problems).toEqual([]);
    expect([...tables.keys()]).toEqual([
      'absent',
      'explain',
      'first-match',
      'hours',
      'prefix',
      'split',
      'table',
      'values',
    ]);
  });

  it.each<[string, Params, string | null, Target]>([
    [
      'a listed caller gets its row',
      { caller: '380509876543' },
      'manager',
      { kind: 'to', to: '380441111121' },
    ],
    [
      'numbers separated by ; ring together',
      { caller: '380661234567' },
      'manager',
      { kind: 'to', to: '380441111122,380441111123' },
    ],
    [
      'a caller written another way finds its row',
      { caller: '+38 (066) 123-45-67' },
      'manager',
      { kind: 'to', to: '380441111122,380441111123' },
    ],
    [
      'a SIP row answers as written',
      { caller: '380971234567' },
      'manager',
      { kind: 'to', to: 'sip/olena@pbx.example.com' },
    ],
    [
      'a schema:N row answers a scheme',
      { caller: '380631234567' },
      'manager',
      { kind: 'schema', schema: 26078 },
    ],
    [
      'an unlisted caller falls through to the next rule',
      { caller: '380441234567' },
      'kyiv',
      { kind: 'schema', schema: 61 },
    ],
    [
      'an unlisted caller may fall through to the default',
      { caller: '380501234567' },
      null,
      { kind: 'schema', schema: 1 },
    ],
    ['an absent caller falls through', {}, null, { kind: 'schema', schema: 1 }],
    [
      'a caller that is not a number falls through',
      { caller: 'anonymous' },
      null,
      { kind: 'schema', schema: 1 },
    ],
  ])('routes by caller table: %s', (_, params, rule, target) => {
    const decision = decide(tables.get('table')!, params, NOW);
    expect([decision.rule?.id ?? null, decision.target]).toEqual([rule, target]);
  });

  it('reads every key file through readFile', () => {
    const { data, files } = compileBig(
      [
        'default: { schema: 1 }',
        'lists:',
        '  many: lists/many.txt',
        'rules:',
        '  - id: many',
        '    when: { caller: { in: many } }',
        '    route: { schema: 2 }',
        '  - id: rows',
        '    route: { table: lists/rows.csv }',
      ],
      { 'lists/many.txt': NUMBERS.join('\n'), 'lists/rows.csv': '380441111111,schema:3\n' },
    );
    const asked: string[] = [];
    loadTable(data, (name) => {
      asked.push(name);
      return files.get(name)!;
    });
    const list = data.lists[0]!;
    expect(list.kind).toBe('keys');
    expect(asked.sort()).toEqual([(list as { file: string }).file, data.tables[0]!.file].sort());
    expect([...files.keys()].sort()).toEqual(asked);
  });

  it('matches a large list shipped as a binary key file, by bisection', () => {
    const listed = NUMBERS.filter((_, i) => i % 2 === 0);
    const { data, table } = compileBig(
      [
        'default: { schema: 1 }',
        'lists:',
        '  many: lists/many.txt',
        'rules:',
        '  - id: many',
        '    when: { caller: { in: many } }',
        '    route: { schema: 2 }',
      ],
      { 'lists/many.txt': `# every other number\n${listed.join('\n')}\n` },
    );
    expect(data.lists[0]).toMatchObject({ kind: 'keys', count: 1000 });
    const answer = (caller: string) => decide(table, { caller }, NOW).rule?.id ?? null;
    expect([listed[0]!, listed[500]!, listed[999]!, '+38 (044) 100-00-00'].map(answer)).toEqual([
      'many',
      'many',
      'many',
      'many',
    ]);
    expect(
      [NUMBERS[1]!, NUMBERS[1999]!, '380440999999', '0441000000', 'x', ''].map(answer),
    ).toEqual([null, null, null, null, null, null]);
  });

  it('finds the first, middle and last rows of a large caller table', () => {
    const rows = NUMBERS.map((n, i) => `${n},${i % 2 === 0 ? `schema:${i + 1}` : '380441111111'}`);
    const { table } = compileBig(
      ['default: { schema: 1 }', 'rules:', '  - id: rows', '    route: { table: lists/rows.csv }'],
      {
        'lists/rows.csv': `caller,destination\n${rows.join('\n')}\n`,
      },
    );
    const target = (caller: string) => decide(table, { caller }, NOW).target;
    expect(target(NUMBERS[0]!)).toEqual({ kind: 'schema', schema: 1 });
    expect(target(NUMBERS[1000]!)).toEqual({ kind: 'schema', schema: 1001 });
    expect(target(NUMBERS[1999]!)).toEqual({ kind: 'to', to: '380441111111' });
    expect(target('380441000001')).toEqual({ kind: 'schema', schema: 1 });
  });

  it('refuses a table of an unknown format', () => {
    const data = { ...tables.get('table')!.data, format: 1 } as unknown as TableData;
    expect(() => loadTable(data, () => new Uint8Array())).toThrow(
      new TableLoadError('table table: unsupported format 1'),
    );
  });

  it('refuses a key file that is not one', () => {
    const data = { ...tables.get('table')!.data, rules: [] };
    const garbage = new TextEncoder().encode('not a key file at all');
    expect(() => loadTable(data, () => garbage)).toThrow(
      new KeyFileError('not a key file (bad magic)'),
    );
  });
});
