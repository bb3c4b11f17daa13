import type { CountryCode } from 'libphonenumber-js';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import metadata from 'libphonenumber-js/min/metadata';
import { describe, expect, it } from 'vitest';
import { countryPrefixes } from '../../../src/compiler/lower/country-prefixes.ts';
import { createRng } from '../../support/random-values.ts';

/** The region whose compiled prefixes the digits start with (all of them, to catch overlaps). */
function byPrefixes(digits: string, regions: readonly string[]): string[] {
  return regions.filter((r) => countryPrefixes(r).some((p) => digits.startsWith(p)));
}

/**
 * libphonenumber's region for a valid number in E.164 form, else undefined. Digits that are valid
 * only after a trunk prefix is dropped (`+7 8...`) are not what Ringostat sends.
 */
function libRegion(digits: string): string | undefined {
  const parsed = parsePhoneNumberFromString(`+${digits}`, { extract: false });
  return parsed?.isValid() && parsed.number === `+${digits}` ? parsed.country : undefined;
}

const SHARED = Object.entries(metadata.country_calling_codes).filter(([, r]) => r.length > 1);
const EXAMPLES = examples as Record<string, string>;

describe('countryPrefixes', () => {
  it('gives a region with its own calling code that code alone', () => {
    expect(countryPrefixes('UA')).toEqual(['380']);
    expect(countryPrefixes('DE')).toEqual(['49']);
  });

  it('tells Russia and Kazakhstan apart inside +7', () => {
    expect(countryPrefixes('KZ')).toEqual(['77']);
    expect(countryPrefixes('RU')).toEqual(['73', '74', '78', '79']);
  });

  it('agrees with libphonenumber on the example number of every region', () => {
    const wrong: string[] = [];
    for (const region of getCountries()) {
      const national = EXAMPLES[region];
      if (national === undefined) continue;
      const digits = `${getCountryCallingCode(region as CountryCode)}${national}`;
      if (libRegion(digits) !== region) continue;
      const regions = metadata.country_calling_codes[getCountryCallingCode(region as CountryCode)]!;
      const found = byPrefixes(digits, regions);
      if (found.length !== 1 || found[0] !== region) wrong.push(`${region} ${digits}: ${found}`);
    }
    expect(wrong).toEqual([]);
  });

  // Seeded random numbers under every shared calling code: example numbers of its regions with
  // their tails redrawn, and uniform random numbers of every length. The valid ones must land, by
  // prefix, on exactly libphonenumber's region and no other.
  it.each(SHARED.map(([cc, regions]) => [cc, regions] as const))(
    'agrees with libphonenumber on valid random numbers under +%s',
    (cc, regions) => {
      const rng = createRng(Number(cc));
      const wrong: string[] = [];
      let valid = 0;
      const seeds = regions.flatMap((r) => (EXAMPLES[r] ? [EXAMPLES[r]] : []));
      for (let i = 0; i < 6000; i++) {
        const example = seeds.length > 0 && i % 3 !== 0 ? rng.pick(seeds) : '';
        const keep = example === '' ? 0 : rng.int(example.length);
        const length = example === '' ? 6 + rng.int(7) : example.length - keep;
        const tail = Array.from({ length }, () => rng.int(10)).join('');
        const digits = `${cc}${example.slice(0, keep)}${tail}`;
        const region = libRegion(digits);
        if (region === undefined) continue;
        valid++;
        const found = byPrefixes(digits, regions);
        if (found.length !== 1 || found[0] !== region)
          wrong.push(`${digits}: ${region} vs ${found}`);
      }
      expect(valid).toBeGreaterThan(50);
      expect(wrong).toEqual([]);
    },
  );
});
