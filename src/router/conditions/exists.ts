// `name: { exists: true|false }`: the parameter is present and non-empty / absent or empty.
import { type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `{ exists }`. */
export interface ExistsData {
  op: 'exists';
  value: boolean;
}

/** Run-time half of `{ exists }`. */
export const exists: RouterCondition<ExistsData> = {
  compile(data, at) {
    const slot = at.slot;
    return data.value ? (call) => call.value(slot) !== '' : (call) => call.value(slot) === '';
  },
  describe: (data) => (data.value ? 'is present' : 'is absent'),
  why: valueWhy,
};
