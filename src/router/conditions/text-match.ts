// How a condition's value compares with a call's value in `prefix` and `contains` (docs/language.md,
// "How values compare"): by digits when both are phone numbers, else both as written.
import { isDigits, normalizeValue } from '../normalize.ts';
import type { CallScope } from '../scope.ts';
import type { Check } from './condition.ts';

type Match = 'startsWith' | 'includes';

/** A check that holds when the parameter in `slot` matches any of the condition's values (trimmed, as written). */
export function anyText(values: readonly string[], match: Match, slot: number): Check {
  const checks = values.map((v) => textCheck(v, match, slot));
  const [only] = checks;
  if (checks.length === 1 && only !== undefined) return only;
  return (call: CallScope) => {
    for (const check of checks) if (check(call)) return true;
    return false;
  };
}

function textCheck(value: string, match: Match, slot: number): Check {
  const digits = normalizeValue(value);
  if (!isDigits(digits)) {
    // Not a phone number: the call's value as written. A phone call's normalised value drops
    // its `+ ()-`, so only then is the written form read.
    return (call) =>
      call.isPhone(slot) ? call.written(slot)[match](value) : call.value(slot)[match](value);
  }
  // A phone number: a phone call compares digits, any other value compares as written. When the
  // condition's value is digits only, that is the normalised value's own comparison either way.
  if (digits === value) return (call) => call.value(slot)[match](value);
  return (call) => call.value(slot)[match](call.isPhone(slot) ? digits : value);
}
