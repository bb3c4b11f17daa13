import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/compiler/load/limits.ts';
import { readSourceFile, sourceFiles } from '../../../src/compiler/load/source-files.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';

let root: string;
let routes: string;
const SECRET = 'the runner secret\n';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'source-files-'));
  routes = join(root, 'routes');
  mkdirSync(join(routes, 'lists'), { recursive: true });
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, 'elsewhere', 'secret.txt'), SECRET);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const at = { file: 'routes/sales.yaml', line: 5, col: 8 };

/** Reads `path` as list "vip" and returns the text or the formatted problem, plus what was recorded as read. */
function read(path: string): { result: string; read: string[] } {
  const files = sourceFiles(routes);
  const got = readSourceFile(files, { text: path, loc: at }, 'list "vip"');
  const result =
    'text' in got ? got.text : formatProblem(got.problem).replace(`${routes}/`, 'routes/');
  return { result, read: [...files.read.keys()] };
}

const outside = (path: string) =>
  `routes/sales.yaml:5:8: list "vip": "${path}" is a symbolic link out of routes/ (not read: every file must be inside routes/)`;

describe('readSourceFile', () => {
  it('reads a file inside routes/ and records it for the source hash', () => {
    writeFileSync(join(routes, 'lists', 'vip.txt'), '380441112233\n');
    expect(read('lists/vip.txt')).toEqual({ result: '380441112233\n', read: ['lists/vip.txt'] });
  });

  it('follows a symbolic link that stays inside routes/', () => {
    writeFileSync(join(routes, 'lists', 'real.txt'), '380441112233\n');
    symlinkSync('real.txt', join(routes, 'lists', 'vip.txt'));
    expect(read('lists/vip.txt').result).toBe('380441112233\n');
  });

  it.each([
    [
      'a file',
      'lists/vip.txt',
      () => symlinkSync(join(root, 'elsewhere', 'secret.txt'), join(routes, 'lists', 'vip.txt')),
    ],
    [
      'a relative link',
      'lists/vip.txt',
      () => symlinkSync('../../elsewhere/secret.txt', join(routes, 'lists', 'vip.txt')),
    ],
    [
      'a directory on the way',
      'shared/secret.txt',
      () => symlinkSync(join(root, 'elsewhere'), join(routes, 'shared')),
    ],
  ])('refuses, unread, a symbolic link out of routes/ through %s', (_what, path, link) => {
    link();
    expect(read(path)).toEqual({ result: outside(path), read: [] });
  });

  it.each(['../elsewhere/secret.txt', 'lists/../../elsewhere/secret.txt', '/etc/passwd'])(
    'refuses the path %s without looking at it',
    (path) => {
      expect(read(path).result).toBe(
        `routes/sales.yaml:5:8: list "vip": "${path}" must be a path inside routes/`,
      );
    },
  );

  it('refuses a file over the data-file limit from its size, before reading it', () => {
    const path = join(routes, 'lists', 'vip.txt');
    writeFileSync(path, '');
    // A sparse file: the size is real, the disk blocks are not written.
    truncateSync(path, LIMITS.dataFileBytes + 1);
    expect(read('lists/vip.txt')).toEqual({
      result:
        'routes/sales.yaml:5:8: list "vip": routes/lists/vip.txt is 256.1 MiB, over the 256 MiB limit for a list or table file',
      read: [],
    });
  });

  it('reads a list of exactly the line limit and refuses one line more, at that line', () => {
    const path = join(routes, 'lists', 'vip.txt');
    writeFileSync(path, '1\n'.repeat(LIMITS.dataLines));
    expect(read('lists/vip.txt').read).toEqual(['lists/vip.txt']);
    writeFileSync(path, `${'1\n'.repeat(LIMITS.dataLines)}2`);
    expect(read('lists/vip.txt')).toEqual({
      result:
        'routes/lists/vip.txt:5000001:1: list "vip": more than 5,000,000 lines, over the limit for a list or table file',
      read: [],
    });
  });

  it('places a NUL byte in the list file itself', () => {
    writeFileSync(join(routes, 'lists', 'vip.txt'), '380441112233\n3804411\u0000');
    expect(read('lists/vip.txt').result).toBe(
      'routes/lists/vip.txt:2:8: list "vip": the file is not text: it holds a NUL byte (is it a binary file?)',
    );
  });

  it('places a byte that is not UTF-8 in the table file itself', () => {
    writeFileSync(
      join(routes, 'lists', 'm.csv'),
      Buffer.from('caller,destination\n\xFF', 'latin1'),
    );
    expect(read('lists/m.csv').result).toBe(
      'routes/lists/m.csv:2:1: list "vip": the file is not UTF-8 text: byte 0xFF does not belong here (save the file as UTF-8)',
    );
  });

  it.each([
    ['a missing file', 'lists/none.txt', 'no such file'],
    ['a dangling link', 'lists/dangling.txt', 'no such file'],
    ['a directory', 'lists', 'it is a directory'],
  ])('says why it cannot read %s', (_what, path, why) => {
    symlinkSync('nowhere.txt', join(routes, 'lists', 'dangling.txt'));
    expect(read(path).result).toBe(
      `routes/sales.yaml:5:8: list "vip": cannot read routes/${path} (${why})`,
    );
  });
});
