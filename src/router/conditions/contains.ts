// `name: { contains: s }`: the parameter contains any of the strings (URLs, UTM content).
import { quote, type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `{ contains: ... }`: the distinct normalised strings. */
export interface ContainsData {
  op: 'contains';
  values: string[];
}

/** Run-time half of `{ contains: ... }`. */
export const contains: RouterCondition<ContainsData> = {
  compile(data, at) {
    const slot = at.slot;
    const [only] = data.values;
    if (data.values.length === 1 && only !== undefined)
      return (call) => call.value(slot).includes(only);
    const values = data.values;
    return (call) => {
      const value = call.value(slot);
      for (const s of values) if (value.includes(s)) return true;
      return false;
    };
  },
  describe: (data) => `contains ${data.values.map(quote).join(' or ')}`,
  why: valueWhy,
};
