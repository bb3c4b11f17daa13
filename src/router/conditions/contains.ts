// `name: { contains: s }`: the parameter contains any of the strings (URLs, UTM content).
import { quote, type RouterCondition, valueWhy } from './condition.ts';
import { anyText } from './text-match.ts';

/** Compiled `{ contains: ... }`: the distinct strings, trimmed, as written. */
export interface ContainsData {
  op: 'contains';
  values: string[];
}

/** Run-time half of `{ contains: ... }`. */
export const contains: RouterCondition<ContainsData> = {
  compile: (data, at) => anyText(data.values, 'includes', at.slot),
  describe: (data) => `contains ${data.values.map(quote).join(' or ')}`,
  why: valueWhy,
};
