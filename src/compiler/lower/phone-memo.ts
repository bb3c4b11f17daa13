// Exact libphonenumber verdicts on '+' + digits at table scale. A libphonenumber call costs about 6 µs
// (measured: 200k Kyiv numbers), so 1M unique callers would take 6 s; this memo answers most
// numbers with a short trie walk and calls libphonenumber once per decisive prefix.
//
// Why a prefix can decide: for a '+' number, libphonenumber's answer depends on the digits only
// through (a) the calling code, (b) the length, (c) whether the calling code's national prefix
// (for parsing) matches at the start, and (d) full or from-the-start matches of the numbering
// plan's regexes (national number pattern, leading digits, type patterns of every country sharing
// the calling code) against the national number, either whole or with the national prefix cut
// off (source: parse.js, extractNationalNumber.js, getCountryByNationalNumber.js,
// getNumberType.js, isValid.js). When every such regex gives the same outcome for every way of
// completing a prefix to length n, all numbers with that prefix and length get the same answer
// (validity, and whether a national prefix was dropped), which is then computed once by
// libphonenumber itself on the first such number.
//
// Deciding "same outcome for every completion" with the regex engine: pad the prefix with n-k
// copies of a non-digit. In variant X only `\d` accepts X, so a match proves every completion
// matches; in variant Y every digit-accepting atom also accepts Y, so no match proves no
// completion matches. Plans this reasoning does not cover (a transform rule that rearranges
// digits, a non-literal national prefix, regex syntax outside the audited subset) are never
// memoised by prefix: they call libphonenumber for each distinct number.
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/min/metadata';

/** libphonenumber's verdict on `+digits`: one of INVALID, E164, NOT_E164. */
export type Verdict = number;
/** `isValidPhoneNumber('+' + digits)` is false. */
export const INVALID = 0;
/** Valid, and libphonenumber keeps every digit: the E.164 form is `digits` itself. */
export const E164 = 1;
/** Valid only after libphonenumber drops a national (trunk) prefix written after the calling code. */
export const NOT_E164 = 2;

/** Judges a digits-only international number (without the `+`). */
export type Validator = (digits: string) => Verdict;

/** Builds a validator with its own memo; `verdict !== INVALID` equals `isValidPhoneNumber('+' + digits)`. */
export function createValidator(): Validator {
  const plans = new Map<string, Plan | null>();
  const exact = exactMemo();
  return (digits) => {
    const cc = callingCode(digits);
    if (cc === '') return exact(digits);
    let plan = plans.get(cc);
    if (plan === undefined) {
      plan = buildPlan(cc);
      plans.set(cc, plan);
    }
    return plan === null ? exact(digits) : lookup(plan, digits, cc.length);
  };
}

interface Check {
  x: RegExp;
  y: RegExp;
  offset: number;
}
/** What decides libphonenumber's verdicts for one calling code (see the top of this file). */
export interface Plan {
  depth: number;
  checks: Check[];
  roots: (TrieNode | undefined)[];
}
/** `state` is UNKNOWN, OPEN or DECIDED, or the node's verdict once computed. */
interface TrieNode {
  state: number;
  kids: (TrieNode | undefined)[];
}
/** The accessors libphonenumber's own code uses (metadata.js); not in its published types. */
export interface PlanApi {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  possibleLengths(): number[] | undefined;
  types(): unknown;
}

const UNKNOWN = -1;
const OPEN = -2;
const DECIDED = -3;
/** libphonenumber rejects longer national numbers (MAX_LENGTH_FOR_NSN). */
const MAX_NATIONAL = 17;
const EXACT_MEMO_LIMIT = 1 << 16;
const PAD_X = Array.from({ length: MAX_NATIONAL + 1 }, (_, m) => 'X'.repeat(m));
const PAD_Y = Array.from({ length: MAX_NATIONAL + 1 }, (_, m) => 'Y'.repeat(m));

/** libphonenumber's own verdict, uncached. */
export function judge(digits: string): Verdict {
  const parsed = parsePhoneNumberFromString(`+${digits}`, { extract: false });
  if (parsed === undefined || !parsed.isValid()) return INVALID;
  return parsed.number === `+${digits}` ? E164 : NOT_E164;
}

function lookup(plan: Plan, digits: string, start: number): Verdict {
  const n = digits.length - start;
  if (n < 1 || n > MAX_NATIONAL) return judge(digits);
  plan.roots[n] ??= node();
  let current = plan.roots[n];
  for (let k = 0; k <= n; k++) {
    if (current.state === UNKNOWN) current.state = decides(plan, digits, start, k) ? DECIDED : OPEN;
    if (current.state === DECIDED) current.state = judge(digits);
    if (current.state >= 0) return current.state;
    const digit = digits.charCodeAt(start + k) - 48;
    current.kids[digit] ??= node();
    current = current.kids[digit];
  }
  // Unreachable: with every digit known (no padding) X and Y match exactly like the original.
  return judge(digits);
}

/**
 * True when libphonenumber answers the same for every completion of `digits` to its length once
 * its first `k` national digits (from `start`) are known; the digits after them are placeholders.
 */
export function decides(plan: Plan, digits: string, start: number, k: number): boolean {
  if (k < plan.depth) return false;
  const pad = digits.length - start - k;
  for (const check of plan.checks) {
    const known = digits.slice(start + check.offset, start + k);
    if (!check.x.test(known + PAD_X[pad]) && check.y.test(known + PAD_Y[pad])) return false;
  }
  return true;
}

/** The plan of a calling code; null when its numbering plan is outside what the prefix reasoning covers. */
export function buildPlan(cc: string): Plan | null {
  // Non-geographic codes (800, 882, ...) list the pseudo-country '001', selected by calling code.
  const countries: readonly string[] = metadata.country_calling_codes[cc] ?? [];
  const apis = countries.map((country) => planApi(country === '001' ? cc : country));
  const main = apis[0];
  if (main === undefined || main.nationalPrefixTransformRule()) return null;
  const prefix = main.nationalPrefixForParsing();
  const literals = prefix ? prefix.split('|') : [];
  if (!literals.every((l) => /^\d+$/.test(l))) return null;
  const offsets = [...new Set([0, ...literals.map((l) => l.length)])];
  const sources: [string, boolean, number[]][] = prefix ? [[prefix, false, [0]]] : [];
  for (const api of apis) {
    sources.push([api.nationalNumberPattern(), true, offsets]);
    const leading = api.leadingDigits();
    if (leading) sources.push([leading, false, offsets]);
    for (const pattern of typePatterns(api.types())) sources.push([pattern, true, offsets]);
  }
  const checks: Check[] = [];
  for (const [source, whole, at] of sources) {
    const x = variant(source, 'X');
    const y = variant(source, 'Y');
    if (x === null || y === null) return null;
    for (const offset of at) checks.push({ x: anchor(x, whole), y: anchor(y, whole), offset });
  }
  return { depth: Math.max(...offsets), checks, roots: [] };
}

/** libphonenumber's numbering plan accessors for a region (or a non-geographic calling code). */
export function planApi(countryOrCode: string): PlanApi {
  const m = new Metadata();
  m.selectNumberingPlan(countryOrCode as Parameters<typeof m.selectNumberingPlan>[0]);
  return m.numberingPlan as unknown as PlanApi;
}

function typePatterns(types: unknown): string[] {
  if (!Array.isArray(types)) return [];
  return types.flatMap((t) => (Array.isArray(t) && typeof t[0] === 'string' && t[0] ? [t[0]] : []));
}

function anchor(source: string, whole: boolean): RegExp {
  return new RegExp(whole ? `^(?:${source})$` : `^(?:${source})`);
}

/** Rewrites a metadata regex so `pad` stands for "any digit" (X) or "some digit" (Y); null outside the audited subset. */
export function variant(source: string, pad: 'X' | 'Y'): string | null {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      if (source[i + 1] !== 'd') return null;
      out += `[\\d${pad}]`;
      i++;
    } else if (c === '[' || c === '{') {
      const end = source.indexOf(c === '[' ? ']' : '}', i);
      const body = source.slice(i + 1, end);
      if (end < 0 || !(c === '[' ? /^(?:\d(?:-\d)?|\\d)+$/ : /^\d+(?:,\d*)?$/).test(body))
        return null;
      const widen = c === '[' && (pad === 'Y' || body.includes('\\d'));
      out += c === '[' ? `[${body}${widen ? pad : ''}]` : `{${body}}`;
      i = end;
    } else if (c >= '0' && c <= '9') {
      out += pad === 'Y' ? `[${c}Y]` : c;
    } else if ('()?:|*+'.includes(c)) {
      out += c;
    } else {
      return null;
    }
  }
  return out;
}

function callingCode(digits: string): string {
  const codes = metadata.country_calling_codes;
  for (let len = 1; len <= 3 && len < digits.length; len++) {
    const cc = digits.slice(0, len);
    if (cc[0] !== '0' && Object.hasOwn(codes, cc)) return cc;
  }
  return '';
}

function node(): TrieNode {
  return { state: UNKNOWN, kids: [] };
}

/** Plain per-number memo for numbers no prefix analysis covers; bounded so it cannot grow without limit. */
function exactMemo(): Validator {
  let memo = new Map<string, Verdict>();
  return (digits) => {
    let verdict = memo.get(digits);
    if (verdict === undefined) {
      verdict = judge(digits);
      if (memo.size >= EXACT_MEMO_LIMIT) memo = new Map();
      memo.set(digits, verdict);
    }
    return verdict;
  };
}
