// `name: { not: <condition> }`: the inner condition on the same parameter does not hold.
import { type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `{ not }`; `Inner` is any value condition's data (see registry.ts). */
export interface NotData<Inner = unknown> {
  op: 'not';
  inner: Inner;
}

/** Run-time half of `{ not }`. */
export const not: RouterCondition<NotData> = {
  compile(data, at) {
    const inner = at.inner(data.inner);
    return (call) => !inner(call);
  },
  describe: (data, at) => `not (${at.inner(data.inner)})`,
  why: valueWhy,
};
