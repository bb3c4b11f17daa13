// Values as the shadow analysis and the index see them. A call's value is either a phone number
// (compared by its digits) or text (compared as written), and a test value matches phone numbers
// by digits and text as written (docs/language.md, "How values compare"). The shadow analysis
// works on one space of strings, so each value is tagged with its class; the index works on the
// router's normalised values (digits for phone numbers, else the trimmed text).
import { isDigits, normalizeValue } from '../../router/normalize.ts';
import { isValidInternational } from '../lower/phone.ts';

/** Class tag of phone numbers (followed by the digits) in the shadow analysis. */
const PHONE = '\u0001';
/** Class tag of every other value (followed by the trimmed text). */
const TEXT = '\u0002';
/** Characters a phone number may be written with; a prefix of only these (and no digit) can start either class. */
const PHONE_CHARS = /^[0-9+ ()-]*$/;

/** A normalised value in the shadow analysis' space. */
export function classed(normalised: string): string {
  return (isDigits(normalised) ? PHONE : TEXT) + normalised;
}

/** Digit prefixes of phone numbers (`country`) in the shadow analysis' space. */
export function phonePrefixes(prefixes: readonly string[]): string[] {
  return prefixes.map((p) => PHONE + p);
}

/**
 * The strings a `prefix` value (trimmed, as written) accepts in the shadow analysis' space, as
 * prefixes; null when no prefix set says it exactly (`+` alone starts phone numbers as written).
 */
export function classedPrefixes(written: string): string[] | null {
  if (written === '') return [''];
  const digits = normalizeValue(written);
  if (isDigits(digits)) return [PHONE + digits, TEXT + written];
  return PHONE_CHARS.test(written) ? null : [TEXT + written];
}

/** The normalised values a call must start with for a `prefix` value to hold; null when it cannot be anchored. */
export function prefixKeys(written: string): string[] | null {
  if (written === '') return null;
  const digits = normalizeValue(written);
  if (isDigits(digits)) return digits === written ? [digits] : [digits, written];
  return PHONE_CHARS.test(written) ? null : [written];
}

/** A value tested on a phone parameter that can never match: why, or null when it can. */
export function neverAPhone(written: string, prefix: boolean): string | null {
  const digits = normalizeValue(written);
  if (!isDigits(digits)) return null;
  if (prefix) {
    return digits.startsWith('0')
      ? `prefix "${written}" can never match: numbers arrive in international format, which never starts with 0 (write the country code, like 38044)`
      : null;
  }
  if (digits.length < 8 || isValidInternational(digits)) return null;
  return `"${written}" is not a valid international phone number (write it with the country code, like 380441111111)`;
}
