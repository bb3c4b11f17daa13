// Reads the binary key file written by src/compiler/keys-writer.ts (layout documented there):
// typed-array views onto the loaded bytes, so a 1M-key table costs one read and no parsing.
// Run-time code: no dependencies.

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
