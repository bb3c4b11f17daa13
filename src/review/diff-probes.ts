// Probe calls for the behavioural diff: values and times each condition kind offers (through the
// condition registry), combined so that every rule of either version is exercised.

import { inProbeWeek, weekTime } from '../compiler/conditions/hours.ts';
import { probesOf } from '../compiler/conditions/registry.ts';
import type { WebhookIR } from '../compiler/model/ir.ts';
import { type CompiledEntry, loadEntry } from '../compiler/pipeline.ts';
import { compileCheck, type TestData, TIME_KINDS } from '../router/conditions/registry.ts';
import { CallScope, CallValues } from '../router/scope.ts';
import type { Table } from '../router/table.ts';

/** A probe call for the behavioural diff. */
export type Probe = Record<string, string>;

/** Probes per webhook at most; decide() takes about a microsecond, so this stays well under a second. */
const MAX_PROBES = 20_000;
/** Minutes of the probe week every diff tries: midnight, morning, midday, evening, last minute. */
const DEFAULT_MINUTES = [0, 9 * 60, 12 * 60 + 30, 19 * 60, 23 * 60 + 59];

/**
 * Calls that exercise every rule of either version: for each rule a call that satisfies it (and
 * one per test that breaks just that test), at every time its time conditions name, plus every
 * caller whose table row differs and a seeded random mix of the values either version mentions.
 * Not an exhaustive proof: it finds the changes a reviewer needs to see.
 */
export function diffProbes(
  before: CompiledEntry | undefined,
  after: CompiledEntry | undefined,
): Probe[] {
  const entries = [before, after].filter((e): e is CompiledEntry => e !== undefined);
  const pools = valuePools(entries);
  const times = probeTimes(entries);
  const probes: Probe[] = [];
  for (const entry of entries) {
    const table = loadEntry(entry);
    for (const rule of entry.ir.rules) {
      if (probes.length >= MAX_PROBES) break;
      const values = rule.conditions.filter((c) => !TIME_KINDS.has(c.kind));
      const base: Probe = {};
      for (const c of values) base[c.param] = satisfying(table, entry.ir, c.param, c.data!, pools);
      if (rule.route.kind === 'table')
        base.caller ??= tableCallers(entry.ir, rule.route.table!)[0] ?? '';
      const timed = values.length < rule.conditions.length;
      for (const date of timed ? times : times.slice(0, 1)) probes.push({ ...base, date });
      for (const c of values) {
        const pool = pools.get(c.param) ?? [];
        const broken = pool.find((v) => !holds(table, c.param, c.data!, v)) ?? '';
        probes.push({ ...base, [c.param]: broken });
      }
    }
  }
  for (const caller of changedCallers(before?.ir, after?.ir))
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
  for (const { ir } of entries) {
    const ctx = { lists: ir.lists, schedules: ir.schedules };
    for (const rule of ir.rules) {
      for (const c of rule.conditions)
        if (!TIME_KINDS.has(c.kind)) for (const v of probesOf(c.data!, ctx)) add(c.param, v);
      if (rule.route.kind === 'table')
        for (const c of tableCallers(ir, rule.route.table!).slice(0, 50)) add('caller', c);
    }
  }
  return new Map([...pools].map(([k, v]) => [k, [...v]]));
}

/** A value of the pool the condition holds for, else one of its own probes. */
function satisfying(
  table: Table,
  ir: WebhookIR,
  param: string,
  data: TestData,
  pools: Map<string, string[]>,
): string {
  const pool = pools.get(param) ?? [];
  const ctx = { lists: ir.lists, schedules: ir.schedules };
  return pool.find((v) => holds(table, param, data, v)) ?? probesOf(data, ctx)[0] ?? '';
}

/** Whether a value condition holds for `value`, by the router's own check. */
function holds(table: Table, param: string, data: TestData, value: string): boolean {
  const memo = new CallValues();
  const slot = memo.slot(param);
  const check = compileCheck(data, { slot, lists: table.lists, schedules: table.schedules });
  return check(new CallScope(memo, { [param]: value }, 0, 'UTC'));
}

/** The probe week's default minutes and every time the time conditions name, week times first. */
function probeTimes(entries: CompiledEntry[]): string[] {
  const week = new Set(DEFAULT_MINUTES.map(weekTime));
  const other = new Set<string>();
  for (const { ir } of entries) {
    const ctx = { lists: ir.lists, schedules: ir.schedules };
    for (const rule of ir.rules)
      for (const c of rule.conditions) {
        if (!TIME_KINDS.has(c.kind)) continue;
        for (const t of probesOf(c.data!, ctx)) (inProbeWeek(t) ? week : other).add(t);
      }
  }
  return [...[...week].sort(), ...[...other].sort()];
}

function tableCallers(ir: WebhookIR, index: number): string[] {
  const keys = ir.tables[index]!.keys!;
  return Array.from(keys.subarray(0, Math.min(keys.length, 2000)), (k) => String(k));
}

function changedCallers(before: WebhookIR | undefined, after: WebhookIR | undefined): string[] {
  const rows = (ir: WebhookIR | undefined) => {
    const out = new Map<string, string>();
    for (const t of ir?.tables ?? []) {
      for (let i = 0; i < t.keys!.length; i++)
        out.set(`${t.path.text}:${t.keys![i]}`, JSON.stringify(t.targets[t.target![i]!]));
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
