// The router's key lookups, loaded once at cold start. Binary key files (large lists and caller
// tables, written by src/compiler/keys-writer.ts, layout documented there): typed-array views
// onto the loaded bytes, so a 1M-key table costs one read and no parsing. Anchor hash tables (the
// index's equality values and prefixes): typed arrays built from the hashes the compiler wrote.
// Run-time code: no dependencies.
import type { AnchorRuns } from './types.ts';

/** ASCII magic at offset 0. */
export const KEY_FILE_MAGIC = 'RKEY';
/** The only format version this reader understands. */
export const KEY_FILE_VERSION = 1;
/** Header size; keeps the float64 keys 8-byte aligned. */
export const HEADER_BYTES = 16;
/** Flag bit: a uint32 value follows for every key. */
export const HAS_VALUES = 1;

/** A decoded key file: sorted keys and, when present, one value per key. */
export interface KeyFile {
  keys: Float64Array;
  values: Uint32Array | null;
  count: number;
}

/** Thrown when bytes are not a well-formed key file. */
export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Decodes a key file without copying (one copy only when the bytes are not 8-byte aligned); throws KeyFileError when corrupt. */
export function readKeys(bytes: Uint8Array): KeyFile {
  if (bytes.byteLength < HEADER_BYTES) {
    throw new KeyFileError(`key file is truncated: ${bytes.byteLength} bytes, header needs 16`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < 4; i++) {
    if (bytes[i] !== KEY_FILE_MAGIC.charCodeAt(i)) {
      throw new KeyFileError('not a key file (bad magic)');
    }
  }
  const version = view.getUint32(4, true);
  if (version !== KEY_FILE_VERSION) {
    throw new KeyFileError(`unsupported key file version ${version}`);
  }
  const count = view.getUint32(8, true);
  const flags = view.getUint32(12, true);
  if ((flags & ~HAS_VALUES) !== 0) throw new KeyFileError(`unknown key file flags ${flags}`);
  const hasValues = (flags & HAS_VALUES) !== 0;
  const expected = HEADER_BYTES + count * (hasValues ? 12 : 8);
  if (bytes.byteLength !== expected) {
    throw new KeyFileError(
      `key file is truncated or padded: ${bytes.byteLength} bytes, expected ${expected} for ${count} keys`,
    );
  }
  // Sortedness is the writer's guarantee (and the manifest hash covers the bytes): a full scan
  // here would cost about 10 ms of cold start per 1M keys (measured), so it is not repeated.
  return LITTLE_ENDIAN ? views(bytes, count, hasValues) : decodeSlowly(view, count, hasValues);
}

/** Index of `key` in the file's keys, or -1; bisection, no allocation. */
export function findKey(file: KeyFile, key: number): number {
  const keys = file.keys;
  let lo = 0;
  let hi = file.count - 1;
  // Numbers cluster by country and operator: most callers of a list fall outside its range, and
  // two comparisons save the bisection's unpredictable branches (20 for 1M keys). NaN and an
  // empty file answer -1 here too.
  if (!(key >= keys[0]! && key <= keys[hi]!)) return -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid] as number;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function views(bytes: Uint8Array, count: number, hasValues: boolean): KeyFile {
  // Node's Buffer pool hands out slices at any offset; Float64Array needs 8-byte alignment.
  // (Buffer#slice would not copy, hence the explicit copy.)
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : copyOf(bytes);
  const { buffer, byteOffset } = aligned;
  const keys = new Float64Array(buffer, byteOffset + HEADER_BYTES, count);
  const values = hasValues
    ? new Uint32Array(buffer, byteOffset + HEADER_BYTES + count * 8, count)
    : null;
  return { keys, values, count };
}

function copyOf(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/** Big-endian hosts (none we deploy to) decode into fresh arrays. */
function decodeSlowly(view: DataView, count: number, hasValues: boolean): KeyFile {
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = view.getFloat64(HEADER_BYTES + i * 8, true);
  let values: Uint32Array | null = null;
  if (hasValues) {
    values = new Uint32Array(count);
    const base = HEADER_BYTES + count * 8;
    for (let i = 0; i < count; i++) values[i] = view.getUint32(base + i * 4, true);
  }
  return { keys, values, count };
}

/**
 * Anchor keys (values or prefixes) in an open-addressing hash table over typed arrays, linear
 * probing. Each slot is 4 int32s: a key's hash, the end and start of the run of its rules in
 * `rules` (end 0: empty slot), and the run's first rule. Keys themselves are not kept: every
 * candidate's own conditions are checked anyway, so a colliding key only adds a candidate that fails,
 * and every slot with the value's hash is tried. A value that is no key, the common case, costs a
 * hash over its characters and a bit in `filter` (with 100k generated rules, decide measured
 * 1.43 µs looking values up in Maps, 1.29 µs in these tables before the filter, 1.0 µs with it).
 * Prefixes hash as they are read: each prefix length in `lengths` is one probe, no substring.
 */
export interface KeyHash {
  /**
   * One bit per hash bucket, set for every key's bucket (about 16 bits per key, so 1 value in 16
   * that is no key gets past it): small enough to stay in cache, so most values that are no key
   * are turned away without touching `slots`.
   */
  filter: Int32Array;
  /** `Math.imul(hash, FILTER_MIX) >>> shift` is the hash's bit in `filter`. */
  shift: number;
  slots: Int32Array;
  mask: number;
  rules: Int32Array;
  /** For prefixes: lengths[n] is 1 when some key has n characters. */
  lengths: Uint8Array;
}

/** Multiplier spreading a hash over the filter's bits (Knuth's golden-ratio constant). */
export const FILTER_MIX = 0x9e3779b1 | 0;

/** The slot a hash starts probing at. */
export function firstSlot(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}

/** Builds an anchor hash table from the index; the keys' characters are not read (see `hashes`). */
export function loadKeyHash(runs: AnchorRuns): KeyHash {
  let capacity = 8;
  while (capacity < runs.keys.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity * 4);
  let longest = 0;
  for (let i = 0; i < runs.keys.length; i++) longest = Math.max(longest, runs.keys[i]!.length);
  const lengths = new Uint8Array(longest + 1);
  let log2 = 6;
  while (1 << log2 < runs.keys.length * 16 && log2 < 30) log2++;
  const filter = new Int32Array((1 << log2) >>> 5);
  const shift = 32 - log2;
  for (let i = 0; i < runs.keys.length; i++) {
    const hash = runs.hashes[i]!;
    let at = firstSlot(hash, mask);
    while (slots[at * 4 + 1] !== 0) at = (at + 1) & mask;
    slots[at * 4] = hash;
    slots[at * 4 + 1] = runs.start[i + 1]!;
    slots[at * 4 + 2] = runs.start[i]!;
    slots[at * 4 + 3] = runs.rules[runs.start[i]!]!;
    lengths[runs.keys[i]!.length] = 1;
    const bit = Math.imul(hash, FILTER_MIX) >>> shift;
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  return {
    filter,
    shift,
    slots,
    mask,
    rules: Int32Array.from(runs.rules),
    lengths,
  };
}
