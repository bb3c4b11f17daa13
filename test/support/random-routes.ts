// Seeded random webhooks for the differential tests: valid YAML using every test form, hours
// (office-like, past midnight, wrapping day ranges, closed dates, negated), lists (inline and
// .txt), and routes of every kind (to, schema, split, table with its CSV file).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConditionKind } from '../../src/router/conditions/registry.ts';
import { randomSchedule } from './random-schedules.ts';
import { ALPHABETS, createRng, DATES, PARAMS, type Rng, writtenVariant } from './random-values.ts';

/** One generated webhook: its parts as YAML text, and the list and table files it refers to. */
export interface RandomRoutes {
  seed: number;
  head: string[];
  rules: { id: string; lines: string[] }[];
  /** Path relative to the routes directory -> file text. */
  files: Map<string, string>;
}

/** Generates a webhook from `seed`; the same seed always gives the same files. */
export function randomRoutes(seed: number): RandomRoutes {
  const rng = createRng(seed);
  const ctx: Context = { rng, lists: [], files: new Map(), tables: [] };
  const schedules = Array.from({ length: rng.int(3) }, (_, i) => `h${i}`);
  const rules = Array.from({ length: 3 + rng.int(10) }, (_, i) => ({
    id: `r${i}`,
    lines: ruleLines(ctx, schedules, i),
  }));
  const head = [
    '# yaml-language-server: $schema=../schema/routes.schema.json',
    `timezone: ${rng.pick(['Europe/Kyiv', 'Europe/Kyiv', 'Europe/Kyiv', 'Asia/Almaty', 'America/New_York', 'UTC'])}`,
    `default: ${defaultRoute(ctx)}`,
  ];
  if (schedules.length > 0) head.push('hours:');
  for (const name of schedules)
    head.push(`  ${name}:`, ...randomSchedule(rng, DATES).map((l) => `    ${l}`));
  if (ctx.lists.length > 0) head.push('lists:');
  for (const list of ctx.lists) head.push(`  ${list.name}: ${list.source}`);
  return { seed, head, rules, files: ctx.files };
}

/** The webhook file's text. */
export function routesYaml(routes: RandomRoutes): string {
  const rules = routes.rules.flatMap((r) => [`  - id: ${r.id}`, ...r.lines.map((l) => `    ${l}`)]);
  return [...routes.head, 'rules:', ...rules, ''].join('\n');
}

/** Writes `<dir>/<name>.yaml` and its list and table files. */
export function writeRoutes(dir: string, name: string, routes: RandomRoutes): void {
  writeFileSync(join(dir, `${name}.yaml`), routesYaml(routes));
  for (const [path, text] of routes.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** The same webhook without the rules whose ids are given. */
export function withoutRules(routes: RandomRoutes, ids: ReadonlySet<string>): RandomRoutes {
  return { ...routes, rules: routes.rules.filter((r) => !ids.has(r.id)) };
}

interface Context {
  rng: Rng;
  lists: { name: string; param: string; source: string }[];
  files: Map<string, string>;
  tables: string[];
}

function ruleLines(ctx: Context, schedules: string[], index: number): string[] {
  const { rng } = ctx;
  const params = PARAMS.filter(() => rng.chance(0.25)).slice(0, 3);
  // A rule without tests takes every call, and the compiler rejects all rules after it as shadowed.
  if (params.length === 0 && rng.chance(0.8)) params.push(rng.pick(PARAMS));
  const when = params.map((p) => `${p}: ${randomTest(ctx, p, true)}`);
  for (const kind of TIME_KINDS) {
    const entry = rng.chance(0.25) ? GENERATORS[kind](ctx, kind, schedules) : null;
    if (entry !== null) when.splice(rng.int(when.length + 1), 0, `${kind}: ${entry}`);
  }
  const lines = when.length > 0 ? [`when: { ${when.join(', ')} }`] : [];
  // A table route answers only listed callers, so it need not be the last rule.
  const route = rng.chance(0.15) ? `{ table: ${table(ctx)} }` : randomRoute(ctx);
  return [...lines, `route: ${route}`, ...(index % 4 === 0 ? [`description: rule ${index}`] : [])];
}

/** A random test of one of the value kinds on `param` (`not` only at the top). */
function randomTest(ctx: Context, param: string, allowNot: boolean): string {
  const kinds = VALUE_KINDS.filter((k) => allowNot || k !== 'not');
  // Equality twice as often: it is what most rules test.
  const kind = ctx.rng.chance(0.15) ? 'eq' : ctx.rng.pick(kinds);
  return GENERATORS[kind](ctx, param, []) ?? randomTest(ctx, param, allowNot);
}

/** A generator writes one condition of its kind as YAML (a `when` value), or null when it cannot here. */
type Generator = (ctx: Context, param: string, schedules: string[]) => string | null;

/** One generator per condition kind: a kind without one is a type error. */
const GENERATORS = {
  eq: (ctx, param) => scalar(ctx.rng, writtenVariant(ctx.rng, ctx.rng.pick(ALPHABETS[param]!))),
  'any-of': (ctx, param) => {
    const alphabet = ALPHABETS[param]!;
    const values = [ctx.rng.pick(alphabet), ctx.rng.pick(alphabet)];
    return `[${values.map((v) => scalar(ctx.rng, v)).join(', ')}]`;
  },
  in: (ctx, param) => `{ in: ${listFor(ctx, param)} }`,
  prefix: (ctx, param) =>
    `{ prefix: ${oneOrMany(ctx.rng, () => fragment(ctx.rng, ALPHABETS[param]!, true))} }`,
  contains: (ctx, param) =>
    `{ contains: ${oneOrMany(ctx.rng, () => fragment(ctx.rng, ALPHABETS[param]!, false))} }`,
  range: (ctx) => {
    const [low, high] = [ctx.rng.int(6), ctx.rng.int(6)].sort((a, b) => a - b) as [number, number];
    return ctx.rng.pick([
      `{ min: ${low} }`,
      `{ max: ${high} }`,
      `{ min: ${low}, max: ${high} }`,
      `{ min: ${low}.5 }`,
      `{ max: -${low} }`,
    ]);
  },
  exists: (ctx) => `{ exists: ${ctx.rng.chance(0.5)} }`,
  not: (ctx, param) => `{ not: ${randomTest(ctx, param, false)} }`,
  country: (ctx) => {
    const codes = [ctx.rng.pick(COUNTRIES), ctx.rng.pick(COUNTRIES)];
    return ctx.rng.chance(0.6) ? `{ country: ${codes[0]} }` : `{ country: [${codes.join(', ')}] }`;
  },
  hours: (ctx, _param, schedules) => {
    if (schedules.length === 0) return null;
    const name = ctx.rng.pick(schedules);
    return ctx.rng.chance(0.3) ? `{ not: ${name} }` : name;
  },
  during: (ctx) => {
    const windows = Array.from({ length: 1 + ctx.rng.int(2) }, () => randomWindow(ctx.rng));
    return windows.length === 1 ? windows[0]! : `[${windows.join(', ')}]`;
  },
} satisfies Record<ConditionKind, Generator>;

const TIME_KINDS = ['hours', 'during'] as const;
const VALUE_KINDS = (Object.keys(GENERATORS) as ConditionKind[]).filter(
  (k) => !(TIME_KINDS as readonly string[]).includes(k),
);
/** Countries the random callers belong to, and some they do not. */
const COUNTRIES = ['UA', 'KZ', 'RU', 'GB', 'US', 'CA', 'DE'];

/** A `during` window over the dates random calls fall on; either end may be left out. */
function randomWindow(rng: Rng): string {
  const [a, b] = [rng.int(DATES.length), rng.int(DATES.length)].sort((x, y) => x - y) as [
    number,
    number,
  ];
  const from = `${DATES[a]}${rng.chance(0.5) ? ` ${rng.pick(['09:00', '10:30', '23:00'])}` : ''}`;
  const until = b > a ? `${DATES[b]}${rng.chance(0.5) ? ' 12:00' : ''}` : `${DATES[a]} 23:59:59`;
  const bounds = [
    rng.chance(0.85) ? `from: "${from}"` : '',
    rng.chance(0.85) || b === a ? `until: "${until.replace(/:59:59$/, ':59')}"` : '',
  ].filter(Boolean);
  if (bounds.length === 0) bounds.push(`from: "${from}"`);
  return `{ ${bounds.join(', ')} }`;
}

/** A prefix (or any substring) of an alphabet value, as written; never one that normalises to "". */
function fragment(rng: Rng, alphabet: readonly string[], prefix: boolean): string {
  const value = writtenVariant(rng, rng.pick(alphabet)).trim();
  const start = prefix ? 0 : rng.int(value.length);
  const cut = value.slice(start, start + 1 + rng.int(value.length - start));
  return /[0-9A-Za-z]/.test(cut) ? cut : value;
}

function oneOrMany(rng: Rng, make: () => string): string {
  if (rng.chance(0.6)) return scalar(rng, make());
  return `[${scalar(rng, make())}, ${scalar(rng, make())}]`;
}

/** A YAML flow scalar: digit strings sometimes unquoted (their digits must survive), others quoted. */
function scalar(rng: Rng, value: string): string {
  if (/^[0-9]+$/.test(value) && rng.chance(0.5)) return value;
  if (/^[a-z][a-z0-9-]*$/.test(value) && rng.chance(0.5)) return value;
  return JSON.stringify(value);
}

/** An existing list for `param` or a new one, inline or in a .txt file. */
function listFor(ctx: Context, param: string): string {
  const { rng } = ctx;
  const known = ctx.lists.filter((l) => l.param === param);
  if (known.length > 0 && rng.chance(0.4)) return rng.pick(known).name;
  const name = `l${ctx.lists.length}`;
  const values = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(ALPHABETS[param]!));
  if (rng.chance(0.5)) {
    ctx.lists.push({
      name,
      param,
      source: `[${values.map((v) => scalar(rng, writtenVariant(rng, v))).join(', ')}]`,
    });
    return name;
  }
  const lines = [
    '# generated list',
    ...values.map((v) => writtenVariant(rng, v) + (rng.chance(0.3) ? '   # note' : '')),
    '',
  ];
  if (rng.chance(0.5)) lines.splice(1, 0, '');
  ctx.files.set(`lists/${name}.txt`, lines.join(rng.chance(0.2) ? '\r\n' : '\n'));
  ctx.lists.push({ name, param, source: `lists/${name}.txt` });
  return name;
}

const DESTINATIONS = [
  '380441111111',
  '380441111112',
  '380441110000',
  '77272001122',
  'sip/ads@pbx.example.com',
  'sip:night@pbx.example.com',
];

function destination(rng: Rng): string {
  return writtenVariant(rng, rng.pick(DESTINATIONS)).trim();
}

function target(rng: Rng): string {
  if (rng.chance(0.4)) return `schema: ${1 + rng.int(99_999)}`;
  const to = Array.from({ length: 1 + rng.int(3) }, () => scalar(rng, destination(rng)));
  return to.length === 1 && rng.chance(0.5) ? `to: ${to[0]}` : `to: [${to.join(', ')}]`;
}

function split(rng: Rng): string {
  const branches = Array.from(
    { length: 2 + rng.int(2) },
    () => `{ weight: ${1 + rng.int(100)}, ${target(rng)} }`,
  );
  return `{ split: [${branches.join(', ')}] }`;
}

function randomRoute(ctx: Context): string {
  return ctx.rng.chance(0.25) ? split(ctx.rng) : `{ ${target(ctx.rng)} }`;
}

function defaultRoute(ctx: Context): string {
  return ctx.rng.chance(0.3) ? split(ctx.rng) : `{ ${target(ctx.rng)} }`;
}

/** An existing caller table or a new CSV: distinct callers, numbers joined by `;`, SIP, schema:N. */
function table(ctx: Context): string {
  const { rng } = ctx;
  if (ctx.tables.length > 0 && rng.chance(0.4)) return rng.pick(ctx.tables);
  const path = `tables/t${ctx.tables.length}.csv`;
  const callers = ALPHABETS.caller!.filter(() => rng.chance(0.4));
  const rows = callers.map((c) => {
    const to = rng.pick([
      destination(rng),
      `${destination(rng)};${destination(rng)}`,
      `schema:${1 + rng.int(999)}`,
    ]);
    return `${writtenVariant(rng, c).trim()},${to}`;
  });
  if (rows.length === 0 || rng.chance(0.5)) rows.unshift('caller,destination');
  ctx.files.set(path, `${rows.join('\n')}\n`);
  ctx.tables.push(path);
  return path;
}
