// Caller numbers are personal data: decision logs keep just enough to tell calls apart.

/**
 * Masks a caller for logs, keeping the first 3 and last 2 characters:
 * `+38 (044) 111-22-33` -> `380*******33`. Phone-like values are reduced to their digits first;
 * values shorter than 6 are starred entirely.
 */
export function maskNumber(value: string): string {
  const text = typeof value === 'string' ? value : '';
  const digits = phoneDigits(text);
  if (digits !== null) return mask(digits.length, digits.slice(0, 3), digits.slice(-2));
  // Other values (SIP strings, "anonymous") by code point, so a surrogate pair is never split.
  const chars = Array.from(text);
  return mask(chars.length, chars.slice(0, 3).join(''), chars.slice(-2).join(''));
}

function mask(length: number, head: string, tail: string): string {
  return length < 6 ? '*'.repeat(length) : `${head}${'*'.repeat(length - 5)}${tail}`;
}

/** The digits of a value made only of digits, `+`, spaces, dashes and parentheses; else null. */
function phoneDigits(text: string): string | null {
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += text[i];
    else if (c !== 0x2b && c !== 0x20 && c !== 0x2d && c !== 0x28 && c !== 0x29) return null;
  }
  return digits === '' ? null : digits;
}
