// `name: { country: UA }`: the parameter is a phone number of one of the countries. The compiler
// turns the codes into digit prefixes (src/compiler/lower/country-prefixes.ts), so this only
// compares digits.
import type { CallScope } from '../scope.ts';
import { type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `{ country }`: the codes as written, and the digit prefixes of their numbers. */
export interface CountryData {
  op: 'country';
  codes: string[];
  prefixes: string[];
}

/** Run-time half of `{ country }`. */
export const country: RouterCondition<CountryData> = {
  compile(data, at) {
    const slot = at.slot;
    // Prefixes by length: a few Set lookups per call whatever the number of prefixes (the North
    // American plan's US alone has a few hundred).
    const lengths = [...new Set(data.prefixes.map((p) => p.length))].sort((a, b) => a - b);
    const sets = lengths.map((n) => new Set(data.prefixes.filter((p) => p.length === n)));
    return (call: CallScope) => {
      if (!call.isPhone(slot)) return false;
      const digits = call.value(slot);
      for (let i = 0; i < lengths.length; i++) {
        if (sets[i]!.has(digits.slice(0, lengths[i]))) return true;
      }
      return false;
    };
  },
  describe: (data) =>
    data.codes.length === 1
      ? `is a phone number of ${data.codes[0]}`
      : `is a phone number of ${data.codes.join(', ')}`,
  why: valueWhy,
};
