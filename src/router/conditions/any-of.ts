// `name: [a, b]`: the parameter equals any of the values.
import { quote, type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `name: [a, b]`: the distinct normalised values. */
export interface AnyOfData {
  op: 'any-of';
  values: string[];
}

/** Run-time half of `name: [a, b]`. */
export const anyOf: RouterCondition<AnyOfData> = {
  compile(data, at) {
    const slot = at.slot;
    const [only] = data.values;
    if (data.values.length === 1 && only !== undefined) return (call) => call.value(slot) === only;
    const set = new Set(data.values);
    return (call) => set.has(call.value(slot));
  },
  describe: (data) =>
    data.values.length === 1
      ? `= ${quote(data.values[0]!)}`
      : `one of ${data.values.map(quote).join(', ')}`,
  why: valueWhy,
};
