// Every file `check` reads goes through here: the size is checked before a byte is read, and the
// bytes must be UTF-8 text. Decoding with replacement would turn a binary file into a wall of
// U+FFFD that fails later with confusing messages; a NUL byte or a bad sequence is named instead.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';

/**
 * Why a file could not be read as text: a place inside it (1-based) for bad bytes, or `tooLarge`
 * with a message that reads after "<file> is" (`17.0 MiB, over the 16 MiB limit for ...`).
 */
export interface TextFailure {
  message: string;
  at?: { line: number; col: number };
  tooLarge?: boolean;
}

/** Reads `path` as UTF-8 text of at most `limitBytes`; `what` names the kind of file in the size message. */
export function readTextFile(
  path: string,
  limitBytes: number,
  what: string,
): { text: string } | { failure: TextFailure } {
  const bytes = statSync(path).size;
  if (bytes > limitBytes) {
    const message = `${mebibytes(bytes)}, over the ${mebibytes(limitBytes)} limit for ${what}`;
    return { failure: { message, tooLarge: true } };
  }
  return decodeText(readFileSync(path));
}

/** Decodes UTF-8 text; a located failure at the first NUL byte or invalid sequence. */
export function decodeText(bytes: Buffer): { text: string } | { failure: TextFailure } {
  // Windows editors offer "Unicode" (UTF-16) as a save format; its byte order mark says so.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const message =
      'the file is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8';
    return { failure: { message, at: { line: 1, col: 1 } } };
  }
  const nul = bytes.indexOf(0);
  const bad = isUtf8(bytes) ? -1 : firstInvalid(bytes);
  if (nul < 0 && bad < 0) return { text: bytes.toString('utf8') };
  if (bad < 0 || (nul >= 0 && nul < bad)) {
    const message = 'the file is not text: it holds a NUL byte (is it a binary file?)';
    return { failure: { message, at: position(bytes, nul) } };
  }
  const byte = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}`;
  const message = `the file is not UTF-8 text: byte ${byte} does not belong here (save the file as UTF-8)`;
  return { failure: { message, at: position(bytes, bad) } };
}

/** Sizes in MiB, one decimal rounded up, so a file just over a limit never prints as equal to it. */
function mebibytes(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  return Number.isInteger(mib) ? `${mib} MiB` : `${(Math.ceil(mib * 10) / 10).toFixed(1)} MiB`;
}

/** Line and column (in UTF-16 units, as editors and the YAML parser count) of a byte offset. */
function position(bytes: Buffer, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: bytes.subarray(start, offset).toString('utf8').length + 1 };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalid(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range also rules out overlong forms, surrogates and code points past U+10FFFF.
    const [low, high] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}
