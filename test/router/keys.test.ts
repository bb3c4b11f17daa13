import { describe, expect, it } from 'vitest';
import { writeKeys } from '../../src/compiler/emit/keys-writer.ts';
import { findKey, KeyFileError, readKeys } from '../../src/router/keys.ts';

const keys = [380441112233, 77012345678, 380501234567, 12025550123];
const values = [7, 3, 9, 1];

describe('readKeys', () => {
  it('round-trips keys with their values', () => {
    const file = readKeys(writeKeys(keys, values));
    expect(file.count).toBe(4);
    expect([...file.keys]).toEqual([12025550123, 77012345678, 380441112233, 380501234567]);
    expect([...(file.values ?? [])]).toEqual([1, 3, 7, 9]);
  });

  it('round-trips keys without values', () => {
    const file = readKeys(writeKeys(keys));
    expect([...file.keys]).toEqual([12025550123, 77012345678, 380441112233, 380501234567]);
    expect(file.values).toBeNull();
  });

  it('views the given memory without copying when it is aligned', () => {
    const bytes = writeKeys(keys, values);
    const file = readKeys(bytes);
    expect(file.keys.buffer).toBe(bytes.buffer);
    expect(file.values?.buffer).toBe(bytes.buffer);
  });

  it.each([1, 3, 4, 7])('reads bytes that start %d bytes past an 8-byte boundary', (shift) => {
    const written = writeKeys(keys, values);
    const memory = new Uint8Array(written.length + 8);
    memory.set(written, shift);
    const file = readKeys(memory.subarray(shift, shift + written.length));
    expect([...file.keys]).toEqual([12025550123, 77012345678, 380441112233, 380501234567]);
    expect([...(file.values ?? [])]).toEqual([1, 3, 7, 9]);
  });

  it('reads a small Buffer taken from Node’s shared pool', () => {
    const pooled = Buffer.from(writeKeys([5, 3]));
    const file = readKeys(pooled);
    expect([...file.keys]).toEqual([3, 5]);
  });

  it.each([
    ['empty bytes', () => new Uint8Array(0), 'key file is truncated: 0 bytes, header needs 16'],
    [
      'a short header',
      () => writeKeys(keys).subarray(0, 12),
      'key file is truncated: 12 bytes, header needs 16',
    ],
    ['bad magic', () => patch(writeKeys(keys), 0, 0x58), 'not a key file (bad magic)'],
    ['another version', () => patch(writeKeys(keys), 4, 2), 'unsupported key file version 2'],
    ['unknown flags', () => patch(writeKeys(keys), 12, 3), 'unknown key file flags 3'],
    [
      'a truncated body',
      () => writeKeys(keys, values).subarray(0, 60),
      'key file is truncated or padded: 60 bytes, expected 64 for 4 keys',
    ],
    [
      'trailing bytes',
      () => concat(writeKeys(keys), new Uint8Array(8)),
      'key file is truncated or padded: 56 bytes, expected 48 for 4 keys',
    ],
    [
      'a values flag without values',
      () => patch(writeKeys(keys), 12, 1),
      'key file is truncated or padded: 48 bytes, expected 64 for 4 keys',
    ],
  ])('refuses %s with a KeyFileError', (_what, bytes, message) => {
    const read = () => readKeys(bytes());
    expect(read).toThrow(KeyFileError);
    expect(read).toThrow(message);
    try {
      read();
    } catch (e) {
      expect((e as Error).name).toBe('KeyFileError');
    }
  });
});

describe('findKey', () => {
  const file = readKeys(writeKeys(keys, values));

  it.each([
    [12025550123, 0],
    [77012345678, 1],
    [380441112233, 2],
    [380501234567, 3],
    [380441112234, -1],
    [1, -1],
    [999999999999999, -1],
    [-1, -1],
  ])('finds %d at index %d', (key, index) => {
    expect(findKey(file, key)).toBe(index);
  });

  it('finds the value that belongs to a key', () => {
    expect(file.values?.[findKey(file, 380441112233)]).toBe(7);
  });

  it('finds nothing in an empty file', () => {
    expect(findKey(readKeys(writeKeys([])), 380441112233)).toBe(-1);
  });

  it('finds every key of a large file and nothing between them', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => 380440000000 + i * 2);
    const big = readKeys(writeKeys(many.toReversed()));
    expect(many.every((k, i) => findKey(big, k) === i)).toBe(true);
    expect(many.some((k) => findKey(big, k + 1) !== -1)).toBe(false);
  });
});

/** A copy of `bytes` with the byte (or uint32 LE at a 4-aligned offset > 0) at `offset` set to `value`. */
function patch(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  if (offset === 0) copy[0] = value;
  else new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
