// `name: { prefix: p }`: the parameter starts with any of the prefixes.
import { quote, type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `{ prefix: ... }`: the distinct normalised prefixes. */
export interface PrefixData {
  op: 'prefix';
  values: string[];
}

/** Run-time half of `{ prefix: ... }`. */
export const prefix: RouterCondition<PrefixData> = {
  compile(data, at) {
    const slot = at.slot;
    // One value (the usual case): no callback, which would be a closure allocated per call.
    const [only] = data.values;
    if (data.values.length === 1 && only !== undefined)
      return (call) => call.value(slot).startsWith(only);
    const values = data.values;
    return (call) => {
      const value = call.value(slot);
      for (const p of values) if (value.startsWith(p)) return true;
      return false;
    };
  },
  describe: (data) => `starts with ${data.values.map(quote).join(' or ')}`,
  why: valueWhy,
};
