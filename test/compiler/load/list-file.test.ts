import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseListFile } from '../../../src/compiler/load/list-file.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/values/${name}`, import.meta.url), 'utf8');

describe('parseListFile', () => {
  it('reads one normalised value per line, skipping blanks and comments', () => {
    const { entries, problems } = parseListFile(fixture('vip.txt'), 'routes/lists/vip.txt');
    expect(entries).toEqual([
      { value: '380441112233', line: 2, col: 1 },
      { value: '380501234567', line: 3, col: 1 },
      { value: '380671234567', line: 5, col: 4 },
      { value: 'google', line: 6, col: 1 },
      { value: 'room#2', line: 7, col: 1 },
    ]);
    expect(problems).toEqual([
      {
        file: 'routes/lists/vip.txt',
        line: 8,
        col: 1,
        message: 'duplicate value 380441112233 (first on line 2)',
        severity: 'warning',
      },
      {
        file: 'routes/lists/vip.txt',
        line: 10,
        col: 1,
        message: 'duplicate value 380501234567 (first on line 3)',
        severity: 'warning',
      },
    ]);
  });

  it('tolerates a UTF-8 byte order mark and CRLF line ends', () => {
    const { entries, problems } = parseListFile(fixture('bom-crlf.txt'), 'bom.txt');
    expect(entries).toEqual([
      { value: '380441112233', line: 1, col: 1 },
      { value: 'google', line: 2, col: 3 },
      { value: 'cpc', line: 5, col: 1 },
    ]);
    expect(problems).toEqual([]);
  });

  it.each([
    ['', []],
    ['\n\n  \n', []],
    ['# only a comment', []],
    ['a #b #c', ['a']],
    ['a\t# tab comment', ['a']],
    ['#hash-first value is a comment', []],
    ['utm#1', ['utm#1']],
    ['a-b\n---\n3.5', ['a-b', '---', '3.5']],
    ['Google\ngoogle', ['Google', 'google']],
  ])('reads %j as %j', (text, values) => {
    const { entries, problems } = parseListFile(text, 'l.txt');
    expect(entries.map((e) => e.value)).toEqual(values);
    expect(problems).toEqual([]);
  });
});
