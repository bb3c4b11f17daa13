// Build-time checks of route destinations and caller numbers (docs/language.md: phone destinations
// must be valid international numbers; SIP strings look like sip/user@host or sip:user@host).
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { normalizeValue } from '../../router/normalize.ts';
import { createValidator, INVALID, NOT_E164 } from './phone-memo.ts';

/** A checked destination: the value to answer with, or why it was refused. */
export type DestinationCheck = { ok: true; value: string } | { ok: false; message: string };

// No spaces or commas anywhere: the router joins destinations with ',' for Ringostat.
const SIP = /^sip[/:][^\s,@]+@[A-Za-z0-9.-]+(?::\d{1,5})?$/;
const SIP_START = /^sip[/:]/i;
const validator = createValidator();

/** Checks one `to` destination: a phone number (answered as its digits) or a SIP string (as written). */
export function checkDestination(raw: string): DestinationCheck {
  const written = raw.trim();
  if (written === '') return { ok: false, message: 'empty destination' };
  if (isDigits(normalizeValue(written))) return checkPhone(written);
  if (SIP.test(written)) return { ok: true, value: written };
  if (SIP_START.test(written)) {
    return {
      ok: false,
      message: `"${written}" is not a valid SIP destination (expected sip/user@host or sip:user@host)`,
    };
  }
  return {
    ok: false,
    message: `"${written}" is neither a phone number nor a SIP destination (expected an international number like 380441111111, or sip/user@host)`,
  };
}

/**
 * Checks a phone number as written (`+38 (044) 111-11-11`): valid per libphonenumber-js and in
 * E.164 form. A national prefix after the country code (`3800441111111`) passes libphonenumber
 * but is not what Ringostat dials or sends as the caller, so it is refused with the fix.
 */
export function checkPhone(written: string): DestinationCheck {
  const digits = normalizeValue(written);
  const verdict = isDigits(digits) ? validator(digits) : INVALID;
  if (verdict === INVALID) {
    return {
      ok: false,
      message: `"${written}" is not a valid international phone number (write it with the country code, like 380441111111)`,
    };
  }
  if (verdict === NOT_E164) {
    const e164 = parsePhoneNumberFromString(`+${digits}`)?.number.slice(1) ?? digits;
    return {
      ok: false,
      message: `"${written}" has a national prefix after the country code (write it as ${e164})`,
    };
  }
  return { ok: true, value: digits };
}

/** True when `digits` (digits only, no `+`) is valid per `isValidPhoneNumber('+' + digits)` of libphonenumber-js; memoised. */
export function isValidInternational(digits: string): boolean {
  return isDigits(digits) && validator(digits) !== INVALID;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
