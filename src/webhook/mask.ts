// Caller numbers are personal data: decision logs keep just enough to tell calls apart.

import { isDigits, normalizeValue } from '../router/normalize.ts';

/**
 * Masks a caller for logs, keeping the first 3 and last 2 characters:
 * `+38 (044) 111-22-33` -> `380*******33`. Phone-like values are reduced to their digits first;
 * values shorter than 6 are starred entirely.
 */
export function maskNumber(value: string): string {
  const text = typeof value === 'string' ? value : '';
  // The same reduction every comparison makes, so a log shows the number a rule was matched on.
  const digits = normalizeValue(text);
  if (isDigits(digits)) return mask(digits.length, digits.slice(0, 3), digits.slice(-2));
  // Other values (SIP strings, "anonymous") by code point, so a surrogate pair is never split.
  const chars = Array.from(text);
  return mask(chars.length, chars.slice(0, 3).join(''), chars.slice(-2).join(''));
}

function mask(length: number, head: string, tail: string): string {
  return length < 6 ? '*'.repeat(length) : `${head}${'*'.repeat(length - 5)}${tail}`;
}
