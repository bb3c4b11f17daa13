// A deliberately naive reference interpreter of routes/<webhook>.yaml (docs/language.md), the other
// side of test/router/differential.test.ts. It shares no code with src/compiler or src/router but
// one: the digit prefixes of `country` (the language defines the kind by them; they have their own
// test against libphonenumber). It reads the YAML itself and, for every call, walks the rules top
// to bottom and evaluates each test literally. Slow and obvious on purpose; nothing is indexed.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { countryPrefixes } from '../../src/compiler/lower/country-prefixes.ts';
import type { Target } from '../../src/router/types.ts';
import { referenceIsOpen, referenceLocalTime } from './reference-hours.ts';

/** What the reference answers: the id of the rule that answered (null for the default) and where to. */
export interface RefAnswer {
  ruleId: string | null;
  target: Target;
}

/** Call parameters as received: untrimmed, any may be absent. */
export type RefCall = Readonly<Record<string, string | undefined>>;

/** A webhook as the reference reads it: the YAML as written, plus its list and table files. */
export interface RefWebhook {
  doc: Doc;
  lists: Map<string, string[]>;
  tables: Map<string, Map<string, Target>>;
}

// Read with the failsafe schema, so every scalar is the string as written: `0441` stays "0441".
type Yaml = string | Yaml[] | { [key: string]: Yaml };
type Route = { to?: Yaml; schema?: string; split?: Route[]; table?: string; weight?: string };
interface Rule {
  id: string;
  when?: Record<string, Yaml>;
  route: Route;
}
interface Doc {
  timezone?: string;
  default: Route;
  hours?: Record<string, Record<string, Yaml>>;
  lists?: Record<string, Yaml>;
  rules?: Rule[];
}

/** Reads `<routesDir>/<name>.yaml` with the list and table files it names. */
export function loadReference(routesDir: string, name: string): RefWebhook {
  const doc = parse(readFileSync(join(routesDir, `${name}.yaml`), 'utf8'), {
    schema: 'failsafe',
  }) as Doc;
  const lists = new Map<string, string[]>();
  for (const [list, source] of Object.entries(doc.lists ?? {})) {
    const values = Array.isArray(source) ? strings(source) : listFile(join(routesDir, `${source}`));
    lists.set(list, values.map(refNormalize));
  }
  const tables = new Map<string, Map<string, Target>>();
  for (const rule of doc.rules ?? []) {
    const path = rule.route.table;
    if (path !== undefined) tables.set(path, csvTable(readFileSync(join(routesDir, path), 'utf8')));
  }
  return { doc, lists, tables };
}

/** Routes one call: the first rule, top to bottom, whose every test holds answers; else the default. */
export function referenceDecide(hook: RefWebhook, call: RefCall, nowMs: number): RefAnswer {
  for (const rule of hook.doc.rules ?? []) {
    const when = Object.entries(rule.when ?? {});
    const holds = when.every(([param, test]) => {
      if (param === 'hours') return inHours(hook, test, call, nowMs);
      if (param === 'during') return inWindows(hook, test, call, nowMs);
      return testHolds(hook, test, call, param);
    });
    const target = holds ? routeTarget(hook, rule.route, call) : null;
    if (target !== null) return { ruleId: rule.id, target };
  }
  return { ruleId: null, target: routeTarget(hook, hook.doc.default, call)! };
}

/** docs/language.md: trim; a value made only of digits, `+`, spaces, dashes and parentheses, with a digit, is its digits. */
export function refNormalize(raw: string): string {
  const value = raw.trim();
  const phone = /^[0-9+ ()-]+$/.test(value) && /[0-9]/.test(value);
  return phone ? value.replace(/[^0-9]/g, '') : value;
}

/** 32-bit FNV-1a over the UTF-8 bytes of `text`, in BigInt arithmetic so it is obviously right. */
export function referenceFnv1a(text: string): number {
  let hash = 0x811c9dc5n;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash = ((hash ^ BigInt(byte)) * 0x01000193n) % 0x100000000n;
  }
  return Number(hash);
}

function paramValue(call: RefCall, param: string): string {
  return refNormalize(written(call, param));
}

/** The parameter trimmed, as sent; an absent parameter reads as empty (`exists: false` is "absent or empty"). */
function written(call: RefCall, param: string): string {
  const raw = Object.hasOwn(call, param) ? call[param] : undefined;
  return (raw ?? '').trim();
}

/** A value made only of digits, `+`, spaces, dashes and parentheses, with at least one digit. */
function isPhone(value: string): boolean {
  return /^[0-9+ ()-]+$/.test(value) && /[0-9]/.test(value);
}

/** Both phone numbers: compare their digits; otherwise both as written. */
function textPair(callValue: string, testValue: string): [string, string] {
  const t = testValue.trim();
  return isPhone(callValue) && isPhone(t)
    ? [refNormalize(callValue), refNormalize(t)]
    : [callValue, t];
}

function testHolds(hook: RefWebhook, test: Yaml, call: RefCall, param: string): boolean {
  const value = paramValue(call, param);
  if (typeof test === 'string') return value === refNormalize(test);
  if (Array.isArray(test)) return test.some((one) => testHolds(hook, one, call, param));
  const keys = Object.keys(test);
  const only = (...allowed: string[]) => keys.length > 0 && keys.every((k) => allowed.includes(k));
  if (only('not')) return !testHolds(hook, test.not!, call, param);
  if (only('in')) return hook.lists.get(`${test.in}`)!.includes(value);
  if (only('prefix')) {
    return strings(test.prefix!).some((p) => {
      const [v, t] = textPair(written(call, param), p);
      return v.startsWith(t);
    });
  }
  if (only('contains')) {
    return strings(test.contains!).some((s) => {
      const [v, t] = textPair(written(call, param), s);
      return v.includes(t);
    });
  }
  if (only('exists')) return (value !== '') === (test.exists === 'true');
  if (only('country')) return isOfCountry(written(call, param), strings(test.country!));
  if (only('min', 'max')) {
    // "is a number within the bounds", the number read as written: sign and decimal point kept.
    const text = written(call, param);
    if (!/^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(text)) return false;
    const n = Number(text);
    return (
      (test.min === undefined || n >= Number(test.min)) &&
      (test.max === undefined || n <= Number(test.max))
    );
  }
  throw new Error(`reference: unknown test ${JSON.stringify(test)}`);
}

function routeTarget(hook: RefWebhook, route: Route, call: RefCall): Target | null {
  if (route.to !== undefined) {
    return { kind: 'to', to: strings(route.to).map(refNormalize).join(',') };
  }
  if (route.schema !== undefined) return { kind: 'schema', schema: Number(route.schema) };
  const caller = paramValue(call, 'caller');
  if (route.table !== undefined) return hook.tables.get(route.table)!.get(caller) ?? null;
  const branches = route.split!;
  const total = branches.reduce((sum, b) => sum + Number(b.weight), 0);
  const bucket = referenceFnv1a(caller) % total;
  let upTo = 0;
  for (const branch of branches) {
    upTo += Number(branch.weight);
    if (bucket < upTo) return routeTarget(hook, branch, call);
  }
  throw new Error('unreachable: the last branch ends at the total weight');
}

function inHours(hook: RefWebhook, test: Yaml, call: RefCall, nowMs: number): boolean {
  const negate = typeof test === 'object' && !Array.isArray(test);
  const schedule = hook.doc.hours![negate ? `${test.not}` : `${test}`]!;
  const time = referenceLocalTime(hook.doc.timezone ?? 'UTC', call.date, nowMs);
  return referenceIsOpen(schedule, time) !== negate;
}

/** `during`: the call's local time, as `YYYY-MM-DD HH:MM`, is inside some window; a date alone is 00:00. */
function inWindows(hook: RefWebhook, test: Yaml, call: RefCall, nowMs: number): boolean {
  const t = referenceLocalTime(hook.doc.timezone ?? 'UTC', call.date, nowMs);
  const hh = String(Math.floor(t.minute / 60)).padStart(2, '0');
  const mm = String(t.minute % 60).padStart(2, '0');
  const at = `${t.date} ${hh}:${mm}`;
  const bound = (b: Yaml | undefined) =>
    b === undefined ? undefined : `${b}`.length === 10 ? `${b} 00:00` : `${b}`;
  const windows = (Array.isArray(test) ? test : [test]) as { from?: Yaml; until?: Yaml }[];
  return windows.some((w) => {
    const from = bound(w.from);
    const until = bound(w.until);
    return (from === undefined || at >= from) && (until === undefined || at < until);
  });
}

/**
 * Whether a value is a phone number of one of the regions: its digits start with one of the
 * region's prefixes. The prefixes come from the compiler (the contract defines `country` by
 * them); test/compiler/lower/country-prefixes.test.ts checks them against libphonenumber.
 */
function isOfCountry(value: string, regions: string[]): boolean {
  if (!isPhone(value)) return false;
  const digits = refNormalize(value);
  return regions.some((r) => countryPrefixes(r).some((p) => digits.startsWith(p)));
}

/** A `.txt` list: one value per line; `#` at a line start or after a space starts a comment. */
function listFile(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  return lines.map((line) => line.replace(/(^|\s)#.*$/, '').trim()).filter((v) => v !== '');
}

/** A `table:` CSV, `caller,destination` with an optional header line, keyed by the caller's digits. */
function csvTable(text: string): Map<string, Target> {
  const rows = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const table = new Map<string, Target>();
  rows.forEach((line, i) => {
    const fields = line.split(',').map((f) => f.trim());
    if (i === 0 && fields.join(',').toLowerCase() === 'caller,destination') return;
    if (fields.length !== 2) throw new Error(`reference: bad CSV line ${JSON.stringify(line)}`);
    const [caller, destination] = fields as [string, string];
    const schema = /^schema:([0-9]+)$/.exec(destination);
    const target: Target = schema
      ? { kind: 'schema', schema: Number(schema[1]) }
      : { kind: 'to', to: destination.split(';').map(refNormalize).join(',') };
    if (!table.has(refNormalize(caller))) table.set(refNormalize(caller), target);
  });
  return table;
}

function strings(value: Yaml): string[] {
  return (Array.isArray(value) ? value : [value]).map((v) => `${v}`);
}
