// `name: { min: n, max: n }`: the parameter, read as a decimal number as written (sign and
// decimal point kept, no phone normalisation), is within the bounds.
import { type RouterCondition, valueWhy } from './condition.ts';

/** Compiled `{ min, max }`; a missing bound is null. */
export interface RangeData {
  op: 'range';
  min: number | null;
  max: number | null;
}

// Decimal numbers only: Number() would also accept '0x1f', '1e3' and 'Infinity'.
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** Run-time half of `{ min, max }`. */
export const range: RouterCondition<RangeData> = {
  compile(data, at) {
    const { min, max } = data;
    const slot = at.slot;
    return (call) => {
      const v = call.written(slot);
      if (v === '' || !DECIMAL.test(v)) return false;
      const n = Number(v);
      return (min === null || n >= min) && (max === null || n <= max);
    };
  },
  describe: (data) =>
    [data.min === null ? '' : `>= ${data.min}`, data.max === null ? '' : `<= ${data.max}`]
      .filter(Boolean)
      .join(' and '),
  why: valueWhy,
};
