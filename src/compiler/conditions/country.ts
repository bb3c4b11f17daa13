// Build-time half of `name: { country: UA }` (run time: src/router/conditions/country.ts): the
// codes become digit prefixes from libphonenumber's metadata, here, so nothing of it ships.
import type { CountryData } from '../../router/conditions/country.ts';
import { countryPrefixes, isKnownRegion } from '../lower/country-prefixes.ts';
import type { TextAt } from '../model/ir.ts';
import { error } from '../problem.ts';
import { type CompilerCondition, field, noNames, texts } from './condition.ts';
import { phonePrefixes } from './value-classes.ts';

/** `{ country }` as written. */
export interface CountrySpec {
  codes: TextAt[];
}

/** Build-time half of `{ country }`. */
export const country: CompilerCondition<CountrySpec, CountryData> = {
  form: { keys: ['country'] },
  parse: (node) => ({ codes: texts(field(node, 'country')) }),
  resolve: noNames,
  lower(spec, ctx) {
    const unknown = spec.codes.filter((c) => !isKnownRegion(c.text));
    for (const c of unknown) {
      const why = `unknown country "${c.text}" (an ISO 3166 code, like UA, KZ or US)`;
      ctx.problems.push(error(c.loc, `${ctx.what}: ${why}`));
    }
    if (unknown.length > 0) return null;
    const codes = [...new Set(spec.codes.map((c) => c.text))];
    const prefixes = [...new Set(codes.flatMap(countryPrefixes))].sort();
    return { op: 'country', codes, prefixes };
  },
  // Under every prefix a number that extends it, and text that starts like one.
  witnesses: (data) => ({
    named: [],
    others: data.prefixes.flatMap((p) => [`${p}5555`, p.padEnd(12, '5'), `${p}x`]),
  }),
  shadow: (data) => ({
    value: { kind: 'prefixes', prefixes: phonePrefixes(data.prefixes), negate: false },
  }),
  anchor: (data) => ({ kind: 'prefix', values: data.prefixes, tier: 2 }),
};
