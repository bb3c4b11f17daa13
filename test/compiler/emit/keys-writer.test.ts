import { describe, expect, it } from 'vitest';
import { writeKeys } from '../../../src/compiler/emit/keys-writer.ts';

/** The expected file, built field by field with DataView, independently of the writer. */
function expectedFile(keys: number[], values?: number[]): Uint8Array {
  const bytes = new Uint8Array(16 + keys.length * (values ? 12 : 8));
  const view = new DataView(bytes.buffer);
  bytes.set([0x52, 0x4b, 0x45, 0x59]);
  view.setUint32(4, 1, true);
  view.setUint32(8, keys.length, true);
  view.setUint32(12, values ? 1 : 0, true);
  for (const [i, k] of keys.entries()) view.setFloat64(16 + i * 8, k, true);
  for (const [i, v] of (values ?? []).entries())
    view.setUint32(16 + keys.length * 8 + i * 4, v, true);
  return bytes;
}

describe('writeKeys', () => {
  it('writes the header, the keys sorted ascending and the values in key order', () => {
    const bytes = writeKeys([380501234567, 77012345678, 380441112233], [2, 0, 1]);
    expect(bytes).toEqual(expectedFile([77012345678, 380441112233, 380501234567], [0, 1, 2]));
  });

  it('writes no values section when given no values', () => {
    expect(writeKeys(new Float64Array([3, 1, 2]))).toEqual(expectedFile([1, 2, 3]));
  });

  it('writes an empty file as a bare header', () => {
    expect(writeKeys([])).toEqual(expectedFile([]));
    expect(writeKeys([], [])).toEqual(expectedFile([], []));
  });

  it('gives byte-identical output for the same pairs in any order', () => {
    const a = writeKeys([5, 9, 1, 7], new Uint32Array([50, 90, 10, 70]));
    const b = writeKeys([7, 1, 9, 5], [70, 10, 90, 50]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it.each([
    ['a duplicate key', [1, 5, 5], undefined, 'writeKeys: duplicate key 5'],
    ['a NaN key', [1, Number.NaN], undefined, 'writeKeys: key NaN is not a finite number'],
    [
      'an infinite key',
      [Number.POSITIVE_INFINITY],
      undefined,
      'writeKeys: key Infinity is not a finite number',
    ],
    ['fewer values than keys', [1, 2], [1], 'writeKeys: 2 keys but 1 values'],
    ['a negative value', [1, 2], [1, -1], 'writeKeys: value -1 is not a uint32'],
    ['a fractional value', [1, 2], [1.5, 1], 'writeKeys: value 1.5 is not a uint32'],
    ['a value over 32 bits', [1], [2 ** 32], 'writeKeys: value 4294967296 is not a uint32'],
  ])('throws on %s', (_what, keys, values, message) => {
    expect(() => writeKeys(keys, values)).toThrow(new RangeError(message));
  });
});
