// Seeded rule sets for the bench: the same seed gives the same rules, byte for byte. Every rule
// mixes the tests real routes use (equality, lists, prefixes, hours, UTM fields) and owns a value
// no other rule has, so the compiler's shadowed-rule check passes at every size.

/** A test as the generator writes it, kept abstract so YAML and json-rules-engine share it. */
export type GenTest =
  | { param: string; op: 'eq'; values: string[] }
  | { param: string; op: 'in'; list: string }
  | { param: string; op: 'prefix'; value: string }
  | { param: string; op: 'contains'; value: string }
  | { param: string; op: 'min'; value: number };

/** A route: numbers, a Ringostat scheme, or the per-caller table. */
export type GenRoute = { to: string[] } | { schema: number } | { table: string };

/** One generated rule. */
export interface GenRule {
  id: string;
  tests: GenTest[];
  hours: { name: string; negate: boolean } | null;
  route: GenRoute;
}

/** A generated webhook: rules plus the named lists they use. */
export interface GenRules {
  rules: GenRule[];
  lists: Map<string, string[]>;
}

/** Weekly schedules every generated webhook defines (YAML text; the JRE bench mirrors them). */
export const SCHEDULES: Record<string, Record<string, string | string[]>> = {
  office: { 'mon-fri': '09:00-18:00', sat: '10:00-14:00', closed: ['2026-01-01', '2026-12-25'] },
  support: { 'mon-sun': '08:00-22:00' },
};

/** Values of the large list (written to a .txt file: numeric and >= 1000, so it ships as keys). */
export const BIG_LIST_SIZE = 2000;

/** Deterministic PRNG (mulberry32): a 32-bit seed gives the same stream everywhere. */
export function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
  };
}

/** Number of rule kinds; rule i is of kind `kindOf(i)`. */
export const KINDS = 8;

/**
 * `size` rules (2 of them unanchored tail rules, plus the large-list rule from 1k up). Each kind
 * draws its distinguishing value from its own number range or name space, so no rule can cover
 * another. With `table`, a caller-table rule is added before the tail.
 */
export function generateRules(size: number, seed: number, table?: string): GenRules {
  const random = rng(seed);
  const lists = new Map<string, string[]>();
  const rules: GenRule[] = [];
  const body = size - 2 - (size >= 1000 ? 1 : 0) - (table ? 1 : 0);
  for (let i = 0; i < body; i++) {
    rules.push(ruleOfKind(i, random, lists));
    if (size >= 1000 && i === Math.floor(body / 2)) rules.push(bigListRule(lists));
  }
  if (table) rules.push({ id: 'managers', tests: [], hours: null, route: { table } });
  rules.push({
    id: 'repeat-callers',
    tests: [{ param: 'callnum', op: 'min', value: 1000 }],
    hours: { name: 'office', negate: false },
    route: { to: ['380441119999'] },
  });
  rules.push({
    id: 'hook-landing',
    tests: [{ param: 'landing', op: 'contains', value: 'utm_campaign=bench_hook' }],
    hours: { name: 'support', negate: false },
    route: { schema: 40000 },
  });
  return { rules, lists };
}

/** The kind-specific numbers: 7-digit tails per kind keep every range disjoint. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function ruleOfKind(i: number, random: (n: number) => number, lists: Map<string, string[]>) {
  const id = `r${i}`;
  const to = { to: [`38044${pad(1_000_000 + Math.floor(random(8_000_000)), 7)}`] };
  const schema = { schema: 20000 + Math.floor(random(10_000)) };
  switch (i % KINDS) {
    case 0:
      return rule(id, [{ param: 'caller', op: 'eq', values: [`38050${pad(i, 7)}`] }], null, to);
    case 1: {
      const name = `l${i}`;
      lists.set(name, [`38063${pad(2 * i, 7)}`, `38063${pad(2 * i + 1, 7)}`]);
      return rule(id, [{ param: 'caller', op: 'in', list: name }], null, schema);
    }
    case 2:
      return rule(
        id,
        [{ param: 'caller', op: 'prefix', value: `38067${pad(i, 6)}` }],
        'office',
        to,
      );
    case 3:
      return rule(
        id,
        [
          { param: 'source', op: 'eq', values: [`src${i % 50}`] },
          { param: 'medium', op: 'eq', values: ['cpc', 'ppc'] },
          { param: 'campaign', op: 'eq', values: [`camp${i}`] },
        ],
        null,
        to,
      );
    case 4:
      return rule(
        id,
        [
          { param: 'medium', op: 'eq', values: [`ref${i}`] },
          { param: 'lastpage', op: 'contains', value: `utm_term=t${i}` },
        ],
        null,
        schema,
      );
    case 5:
      return rule(
        id,
        [{ param: 'callee', op: 'eq', values: [`380442${pad(i, 6)}`] }],
        'support',
        to,
      );
    case 6:
      return rule(
        id,
        [{ param: 'project_id', op: 'eq', values: [`p${i}`, `q${i}`] }],
        null,
        schema,
      );
    default:
      return rule(
        id,
        [{ param: 'caller', op: 'prefix', value: `38097${pad(i, 6)}` }],
        '!office',
        to,
      );
  }
}

function rule(id: string, tests: GenTest[], hours: string | null, route: GenRoute): GenRule {
  const negate = hours?.startsWith('!') ?? false;
  const name = hours?.replace('!', '') ?? '';
  return { id, tests, hours: hours === null ? null : { name, negate }, route };
}

function bigListRule(lists: Map<string, string[]>): GenRule {
  const values: string[] = [];
  for (let i = 0; i < BIG_LIST_SIZE; i++) values.push(`38093${pad(1_000_000 + i * 37, 7)}`);
  lists.set('big', values);
  return {
    id: 'big-list',
    tests: [{ param: 'caller', op: 'in', list: 'big' }],
    hours: null,
    route: { schema: 39999 },
  };
}
