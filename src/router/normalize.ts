// Value normalisation shared by the compiler (YAML values, list files, tables) and the router
// (call parameters), so both sides of every comparison go through exactly the same rule
// (docs/language.md, "How values compare"): trim, and reduce a phone-looking value to its digits.
// Run-time code: no dependencies. It runs on every parameter of every call, so the common case
// (an already-clean value) returns its input without allocating.

const SPACE = 32;
const PLUS = 43;
const DASH = 45;
const OPEN = 40;
const CLOSE = 41;
const ZERO = 48;
const NINE = 57;
/** Largest digit count whose value a float64 holds exactly (10^15 < 2^53). */
const MAX_KEY_DIGITS = 15;

/** Trims `raw` and, when it is made only of digits, `+`, spaces, dashes and parentheses with at least one digit, keeps only the digits. */
export function normalizeValue(raw: string): string {
  const value = trimValue(raw);
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= ZERO && c <= NINE) digits++;
    else if (c !== PLUS && c !== SPACE && c !== DASH && c !== OPEN && c !== CLOSE) return value;
  }
  if (digits === 0 || digits === value.length) return value;
  return onlyDigits(value);
}

/** Trims `raw` the way every comparison does (Unicode whitespace at both ends). */
export function trimValue(raw: string): string {
  return needsTrim(raw) ? raw.trim() : raw;
}

/** True when `s` is one or more ASCII digits: a normalised phone number, and nothing else normalises so. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

/** The numeric key of a digits-only string of 1 to 15 digits without a leading zero, else -1. */
export function keyOf(digits: string): number {
  const n = digits.length;
  if (n === 0 || n > MAX_KEY_DIGITS || digits.charCodeAt(0) === ZERO) return -1;
  let key = 0;
  for (let i = 0; i < n; i++) {
    const c = digits.charCodeAt(i);
    if (c < ZERO || c > NINE) return -1;
    key = key * 10 + (c - ZERO);
  }
  return key;
}

/** True when either end may hold whitespace; non-ASCII ends go to trim() to get Unicode right. */
function needsTrim(s: string): boolean {
  if (s.length === 0) return false;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first <= SPACE || last <= SPACE || first > 126 || last > 126;
}

function onlyDigits(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= ZERO && c <= NINE) out += value[i];
  }
  return out;
}
