import { readKeys } from '../router/keys.ts';
import type { TableData, TestData } from '../router/types.ts';
import type { CompiledEntry } from './compile-all.ts';

/** A probe call for the behavioural diff. */
export type Probe = Record<string, string>;

/** Probes per webhook at most; decide() takes about a microsecond, so this stays well under a second. */
const MAX_PROBES = 20_000;
/** A Monday: probe times are laid out over this week (and on closed dates). */
const WEEK_START = Date.UTC(2026, 10, 23);

/**
 * Calls that exercise every rule of either version: for each rule a call that satisfies it (and
 * one per test that breaks just that test), at every schedule boundary, plus every caller whose
 * table row differs and a seeded random mix of the values either version mentions. Not an
 * exhaustive proof: it finds the changes a reviewer needs to see.
 */
export function diffProbes(
  before: CompiledEntry | undefined,
  after: CompiledEntry | undefined,
): Probe[] {
  const entries = [before, after].filter((e): e is CompiledEntry => e !== undefined);
  const pools = valuePools(entries);
  const times = probeTimes(entries.map((e) => e.table));
  const probes: Probe[] = [];
  for (const { table } of entries) {
    for (const rule of table.rules) {
      if (probes.length >= MAX_PROBES) break;
      const base: Probe = {};
      for (const { param, test } of rule.tests)
        base[param] = satisfying(test, table, pools.get(param) ?? []);
      if (rule.route.kind === 'table')
        base.caller ??= tableCallers(entries, table, rule.route.table)[0] ?? '';
      for (const date of rule.hours ? times : times.slice(0, 1)) probes.push({ ...base, date });
      for (const { param, test } of rule.tests)
        probes.push({ ...base, [param]: breaking(test, table, pools.get(param) ?? []) });
    }
  }
  for (const caller of changedCallers(before, after))
    for (const date of times.slice(0, 4)) probes.push({ caller, date });
  probes.push(...randomMix(pools, times, MAX_PROBES - probes.length));
  return probes.slice(0, MAX_PROBES);
}

function valuePools(entries: CompiledEntry[]): Map<string, string[]> {
  const pools = new Map<string, Set<string>>();
  const add = (param: string, value: string) => {
    let set = pools.get(param);
    if (!set) {
      set = new Set(['', 'zz-other']);
      pools.set(param, set);
    }
    if (set.size < 400) set.add(value);
  };
  for (const { table } of entries) {
    for (const rule of table.rules) {
      for (const { param, test } of rule.tests)
        for (const v of mentioned(test, table)) add(param, v);
      if (rule.route.kind === 'table')
        for (const c of tableCallers(entries, table, rule.route.table).slice(0, 50))
          add('caller', c);
    }
  }
  return new Map([...pools].map(([k, v]) => [k, [...v]]));
}

function mentioned(test: TestData, table: TableData): string[] {
  switch (test.op) {
    case 'eq':
      return test.values;
    case 'in': {
      const list = table.lists[test.list]!;
      return list.kind === 'strings' ? list.values.slice(0, 100) : [];
    }
    case 'prefix':
      return test.values.flatMap((p) => [
        p,
        `${p}0`,
        /^\d+$/.test(p) ? p.padEnd(12, '5') : `${p}x`,
      ]);
    case 'contains':
      return test.values.map((v) => `a${v}b`);
    case 'range':
      return [test.min, test.max]
        .filter((n): n is number => n !== null)
        .flatMap((n) => [n - 1, n, n + 1].map(String));
    case 'exists':
      return ['', 'x'];
    case 'not':
      return mentioned(test.test, table);
  }
}

function satisfying(test: TestData, table: TableData, pool: string[]): string {
  return pool.find((v) => holds(test, table, v)) ?? mentioned(test, table)[0] ?? '';
}

function breaking(test: TestData, table: TableData, pool: string[]): string {
  return pool.find((v) => !holds(test, table, v)) ?? '';
}

// Enough of the semantics to pick probe values; the verdicts themselves come from decide().
function holds(test: TestData, table: TableData, v: string): boolean {
  switch (test.op) {
    case 'eq':
      return test.values.includes(v);
    case 'in': {
      const list = table.lists[test.list]!;
      return list.kind === 'strings' && list.values.includes(v);
    }
    case 'prefix':
      return test.values.some((p) => v.startsWith(p));
    case 'contains':
      return test.values.some((p) => v.includes(p));
    case 'range':
      return (
        v !== '' &&
        (test.min === null || Number(v) >= test.min) &&
        (test.max === null || Number(v) <= test.max)
      );
    case 'exists':
      return test.value === (v !== '');
    case 'not':
      return !holds(test.test, table, v);
  }
}

function probeTimes(tables: TableData[]): string[] {
  const minutes = new Set<number>([0, 9 * 60, 12 * 60 + 30, 19 * 60, 23 * 60 + 59]);
  const dates = new Set<string>();
  for (const t of tables) {
    for (const s of t.schedules) {
      const week = Buffer.from(s.week, 'base64');
      for (let m = 0; m < 10080; m++) {
        const open = (week[m >> 3]! >> (m & 7)) & 1;
        const prev = ((week[((m + 10079) % 10080) >> 3]! >> (((m + 10079) % 10080) & 7)) &
          1) as number;
        if (open !== prev) minutes.add(m).add((m + 10079) % 10080);
      }
      for (const d of s.closed) dates.add(`${d} 12:00:00`);
    }
  }
  const times = [...minutes]
    .sort((a, b) => a - b)
    .map((m) => new Date(WEEK_START + m * 60_000).toISOString().slice(0, 19).replace('T', ' '));
  return [...times, ...dates];
}

function tableCallers(entries: CompiledEntry[], table: TableData, index: number): string[] {
  const entry = entries.find((e) => e.table === table)!;
  const keys = readKeys(entry.files.get(table.tables[index]!.file)!);
  return Array.from(keys.keys.subarray(0, Math.min(keys.count, 2000)), (k) => String(k));
}

function changedCallers(
  before: CompiledEntry | undefined,
  after: CompiledEntry | undefined,
): string[] {
  const rows = (e: CompiledEntry | undefined) => {
    const out = new Map<string, string>();
    for (const t of e?.table.tables ?? []) {
      const keys = readKeys(e!.files.get(t.file)!);
      for (let i = 0; i < keys.count; i++)
        out.set(`${t.source}:${keys.keys[i]}`, JSON.stringify(t.targets[keys.values![i]!]));
    }
    return out;
  };
  const a = rows(before);
  const b = rows(after);
  const changed = new Set<string>();
  for (const [k, v] of a) if (b.get(k) !== v) changed.add(k.slice(k.lastIndexOf(':') + 1));
  for (const k of b.keys()) if (!a.has(k)) changed.add(k.slice(k.lastIndexOf(':') + 1));
  return [...changed].slice(0, 5000);
}

function randomMix(pools: Map<string, string[]>, times: string[], count: number): Probe[] {
  let seed = 0x2545f491;
  const next = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const params = [...pools];
  const out: Probe[] = [];
  for (let i = 0; i < Math.min(count, 3000); i++) {
    const probe: Probe = { date: times[next(times.length)]! };
    for (const [param, values] of params) probe[param] = values[next(values.length)]!;
    out.push(probe);
  }
  return out;
}
