import { describe, expect, it } from 'vitest';
import {
  findShadowed,
  type Shadowed,
  type ShadowRule,
  type ValueSet,
} from '../../../src/compiler/analyse/shadow.ts';

type Test = ShadowRule['tests'][number];
type Time = NonNullable<ShadowRule['time']>;

const eq = (param: string, ...values: string[]): Test => set(param, 'values', values, false);
const ne = (param: string, ...values: string[]): Test => set(param, 'values', values, true);
const pre = (param: string, ...prefixes: string[]): Test => set(param, 'prefixes', prefixes, false);
const npre = (param: string, ...prefixes: string[]): Test => set(param, 'prefixes', prefixes, true);
const opq = (param: string, key: string): Test => ({ param, set: { kind: 'opaque', key } });
const rule = (...tests: Test[]): ShadowRule => ({ tests, time: null });
const timed = (time: Time, ...tests: Test[]): ShadowRule => ({ tests, time });

function set(param: string, kind: 'values' | 'prefixes', list: string[], negate: boolean): Test {
  const s: ValueSet =
    kind === 'values'
      ? { kind, values: list, negate }
      : { kind: 'prefixes', prefixes: list, negate };
  return { param, set: s };
}

/** A week bitmap open on `days` (0 = Monday) from `from` to `to` ("HH:MM", "24:00" allowed). */
function week(...spans: [number[], string, string][]): Uint8Array {
  const bits = new Uint8Array(1260);
  const min = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  for (const [days, from, to] of spans) {
    for (const d of days) {
      for (let m = d * 1440 + min(from); m < d * 1440 + min(to); m++) bits[m >> 3]! |= 1 << (m & 7);
    }
  }
  return bits;
}

const hours = (w: Uint8Array, closed: string[] = [], negate = false): Time => ({
  week: w,
  closed,
  negate,
});
const WEEKDAYS = [0, 1, 2, 3, 4];
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];
const OFFICE = week([WEEKDAYS, '09:00', '18:00']);
const H = '2026-01-01'; // a Thursday
const J = '2026-01-02'; // a Friday

const office = hours(OFFICE);
const notOffice = hours(OFFICE, [], true);
const officeH = hours(OFFICE, [H]);

/** Ten rules `caller prefix 3800` .. `caller prefix 3809`. */
const TEN = [...'0123456789'].map((d) => rule(pre('caller', `380${d}`)));

type Row = [string, ShadowRule[], Shadowed[]];
const s = (index: number, ...by: number[]): Shadowed => ({ index, by });

const valueRows: Row[] = [
  [
    'a list after rules for each of its values',
    [rule(eq('c', 'a')), rule(eq('c', 'b')), rule(eq('c', 'a', 'b'))],
    [s(2, 0, 1)],
  ],
  ['a duplicate', [rule(eq('c', 'a')), rule(eq('c', 'a'))], [s(1, 0)]],
  ['a list with a value nobody takes', [rule(eq('c', 'a')), rule(eq('c', 'a', 'b'))], []],
  [
    'the earliest lone coverer',
    [rule(eq('c', 'a', 'b', 'c')), rule(eq('c', 'a', 'b')), rule(eq('c', 'a'))],
    [s(1, 0), s(2, 0)],
  ],
  [
    'rules that answer, never shadowed ones',
    [rule(eq('c', 'a')), rule(eq('c', 'b')), rule(eq('c', 'a', 'b')), rule(eq('c', 'a', 'b'))],
    [s(2, 0, 1), s(3, 0, 1)],
  ],
  [
    'no rule it does not need',
    [rule(eq('c', 'a')), rule(eq('c', 'b')), rule(eq('c', 'b', 'c')), rule(eq('c', 'a', 'b', 'c'))],
    [s(3, 0, 2)],
  ],
];

const prefixRows: Row[] = [
  [
    'a longer prefix after a shorter one',
    [rule(pre('caller', '3804')), rule(pre('caller', '38044'))],
    [s(1, 0)],
  ],
  [
    'a shorter prefix after a longer one',
    [rule(pre('caller', '38044')), rule(pre('caller', '3804'))],
    [],
  ],
  ['a value under a prefix', [rule(pre('caller', '380')), rule(eq('caller', '3805'))], [s(1, 0)]],
  [
    'the value equal to the prefix itself',
    [rule(pre('caller', '380')), rule(eq('caller', '380'))],
    [s(1, 0)],
  ],
  ['a prefix whose own string escapes ten longer ones', [...TEN, rule(pre('caller', '380'))], []],
  [
    'a prefix with non-digit strings escaping ten longer ones and its own string',
    [...TEN, rule(eq('caller', '380')), rule(pre('caller', '380'))],
    [],
  ],
  [
    'a list of values spread over ten prefixes',
    [...TEN, rule(eq('caller', '3800', '38055'))],
    [s(10, 0, 5)],
  ],
  [
    'values under a rule with two prefixes',
    [rule(pre('c', '3', '4')), rule(eq('c', '31', '42'))],
    [s(1, 0)],
  ],
];

const emptyStringRows: Row[] = [
  [
    'everything after exists and absent',
    [rule(ne('c', '')), rule(eq('c', '')), rule()],
    [s(2, 0, 1)],
  ],
  ['nothing but present values after exists', [rule(ne('c', '')), rule()], []],
  [
    'an absent parameter after a negated prefix',
    [rule(npre('ref', 'http')), rule(eq('ref', ''))],
    [s(1, 0)],
  ],
  [
    'an absent parameter after a test of that parameter',
    [rule(eq('src', 'g')), rule(eq('src', ''))],
    [],
  ],
  [
    'the empty string after prefixes',
    [rule(pre('c', 'a')), rule(pre('c', 'b')), rule(eq('c', ''))],
    [],
  ],
  [
    'absent or exists after both',
    [rule(eq('c', '')), rule(ne('c', '')), rule(eq('c', '', 'x'))],
    [s(2, 0, 1)],
  ],
];

const negateRows: Row[] = [
  ['not in [a, b] then not in [a]', [rule(ne('c', 'a', 'b')), rule(ne('c', 'a'))], []],
  ['not in [a] then not in [a, b]', [rule(ne('c', 'a')), rule(ne('c', 'a', 'b'))], [s(1, 0)]],
  ['not prefix 38 then not prefix 380', [rule(npre('c', '38')), rule(npre('c', '380'))], []],
  ['not prefix 380 then not prefix 38', [rule(npre('c', '380')), rule(npre('c', '38'))], [s(1, 0)]],
  [
    'a prefix and its negation',
    [rule(npre('c', '38')), rule(pre('c', '38')), rule()],
    [s(2, 0, 1)],
  ],
  [
    'a negated prefix and its own string',
    [rule(npre('c', '380')), rule(eq('c', '380')), rule(pre('c', '38'))],
    [],
  ],
  [
    'a prefix minus a longer one',
    [rule(pre('c', '38'), npre('c', '380')), rule(pre('c', '380')), rule(pre('c', '38'))],
    [s(2, 0, 1)],
  ],
];

const paramRows: Row[] = [
  [
    'two rules split on another parameter',
    [rule(eq('a', 'x'), pre('b', 'p')), rule(ne('a', 'x'), pre('b', 'p')), rule(pre('b', 'pq'))],
    [s(2, 0, 1)],
  ],
  [
    'a rule on one parameter takes a rule on two',
    [rule(eq('a', 'x')), rule(eq('b', 'y')), rule(eq('a', 'x'), eq('b', 'y'))],
    [s(2, 0)],
  ],
  [
    'a value and its negation with another test',
    [
      rule(eq('a', '1')),
      rule(ne('a', '1'), eq('b', '2')),
      rule(eq('b', '2')),
      rule(eq('b', '2', '3')),
    ],
    [s(2, 0, 1)],
  ],
  [
    'a rule excluding a source and a rule for that source',
    [rule(pre('c', '38'), ne('s', 'spam')), rule(eq('s', 'spam')), rule(pre('c', '380'))],
    [s(2, 0, 1)],
  ],
  [
    'a rule for that source and only one medium',
    [
      rule(pre('c', '38'), ne('s', 'spam')),
      rule(eq('s', 'spam'), eq('m', 'cpc')),
      rule(pre('c', '380')),
    ],
    [],
  ],
  [
    'exclusions two parameters deep',
    [
      rule(pre('c', '38'), ne('s', 'spam')),
      rule(eq('s', 'spam'), ne('m', 'cpc')),
      rule(eq('m', 'cpc')),
      rule(pre('c', '380')),
    ],
    [s(3, 0, 1, 2)],
  ],
];

const opaqueRows: Row[] = [
  [
    'the identical opaque test',
    [rule(opq('c', 'k')), rule(opq('c', 'k'), pre('c', '3'))],
    [s(1, 0)],
  ],
  ['an opaque test the later rule lacks', [rule(opq('c', 'k')), rule(pre('c', '3'))], []],
  ['an opaque test with another key', [rule(opq('c', 'k')), rule(opq('c', 'k2'))], []],
  ['an opaque test on another parameter', [rule(opq('c', 'k')), rule(opq('s', 'k'))], []],
  [
    'the later rule own opaque test',
    [rule(pre('c', '3')), rule(pre('c', '38'), opq('c', 'k'))],
    [s(1, 0)],
  ],
  [
    'a union through the identical opaque test',
    [rule(opq('t', 'k'), eq('a', '1')), rule(ne('a', '1')), rule(opq('t', 'k'))],
    [s(2, 0, 1)],
  ],
  [
    'a union through a foreign opaque test',
    [rule(opq('t', 'k'), eq('a', '1')), rule(ne('a', '1')), rule()],
    [],
  ],
];

const timeRows: Row[] = [
  [
    'office hours take the same rule with a caller',
    [timed(office), timed(office, eq('c', 'a'))],
    [s(1, 0)],
  ],
  [
    'a caller in office hours leaves that caller at night',
    [timed(office, eq('c', 'a')), rule(eq('c', 'a'))],
    [],
  ],
  [
    'office hours and outside office hours',
    [timed(office), timed(notOffice), rule(eq('c', 'a'))],
    [s(2, 0, 1)],
  ],
  [
    'both halves with the same caller prefix',
    [
      timed(office, pre('c', '3')),
      timed(notOffice, pre('c', '3')),
      rule(pre('c', '38')),
      rule(pre('c', '4')),
    ],
    [s(2, 0, 1)],
  ],
  [
    'overlapping mornings and afternoons',
    [
      timed(hours(week([WEEKDAYS, '09:00', '13:00']))),
      timed(hours(week([WEEKDAYS, '12:00', '18:00']))),
      timed(office),
    ],
    [s(2, 0, 1)],
  ],
  [
    'a longer day than the overlap',
    [
      timed(hours(week([WEEKDAYS, '09:00', '13:00']))),
      timed(hours(week([WEEKDAYS, '12:00', '18:00']))),
      timed(hours(week([WEEKDAYS, '08:00', '18:00']))),
    ],
    [],
  ],
  [
    'two halves of the week',
    [
      timed(hours(week([[0, 1, 2], '00:00', '24:00']))),
      timed(hours(week([[3, 4, 5, 6], '00:00', '24:00']))),
      rule(),
    ],
    [s(2, 0, 1)],
  ],
  [
    'outside mornings then outside office hours',
    [timed(hours(week([WEEKDAYS, '09:00', '13:00']), [], true)), timed(notOffice)],
    [s(1, 0)],
  ],
  [
    'outside office hours then outside mornings',
    [timed(notOffice), timed(hours(week([WEEKDAYS, '09:00', '13:00']), [], true))],
    [],
  ],
  ['office hours after office hours with a holiday', [timed(officeH), timed(office)], []],
  ['office hours with a holiday after office hours', [timed(office), timed(officeH)], [s(1, 0)]],
  [
    'the holiday taken by a Thursday rule',
    [timed(officeH), timed(hours(week([[3], '09:00', '18:00']))), timed(office)],
    [s(2, 0, 1)],
  ],
  [
    'the holiday missed by a Friday rule (which office hours with the holiday take)',
    [timed(officeH), timed(hours(week([[4], '09:00', '18:00']))), timed(office)],
    [s(1, 0)],
  ],
  [
    'two schedules closed on different days',
    [timed(officeH), timed(hours(OFFICE, [J])), timed(office)],
    [s(2, 0, 1)],
  ],
  [
    'outside office hours or on the holiday, then office hours',
    [timed(hours(OFFICE, [H], true)), timed(office), rule()],
    [s(2, 0, 1)],
  ],
  [
    'only the holiday, then office hours except it',
    [timed(hours(week([ALL_DAYS, '00:00', '24:00']), [H], true)), timed(officeH), timed(office)],
    [s(2, 0, 1)],
  ],
  [
    'a closed date that is no real day',
    [timed(hours(OFFICE, ['2026-02-30'])), timed(office)],
    [s(1, 0)],
  ],
];

const wholeRows: Row[] = [
  [
    'every rule after one without tests',
    [rule(), rule(eq('c', 'a')), rule(), timed(office)],
    [s(1, 0), s(2, 0), s(3, 0)],
  ],
  [
    'rules that match no call, which cover nothing',
    [
      rule(eq('c')),
      rule(eq('c', 'a'), eq('c', 'b')),
      timed(hours(new Uint8Array(1260))),
      timed(hours(week([ALL_DAYS, '00:00', '24:00']), [], true)),
      rule(),
    ],
    [s(0), s(1), s(2), s(3)],
  ],
];

describe('findShadowed on small rule sets', () => {
  it.each(valueRows)('value tests: %s', (_, rules, shadowed) => {
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });
  it.each(prefixRows)('prefix tests: %s', (_, rules, shadowed) => {
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });
  it.each(emptyStringRows)('empty string and absent parameters: %s', (_, rules, shadowed) => {
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });
  it.each(negateRows)('negated tests: %s', (_, rules, shadowed) => {
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });
  it.each(paramRows)('several parameters: %s', (_, rules, shadowed) => {
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });
  it.each(opaqueRows)('opaque tests: %s', (_, rules, shadowed) => {
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });
  it.each(timeRows)('time tests: %s', (_, rules, shadowed) => {
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });
  it.each(wholeRows)('whole rules: %s', (_, rules, shadowed) => {
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });

  it('gives up on a rule whose analysis exceeds the budget and lists it as skipped', () => {
    const rules = [...TEN, rule(eq('caller', '3800', '38055'))];
    expect(findShadowed(rules, { budget: 1 })).toEqual({ shadowed: [], skipped: [10] });
  });
});

/** mulberry32: a small seeded PRNG, so every run draws the same rule sets. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const POOL = ['2026-01-01', '2026-01-05', '2026-01-12', '2026-02-30']; // Thu, Mon, Mon, no day

function randomString(rnd: () => number): string {
  const r = rnd();
  const len = r < 0.15 ? 0 : r < 0.6 ? 1 : 2;
  return Array.from({ length: len }, () => pick(rnd, ['x', 'y'])).join('');
}

function randomTest(rnd: () => number): Test {
  const param = pick(rnd, ['a', 'b']);
  const r = rnd();
  if (r < 0.1) return opq(param, pick(rnd, ['k1', 'k2']));
  const n = rnd() < 0.05 ? 0 : 1 + Math.floor(rnd() * 2);
  const list = Array.from({ length: n }, () => randomString(rnd));
  return set(param, r < 0.55 ? 'values' : 'prefixes', list, rnd() < 0.4);
}

/** Coarse time: the week in 14 half days, mostly following a 4-class pattern (weekday/weekend x am/pm). */
function randomTime(rnd: () => number): Time {
  const classes = [rnd() < 0.5, rnd() < 0.5, rnd() < 0.5, rnd() < 0.5];
  const flip = rnd() < 0.2 ? Math.floor(rnd() * 14) : -1;
  const spans: [number[], string, string][] = [];
  for (let b = 0; b < 14; b++) {
    const open = classes[(b >> 1 < 5 ? 0 : 2) + (b & 1)] !== (b === flip);
    if (open) spans.push([[b >> 1], b & 1 ? '12:00' : '00:00', b & 1 ? '24:00' : '12:00']);
  }
  const closed = POOL.filter(() => rnd() < 0.3);
  return hours(week(...spans), closed, rnd() < 0.3);
}

/** Fresh rules, and variants of earlier ones (a test negated, dropped or added, the time negated) so that unions cover. */
function randomRules(rnd: () => number): ShadowRule[] {
  const rules: ShadowRule[] = [];
  const count = 2 + Math.floor(rnd() * 5);
  while (rules.length < count) {
    if (rules.length === 0 || rnd() < 0.5) {
      const tests = Array.from({ length: Math.floor(rnd() * 3) }, () => randomTest(rnd));
      rules.push({ tests, time: rnd() < 0.5 ? null : randomTime(rnd) });
      continue;
    }
    const base = pick(rnd, rules);
    const tests = [...base.tests];
    const i = Math.floor(rnd() * tests.length);
    const r = rnd();
    const t = tests[i];
    if (r < 0.4 && t && t.set.kind !== 'opaque')
      tests[i] = { ...t, set: { ...t.set, negate: !t.set.negate } };
    else if (r < 0.6 && t) tests.splice(i, 1);
    else if (r < 0.8) tests.push(randomTest(rnd));
    const flip = r >= 0.8 && base.time;
    rules.push({ tests, time: flip ? { ...base.time!, negate: !base.time!.negate } : base.time });
  }
  return rules;
}

/**
 * Every call of a finite universe, as the set (bit mask) of rules matching it, deduplicated.
 * The universe is exact: every test is constant on each cell of the partition of all strings
 * induced by the mentioned strings (the singletons, and per mentioned prefix q (and "") the strings
 * extending q that extend no longer mentioned prefix and are no mentioned string). With mentioned
 * strings of length <= L over {x, y}, strings of length <= L + 1 over {x, y, z} hit every cell: the
 * singletons directly, the cell of q through q + "z" (no mentioned string contains z). Times are
 * exact the same way: every schedule is constant on each half day, and a date matters only as one
 * of the pool's real dates or "any other date" of that weekday. Opaque tests are independent
 * booleans, under which a rule covers exactly as the analysis claims (see the source).
 */
function universe(rules: ShadowRule[]): number[] {
  const maxLen = Math.max(
    0,
    ...rules.flatMap((r) => r.tests.flatMap((t) => stringsOf(t.set))).map((x) => x.length),
  );
  let strs = [''];
  for (let l = 0, layer = ['']; l <= maxLen; l++) {
    layer = layer.flatMap((x) => ['x', 'y', 'z'].map((c) => x + c));
    strs = strs.concat(layer);
  }
  const byParam = ['a', 'b'].map((p) =>
    distinct(
      strs.map((x) =>
        maskOf(rules, (r) =>
          r.tests.every((t) => t.param !== p || t.set.kind === 'opaque' || holds(t.set, x)),
        ),
      ),
    ),
  );
  const keys = [
    ...new Set(
      rules.flatMap((r) =>
        r.tests.filter((t) => t.set.kind === 'opaque').map((t) => JSON.stringify(t)),
      ),
    ),
  ];
  const opaque = distinct(
    Array.from({ length: 1 << keys.length }, (_, bits) =>
      maskOf(rules, (r) =>
        r.tests.every(
          (t) => t.set.kind !== 'opaque' || ((bits >> keys.indexOf(JSON.stringify(t))) & 1) === 1,
        ),
      ),
    ),
  );
  const times: [string, number][] = [];
  for (let b = 0; b < 14; b++) {
    const dates = POOL.filter((d) => weekday(d) === b >> 1);
    for (const d of [...dates, 'another date']) times.push([d, b * 720]);
  }
  const time = distinct(
    times.map(([d, m]) =>
      maskOf(
        rules,
        (r) =>
          !r.time ||
          (((r.time.week[m >> 3]! >> (m & 7)) & 1) === 1 && !r.time.closed.includes(d)) !==
            r.time.negate,
      ),
    ),
  );
  return distinct(
    byParam[0]!.flatMap((a) =>
      byParam[1]!.flatMap((b) => opaque.flatMap((o) => time.map((t) => a & b & o & t))),
    ),
  );
}

/** Monday = 0; NaN for a string that names no real day (a call's date never equals it). */
function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? (t.getUTCDay() + 6) % 7 : Number.NaN;
}

const stringsOf = (v: ValueSet) =>
  v.kind === 'values' ? v.values : v.kind === 'prefixes' ? v.prefixes : [];
const holds = (v: ValueSet, x: string) =>
  (v.kind === 'values'
    ? v.values.includes(x)
    : v.kind === 'prefixes' && v.prefixes.some((q) => x.startsWith(q))) !==
  (v.kind !== 'opaque' && v.negate);
const maskOf = (rules: ShadowRule[], f: (r: ShadowRule) => boolean) =>
  rules.reduce((m, r, i) => (f(r) ? m | (1 << i) : m), 0);
const distinct = (xs: number[]) => [...new Set(xs)];
/** Whether the rules in `by` (a mask) match every call rule i matches. */
const coversIn = (calls: number[], i: number, by: number) =>
  calls.every((m) => ((m >> i) & 1) === 0 || (m & by) !== 0);

/** What is wrong with a reported `by` list, if anything. */
function byProblems(calls: number[], truth: number[], { index: i, by }: Shadowed): string[] {
  const mask = by.reduce((m, j) => m | (1 << j), 0);
  const problems: string[] = [];
  if (by.some((j) => j >= i || truth.includes(j)))
    problems.push(`${i}: names a later or shadowed rule`);
  if (!coversIn(calls, i, mask)) problems.push(`${i}: by does not cover`);
  if (by.length > 1 && by.some((j) => coversIn(calls, i, mask & ~(1 << j))))
    problems.push(`${i}: redundant`);
  if (!calls.some((m) => ((m >> i) & 1) === 1))
    return by.length > 0 ? [`${i}: matches no call`] : [];
  const lone = Array.from({ length: i }, (_, j) => j).find(
    (j) => !truth.includes(j) && coversIn(calls, i, 1 << j),
  );
  if (lone !== undefined && (by.length !== 1 || by[0] !== lone))
    problems.push(`${i}: lone coverer ${lone} not named`);
  return problems;
}

/** The rules in a readable form for failure messages (the week as its open half days). */
function show(rules: ShadowRule[]): string {
  const half = (w: Uint8Array) => [...Array(14).keys()].filter((b) => w[b * 90] === 255);
  return JSON.stringify(
    rules.map((r) => ({ ...r, time: r.time && { ...r.time, week: half(r.time.week) } })),
  );
}

describe('findShadowed against brute force', () => {
  it('agrees with every call of a finite universe on 2,500 random rule sets', () => {
    const rnd = prng(20261124);
    for (let n = 0; n < 2500; n++) {
      const rules = randomRules(rnd);
      const calls = universe(rules);
      const truth = rules.map((_, i) => i).filter((i) => coversIn(calls, i, (1 << i) - 1));
      const got = findShadowed(rules, { budget: 1e9 });
      const problems = got.shadowed.flatMap((x) => byProblems(calls, truth, x));
      const actual = {
        n,
        shadowed: got.shadowed.map((x) => x.index),
        skipped: got.skipped,
        problems,
      };
      expect(actual, show(rules)).toEqual({ n, shadowed: truth, skipped: [], problems: [] });
    }
  });
});

/** Random digit strings none of which starts another, so the rules anchored on them never overlap. */
function prefixFree(rnd: () => number): (min: number, max: number) => string {
  const taken = new Set<string>();
  const stems = new Set<string>();
  return (min, max) => {
    for (;;) {
      const len = min + Math.floor(rnd() * (max - min + 1));
      const x = Array.from({ length: len }, () => Math.floor(rnd() * 10)).join('');
      if (taken.has(x) || stems.has(x)) continue;
      if (Array.from({ length: len }, (_, i) => x.slice(0, i)).some((p) => taken.has(p))) continue;
      taken.add(x);
      for (let i = 1; i < len; i++) stems.add(x.slice(0, i));
      return x;
    }
  };
}

interface Seen {
  fresh: (min: number, max: number) => string;
  background: number[];
  caller: { j: number; p: string }[];
  campaign: { j: number; c: string }[];
  source: { j: number; list: string[] }[];
  /** Caller prefixes with an office-hours rule (or a not-cpc rule) still waiting for the other half. */
  halfOffice: { j: number; p: string }[];
  halfMedium: { j: number; p: string }[];
  /** Prefixes whose two halves both exist: the pair covers the whole prefix. */
  pairs: { by: number[]; p: string }[];
}

const OFFICE_H = hours(OFFICE, [H]);

/** A rule that no earlier generated rule covers, alone or with others. */
function background(rnd: () => number, seen: Seen, i: number, tag: () => string): ShadowRule {
  const r = rnd();
  const caller = (min = 5, max = 7) => pre('caller', seen.fresh(min, max));
  const half = (list: { j: number; p: string }[], time: Time | null, ...tests: Test[]) => {
    const other = list.pop()!;
    seen.pairs.push({ by: [other.j, i], p: other.p });
    return { tests: [pre('caller', other.p), ...tests], time };
  };
  if (r < 0.3) {
    const t = caller();
    seen.caller.push({ j: i, p: t.set.kind === 'prefixes' ? t.set.prefixes[0]! : '' });
    return rule(t);
  }
  if (r < 0.42)
    return rule(eq('campaign', seen.campaign[seen.campaign.push({ j: i, c: `c${tag()}` }) - 1]!.c));
  if (r < 0.5)
    return rule(
      eq(
        'source',
        ...seen.source[seen.source.push({ j: i, list: [tag(), tag(), tag()] }) - 1]!.list,
      ),
    );
  if (r < 0.6) {
    const p = seen.fresh(5, 7);
    seen.halfOffice.push({ j: i, p });
    return timed(OFFICE_H, pre('caller', p));
  }
  if (r < 0.68 && seen.halfOffice.length > 0)
    return half(seen.halfOffice, hours(OFFICE, [H], true));
  if (r < 0.78) return rule(eq('campaign', `c${tag()}`), eq('source', tag()));
  if (r < 0.86) {
    const p = seen.fresh(5, 7);
    seen.halfMedium.push({ j: i, p });
    return rule(pre('caller', p), ne('medium', 'cpc'));
  }
  if (r < 0.92 && seen.halfMedium.length > 0)
    return half(seen.halfMedium, null, eq('medium', 'cpc'));
  return rule(eq('caller', seen.fresh(10, 12), seen.fresh(10, 12)));
}

/** A rule covered by earlier background rules, and the `by` the analysis must give. */
function planted(
  rnd: () => number,
  seen: Seen,
  rules: ShadowRule[],
  k: number,
): [ShadowRule, number[]] {
  const any = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const [c1, c2] = [any(seen.campaign), any(seen.campaign)];
  switch (k % 8) {
    case 1:
      return ((x) => [rule(pre('caller', `${x.p}5`)), [x.j]])(any(seen.caller));
    case 2:
      return ((x) => [timed(OFFICE_H, pre('caller', `${x.p}0`)), [x.j]])(any(seen.caller));
    case 3:
      return ((x) => [rule(eq('source', x.list[2]!, x.list[0]!)), [x.j]])(any(seen.source));
    case 4:
    case 6:
      return ((x) => [rule(pre('caller', `${x.p}7`)), x.by])(any(seen.pairs));
    case 5:
      if (c1.j === c2.j) break;
      return [rule(eq('campaign', c1.c, c2.c)), [Math.min(c1.j, c2.j), Math.max(c1.j, c2.j)]];
    case 7:
      return [rule(eq('campaign', c1.c), eq('source', 'google')), [c1.j]];
  }
  const j = any(seen.background);
  return [rules[j]!, [j]];
}

/** `n` generated rules with `count` covered rules planted after the first fifth. */
function generate(
  n: number,
  count: number,
  seed: number,
): { rules: ShadowRule[]; shadowed: Shadowed[] } {
  const rnd = prng(seed);
  let counter = 0;
  const tag = () => `s${(counter++).toString(36)}`;
  const seen: Seen = {
    fresh: prefixFree(rnd),
    background: [],
    caller: [],
    campaign: [],
    source: [],
    halfOffice: [],
    halfMedium: [],
    pairs: [],
  };
  const at = new Set<number>();
  while (at.size < count) at.add(Math.floor(n / 5 + (rnd() * 4 * n) / 5));
  const rules: ShadowRule[] = [];
  const shadowed: Shadowed[] = [];
  for (let i = 0; i < n; i++) {
    if (at.has(i)) {
      const [r, by] = planted(rnd, seen, rules, shadowed.length);
      rules.push(r);
      shadowed.push({ index: i, by });
      continue;
    }
    // Two rules without any anchor: every later rule meets them at some time.
    if (i === 100) rules.push(timed(hours(week([[6], '00:00', '24:00'])), ne('medium', 'sunday')));
    else if (i === 101) rules.push(timed(hours(week([ALL_DAYS, '22:00', '24:00'])), ne('ref', '')));
    else rules.push(background(rnd, seen, i, tag));
    seen.background.push(i);
  }
  return { rules, shadowed };
}

describe('findShadowed at scale', () => {
  it('finds exactly the 20 covered rules planted among 10,000 generated ones', () => {
    const { rules, shadowed } = generate(10_000, 20, 42);
    expect(new Set(shadowed.map((x) => x.by.length))).toEqual(new Set([1, 2]));
    expect(findShadowed(rules)).toEqual({ shadowed, skipped: [] });
  });
});
