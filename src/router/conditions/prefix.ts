// `name: { prefix: p }`: the parameter starts with any of the prefixes.
import { quote, type RouterCondition, valueWhy } from './condition.ts';
import { anyText } from './text-match.ts';

/** Compiled `{ prefix: ... }`: the distinct prefixes, trimmed, as written. */
export interface PrefixData {
  op: 'prefix';
  values: string[];
}

/** Run-time half of `{ prefix: ... }`. */
export const prefix: RouterCondition<PrefixData> = {
  compile: (data, at) => anyText(data.values, 'startsWith', at.slot),
  describe: (data) => `starts with ${data.values.map(quote).join(' or ')}`,
  why: valueWhy,
};
