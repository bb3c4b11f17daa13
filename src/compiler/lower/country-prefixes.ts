// `country` conditions compile to digit prefixes, decided at build time from libphonenumber's
// metadata (nothing of it reaches the Lambda bundle). A calling code used by one region is that
// region's only prefix. For a shared calling code (+7 Russia and Kazakhstan, +1 the North
// American plan, +44 the UK and Crown dependencies, ...) the national numbers are explored digit
// by digit until libphonenumber's verdict is the same for every completion of a prefix at every
// length (the same reasoning as phone-memo.ts); that prefix then belongs to the region
// libphonenumber names for its valid numbers. test/compiler/lower/country-prefixes.test.ts
// checks the result against libphonenumber on every region's example numbers and many more.

import type { CountryCode } from 'libphonenumber-js';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/min/metadata';
import { buildPlan, decides, type Plan, planApi, variant } from './phone-memo.ts';

/** How deep the exploration of a shared calling code goes. */
const MAX_DEPTH = 7;
/** Placeholders after a prefix: X stands for any digit, Y for some digit (phone-memo.ts). */
const PAD_X = 'X'.repeat(17);
const PAD_Y = 'Y'.repeat(17);
/** Below this many national digits a prefix is only settled exactly, never by trying numbers. */
const MIN_SAMPLED = 2;

const byCallingCode = new Map<string, Map<string, string[]>>();
const REGIONS: ReadonlySet<string> = new Set(getCountries());

/** True when `code` is an ISO 3166 region libphonenumber knows. */
export function isKnownRegion(code: string): boolean {
  return REGIONS.has(code);
}

/** The digit prefixes (calling code first) of the phone numbers of `region`; sorted. */
export function countryPrefixes(region: string): string[] {
  const cc = getCountryCallingCode(region as CountryCode);
  const regions: readonly string[] = metadata.country_calling_codes[cc] ?? [];
  if (regions.length < 2) return [cc];
  let shared = byCallingCode.get(cc);
  if (!shared) {
    shared = explore(cc, regions);
    byCallingCode.set(cc, shared);
  }
  return shared.get(region) ?? [];
}

/** Region -> prefixes for every region sharing the calling code. */
function explore(cc: string, regions: readonly string[]): Map<string, string[]> {
  const plan = buildPlan(cc);
  const leading = leadingTests(regions);
  const lengths = [...new Set(regions.flatMap((r) => planApi(r).possibleLengths() ?? []))].sort(
    (a, b) => a - b,
  );
  const out = new Map<string, string[]>();
  const visit = (prefix: string): string | null | undefined => {
    const verdict = regionOf(cc, plan, leading, lengths, prefix);
    if (verdict !== undefined) return verdict;
    const kids = Array.from({ length: 10 }, (_, d) => visit(`${prefix}${d}`));
    // Ten children of one region fold into their parent.
    if (kids.every((k) => k === kids[0] && k !== undefined)) return kids[0];
    kids.forEach((k, d) => {
      if (typeof k === 'string') out.set(k, [...(out.get(k) ?? []), `${cc}${prefix}${d}`]);
    });
    return undefined;
  };
  const root = visit('');
  if (typeof root === 'string') out.set(root, [cc]);
  for (const list of out.values()) list.sort();
  return out;
}

/**
 * The region of every valid number starting with `prefix` (national digits), null when none is
 * valid, undefined when they belong to different regions or it cannot tell yet (look deeper).
 * Where libphonenumber's verdict is settled for every completion (phone-memo.ts), one number per
 * length answers exactly. Elsewhere every two-digit extension is tried at every length, so a
 * region told apart by the next two digits is never missed; deeper splits are found level by level.
 */
function regionOf(
  cc: string,
  plan: Plan | null,
  leading: LeadingTest[],
  lengths: number[],
  prefix: string,
): string | null | undefined {
  const k = prefix.length;
  // A region named by leading digits may still begin inside this prefix's numbers: look deeper.
  const pending = leading.some((t) => !t.x.test(prefix + PAD_X) && t.y.test(prefix + PAD_Y));
  const open = lengths.filter((n) => n >= k);
  const settled =
    plan !== null &&
    k >= plan.depth &&
    open.every((n) => decides(plan, `${cc}${prefix}${'0'.repeat(n - k)}`, cc.length, k));
  // The regions found at each length, longest length first.
  const byLength: Set<string>[] = [];
  for (const n of [...open].reverse()) {
    const found = new Set<string>();
    for (const fill of settled ? ['0'.repeat(n - k)] : extensions(n - k)) {
      const country = validRegion(`${cc}${prefix}${fill}`);
      if (country) found.add(country);
    }
    if (found.size > 0) byLength.push(found);
  }
  const mixed = byLength.some((f) => f.size > 1);
  if (!settled && (pending || mixed || k < MIN_SAMPLED) && k < MAX_DEPTH) return undefined;
  if (settled && mixed && k < MAX_DEPTH) return undefined;
  // Regions that differ only by length (Canada's 7-digit 310 numbers under US 10-digit ones): the
  // prefix goes to the region of the longest numbers, which are the most, and what callers dial.
  const [longest] = byLength;
  return longest === undefined ? null : [...longest][0]!;
}

/** A region's leading-digits pattern, as the prefix reasoning of phone-memo.ts reads it. */
interface LeadingTest {
  x: RegExp;
  y: RegExp;
}

function leadingTests(regions: readonly string[]): LeadingTest[] {
  const out: LeadingTest[] = [];
  for (const region of regions) {
    const source = planApi(region).leadingDigits();
    if (!source) continue;
    const x = variant(source, 'X');
    const y = variant(source, 'Y');
    // Outside the audited regex subset: sampling alone decides (the test checks the outcome).
    if (x && y) out.push({ x: new RegExp(`^(?:${x})`), y: new RegExp(`^(?:${y})`) });
  }
  return out;
}

/** Completions of `length` digits covering every value of their first two digits. */
function extensions(length: number): string[] {
  if (length === 0) return [''];
  const head = length === 1 ? 10 : 100;
  const width = length === 1 ? 1 : 2;
  return Array.from({ length: head }, (_, i) => {
    const start = String(i).padStart(width, '0');
    return start + filler(length - width, i);
  });
}

/** The region of a valid number in E.164 form (no trunk prefix after the calling code). */
function validRegion(digits: string): string | undefined {
  const parsed = parsePhoneNumberFromString(`+${digits}`, { extract: false });
  return parsed?.isValid() && parsed.number === `+${digits}` ? parsed.country : undefined;
}

/** A deterministic completion of `length` digits, the `i`th of a spread of samples. */
function filler(length: number, i: number): string {
  let out = '';
  let seed = (i + 1) * 2654435761;
  for (let j = 0; j < length; j++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out += String((seed >>> 16) % 10);
  }
  return out;
}
