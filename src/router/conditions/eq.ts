// `name: value`: the parameter equals the value (both compared as the router normalises them).
import { quote, type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `name: value`: exactly one normalised value. */
export interface EqData {
  op: 'eq';
  values: [string];
}

/** Run-time half of `name: value`. */
export const eq: RouterCondition<EqData> = {
  compile(data, at) {
    const [only] = data.values;
    const slot = at.slot;
    return (call) => call.value(slot) === only;
  },
  describe: (data) => `= ${quote(data.values[0])}`,
  why: valueWhy,
};
