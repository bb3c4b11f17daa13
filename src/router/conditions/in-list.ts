// `name: { in: list }`: the parameter is in one of the webhook's named lists.
import { type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `{ in: list }`: the list's position in the table's lists. */
export interface InData {
  op: 'in';
  list: number;
}

/** Run-time half of `{ in: list }`. */
export const inList: RouterCondition<InData> = {
  compile(data, at) {
    const list = at.lists[data.list]!;
    const slot = at.slot;
    return (call) => list.has(call.value(slot));
  },
  describe: (data, at) => `in list ${at.listNames[data.list]}`,
  why: valueWhy,
};
