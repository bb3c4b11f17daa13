// 32-bit FNV-1a, the one hash of the router: split buckets hash a caller's UTF-8 bytes (as FNV-1a
// is defined), and the index hashes anchor keys by UTF-16 code unit as `decide` reads a value
// (both sides of that lookup are ours, so the unit does not matter there; the bytes do for split).

/** FNV-1a offset basis: the hash of no input. */
export const HASH_START = 0x811c9dc5 | 0;

/** One FNV-1a step: the hash extended by one unit (a byte, or a UTF-16 code unit). */
export function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/** FNV-1a over a string's UTF-16 code units (anchor keys; see keys.ts). */
export function hashUnits(text: string): number {
  let hash = HASH_START;
  for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** FNV-1a over a string's UTF-8 bytes, unsigned; ASCII (every phone number) costs one step a character. */
export function hashUtf8(text: string): number {
  let hash = HASH_START;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      hash = hashStep(hash, c);
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    if (c < 0x800) {
      hash = hashStep(hashStep(hash, 0xc0 | (c >> 6)), 0x80 | (c & 63));
    } else if (c < 0x10000) {
      hash = hashStep(
        hashStep(hashStep(hash, 0xe0 | (c >> 12)), 0x80 | ((c >> 6) & 63)),
        0x80 | (c & 63),
      );
    } else {
      hash = hashStep(hash, 0xf0 | (c >> 18));
      hash = hashStep(
        hashStep(hashStep(hash, 0x80 | ((c >> 12) & 63)), 0x80 | ((c >> 6) & 63)),
        0x80 | (c & 63),
      );
    }
  }
  return hash >>> 0;
}
