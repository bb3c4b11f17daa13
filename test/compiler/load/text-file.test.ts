import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, readTextFile } from '../../../src/compiler/load/text-file.ts';

const scratch = mkdtempSync(join(tmpdir(), 'text-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const notUtf8 = (byte: string) =>
  `the file is not UTF-8 text: byte ${byte} does not belong here (save the file as UTF-8)`;
const NUL = 'the file is not text: it holds a NUL byte (is it a binary file?)';

describe('decodeText', () => {
  it('decodes UTF-8 text, a byte order mark and non-Latin letters included', () => {
    expect(decodeText(Buffer.from('\uFEFFпродажі: 1\n'))).toEqual({ text: '\uFEFFпродажі: 1\n' });
  });

  it.each([
    ['a NUL byte', 'a: 1\nbb\0', NUL, 2, 3],
    ['a lone 0xFF', 'a: 1\nkey: \xFF', notUtf8('0xFF'), 2, 6],
  ])('places %s at its line and column', (_what, latin1, message, line, col) => {
    expect(decodeText(Buffer.from(latin1, 'latin1'))).toEqual({
      failure: { message, at: { line, col } },
    });
  });

  it('counts columns in characters, as editors do, past multi-byte letters', () => {
    const bytes = Buffer.concat([Buffer.from('ключ: '), Buffer.from([0xc3, 0x28])]);
    expect(decodeText(bytes)).toEqual({
      failure: { message: notUtf8('0xC3'), at: { line: 1, col: 7 } },
    });
  });

  it.each([
    ['an overlong form', [0xc0, 0x80], '0xC0'],
    ['an overlong three-byte form', [0xe0, 0x80, 0x80], '0xE0'],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], '0xED'],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '0xF4'],
    ['a sequence cut short by the end of the file', [0xe2, 0x82], '0xE2'],
    ['a continuation byte with nothing before it', [0x80], '0x80'],
  ])('refuses %s', (_what, bytes, byte) => {
    expect(decodeText(Buffer.from([0x61, ...bytes]))).toEqual({
      failure: { message: notUtf8(byte), at: { line: 1, col: 2 } },
    });
  });

  it.each([
    ['little-endian', [0xff, 0xfe, 0x61, 0]],
    ['big-endian', [0xfe, 0xff, 0, 0x61]],
  ])('names %s UTF-16 text by its byte order mark', (_what, bytes) => {
    expect(decodeText(Buffer.from(bytes))).toEqual({
      failure: {
        message:
          'the file is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8',
        at: { line: 1, col: 1 },
      },
    });
  });

  it('reports the NUL byte when it comes before invalid UTF-8, and the other way round', () => {
    expect(decodeText(Buffer.from([0x61, 0, 0xff]))).toMatchObject({ failure: { message: NUL } });
    expect(decodeText(Buffer.from([0xff, 0]))).toMatchObject({
      failure: { message: notUtf8('0xFF') },
    });
  });
});

describe('readTextFile', () => {
  it('refuses a file over the limit from its size alone, rounding the size up', () => {
    const path = join(scratch, 'big.txt');
    writeFileSync(path, 'x'.repeat(1024 * 1024 + 1));
    expect(readTextFile(path, 1024 * 1024, 'a test file')).toEqual({
      failure: { message: '1.1 MiB, over the 1 MiB limit for a test file', tooLarge: true },
    });
  });

  it('reads a file exactly at the limit', () => {
    const path = join(scratch, 'exact.txt');
    writeFileSync(path, 'x'.repeat(1024));
    expect(readTextFile(path, 1024, 'a test file')).toEqual({ text: 'x'.repeat(1024) });
  });

  it('throws the system error of a file that cannot be opened, for the caller to word', () => {
    expect(() => readTextFile(join(scratch, 'missing.txt'), 1024, 'a test file')).toThrow(/ENOENT/);
  });
});
