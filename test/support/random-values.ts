// Seeded random values for the differential tests: a small PRNG, small per-parameter alphabets (so
// rules and calls collide often), the written variants the contract says must compare equal, and
// random calls and instants. Shared by random-routes.ts (rules) and the tests (calls).

/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export interface Rng {
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast and good enough to spread test inputs. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, chance: (p) => next() < p, pick: (items) => items[int(items.length)]! };
}

/** The call parameters random rules test. */
export const PARAMS = ['caller', 'source', 'medium', 'campaign', 'callnum', 'lastpage', 'ivrnum'];

/** Values rules are written with. Callers are valid international numbers (lists require it). */
export const ALPHABETS: Record<string, readonly string[]> = {
  caller: [
    '380441112233',
    '380441112234',
    '380441119999',
    '380501234567',
    '380501234568',
    '380671112233',
    '380931234567',
    '77011234567',
    '77011234568',
    '442079460000',
    '79161234567',
    '12125550123',
    '16135550123',
  ],
  source: ['google', 'facebook', 'direct', 'bing', 'Google'],
  medium: ['cpc', 'ppc', 'organic', 'email'],
  campaign: ['spring', 'summer', 'spring-2026', '2026', '0441'],
  callnum: ['0', '1', '2', '3', '5', '10', '2.5'],
  lastpage: [
    'https://example.com/pricing?plan=pro',
    'https://example.com/tariffs',
    'https://example.com/blog/spring',
    '/contacts',
  ],
  ivrnum: ['1', '2', '3', '02'],
};

/** Values only calls carry: near misses of the alphabets. */
const CALL_EXTRAS: Record<string, readonly string[]> = {
  caller: ['0441112233', '380441110000', 'anonymous', '38044111223'],
  source: ['GOOGLE', 'googl', 'гугл'],
  medium: ['CPC', 'cp'],
  campaign: ['spring ', 'Spring', '441', '+380441'],
  callnum: ['-1', '-2.5', 'abc', '1e3', '4.', '.5', '100'],
  lastpage: ['https://example.com/', 'pricing'],
  ivrnum: ['2#', '12'],
};

/** A value as a user or Ringostat might write it; every variant normalises back to `value`. */
export function writtenVariant(rng: Rng, value: string): string {
  if (!/^[0-9]+$/.test(value)) return rng.chance(0.2) ? ` ${value}\t` : value;
  const d = value;
  const variants = [
    d,
    `+${d}`,
    ` ${d} `,
    `(${d})`,
    d.length < 2 ? `-${d}` : `${d.slice(0, 1)}-${d.slice(1)}`,
  ];
  if (d.length >= 10) {
    variants.push(
      `+${d.slice(0, 2)} (${d.slice(2, 5)}) ${d.slice(5, 8)}-${d.slice(8, 10)}-${d.slice(10)}`,
    );
    variants.push(d.replace(/([0-9]{3})/g, '$1 ').trim());
  }
  return rng.pick(variants);
}

/** Instants the tests run at: a week around each Europe/Kyiv DST change of 2026. */
export const WINDOWS: readonly [number, number][] = [
  [Date.UTC(2026, 2, 23), Date.UTC(2026, 2, 31)],
  [Date.UTC(2026, 9, 21), Date.UTC(2026, 9, 29)],
];

/** The UTC instants of the two changes (03:00 -> 04:00 on 29 March, 04:00 -> 03:00 on 25 October). */
const DST_CHANGES = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)];

/** Local dates inside the windows, DST days included; schedules close some of them. */
export const DATES = [
  '2026-03-23',
  '2026-03-25',
  '2026-03-27',
  '2026-03-28',
  '2026-03-29',
  '2026-03-30',
  '2026-10-23',
  '2026-10-24',
  '2026-10-25',
  '2026-10-26',
];

/** A random `now`: anywhere in the windows, often within three hours of a DST change. */
export function randomNow(rng: Rng): number {
  if (rng.chance(0.3)) return rng.pick(DST_CHANGES) + (rng.int(6 * 3600) - 3 * 3600) * 1000;
  const [from, to] = rng.pick(WINDOWS);
  return from + rng.int((to - from) / 1000) * 1000;
}

const INVALID_DATES = [
  '2026-02-30 10:00:00',
  '2026-03-25 24:00:00',
  '2026-03-25 10:60:00',
  '2026-13-01 10:00:00',
  '2026/03/25 10:00:00',
  '25.03.2026 10:00:00',
  '2026-03-25',
  'yesterday',
  '',
];

/**
 * A random call: each parameter absent, empty, from its alphabet (as some variant) or a near miss.
 * `extra` adds values (and parameters) for routes written with other values, like routes/.
 */
export function randomCall(
  rng: Rng,
  extra: Readonly<Record<string, readonly string[]>> = {},
): Record<string, string> {
  const call: Record<string, string> = {};
  for (const param of new Set([...PARAMS, ...Object.keys(extra)])) {
    const values = [...(ALPHABETS[param] ?? []), ...(extra[param] ?? [])];
    if (rng.chance(0.3)) continue;
    if (rng.chance(0.05)) call[param] = rng.pick(['', '  ']);
    else if (rng.chance(0.15) && CALL_EXTRAS[param]) call[param] = rng.pick(CALL_EXTRAS[param]);
    else call[param] = writtenVariant(rng, rng.pick(values));
  }
  const date = randomDate(rng);
  if (date !== undefined) call.date = date;
  return call;
}

/** A `date` parameter: absent, invalid, or a wall-clock time that often sits on an hour boundary. */
export function randomDate(rng: Rng): string | undefined {
  const roll = rng.int(10);
  if (roll < 3) return undefined;
  if (roll < 5) return rng.pick(INVALID_DATES);
  const hour = rng.int(24);
  const minute = rng.pick([0, 0, 29, 30, 59, rng.int(60)]);
  const second = rng.pick([0, 59, rng.int(60)]);
  const time = [hour, minute, second].map((n) => String(n).padStart(2, '0')).join(':');
  const date = `${rng.pick(DATES)} ${time}`;
  return rng.chance(0.1) ? ` ${date} ` : date;
}
