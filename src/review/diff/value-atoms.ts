// The classes ("atoms") of one parameter's values: values that every condition on the parameter,
// in either version, treats alike (and, for `caller`, that every caller table maps alike) are one
// atom. They are found from witnesses: each condition names the values it distinguishes
// (registry `witnesses`), prefixes and substrings are combined, and every witness is judged by
// the router's own checks. docs/diff.md says where this is exact.
import { witnessesOf } from '../../compiler/conditions/registry.ts';
import { findKey } from '../../router/keys.ts';
import { isDigits, keyOf, normalizeValue } from '../../router/normalize.ts';
import { CallScope, CallValues } from '../../router/scope.ts';
import type { Target } from '../../router/types.ts';
import type { DiffModel, Side } from './model.ts';

/** One class of values of a parameter. */
export interface ValueAtom {
  /** The truth of each condition on the parameter (in `byDim` order). */
  bits: boolean[];
  /** For `caller`: the target of each caller table of each version (null: not in it). */
  rows: [(Target | null)[], (Target | null)[]];
  /** A value of the class, as a call would send it. */
  witness: string;
  /** Values the configs name exactly (list members, table rows) that fall in the class, sorted. */
  members: string[];
  /** True when the class also holds values no config names, infinitely many. */
  open: boolean;
}

/** Substring combinations tried per parameter at most (each also after every prefix). */
const MAX_COMBINED = 600;
/** Substrings combined three at a time at most (a value can hold three of them at once). */
const MAX_TRIPLE = 8;

/** `a` then `b`, sharing the longest end of `a` that starts `b` (`/tarif` + `ariffs` = `/tariffs`). */
function overlap(a: string, b: string): string {
  for (let k = Math.min(a.length, b.length); k > 0; k--)
    if (a.endsWith(b.slice(0, k))) return a + b.slice(k);
  return a + b;
}

/** Digits that continue a prefix: different digits, so one of them avoids a `contains` string. */
const FILLERS = ['555', '000', '737'];

/** Values every parameter gets tried with: absent, text, a phone number, signs. */
const ALWAYS = ['', 'zz-other', '999999999999', '+', '-', 'x'];

/** The atoms of parameter `dim` in the model, named values first. */
export function valueAtoms(model: DiffModel, dim: string): ValueAtom[] {
  const conditions = (model.byDim.get(dim) ?? []).map((i) => model.conditions[i]!);
  const named = new Set<string>();
  const others = new Set<string>();
  const prefixes: string[] = [];
  const substrings: string[] = [];
  for (const c of conditions) {
    const ir = model.sides[c.side].entry.ir;
    const w = witnessesOf(c.data, { lists: ir.lists, schedules: ir.schedules });
    for (const v of w.named) named.add(v);
    for (const v of w.others) others.add(v);
    collectStrings(c.data, prefixes, substrings);
  }
  if (dim === 'caller') for (const caller of tableCallers(model)) named.add(caller);
  // Values that meet several distinctions at once: a prefix then a substring, two substrings.
  const pairs = substrings.flatMap((a) => substrings.flatMap((b) => [`${a}${b}`, overlap(a, b)]));
  const few = substrings.slice(0, MAX_TRIPLE);
  const triples = few.flatMap((a) => few.flatMap((b) => few.map((c) => `${a}${b}${c}`)));
  for (const joined of [...substrings, ...pairs, ...triples].slice(0, MAX_COMBINED)) {
    others.add(joined);
    for (const p of prefixes) others.add(`${p}${joined}`);
    // A substring that is a number meets `min`/`max` as a neighbour of itself too.
    if (/^\d/.test(joined)) others.add(`-${joined}`).add(`${joined}0`);
  }
  // Under every prefix, values that continue it with each digit: one of them avoids any longer
  // prefix another condition names, so the prefix's own class has a witness.
  for (const p of prefixes) {
    const digits = normalizeValue(p);
    const stem = isDigits(digits) ? digits : p;
    for (let d = 0; d < 10; d++) for (const fill of FILLERS) others.add(`${stem}${d}${fill}`);
  }
  // Every number also written the other ways a phone number may be: same digits, other text,
  // which `min`/`max` and text prefixes read apart.
  for (const v of [...named, ...others])
    if (/^\d+$/.test(v)) for (const w of written(v)) others.add(w);
  // Last, so that a class's witness is a value its conditions name when there is one.
  for (const v of ALWAYS) others.add(v);
  for (const v of named) others.delete(v);
  const judge = valueJudge(model, dim);
  const atoms = new Map<string, ValueAtom>();
  // Values no config names, by atom: written forms of a named value (`+380...` for `380...`)
  // leave an atom closed only when that named value is in the same atom.
  const unnamed = new Map<ValueAtom, string[]>();
  const add = (value: string, isNamed: boolean) => {
    const v = judge(value);
    let atom = atoms.get(v.key);
    if (!atom) {
      atom = { bits: v.bits, rows: v.rows, witness: value, members: [], open: false };
      atoms.set(v.key, atom);
      unnamed.set(atom, []);
    }
    if (isNamed) atom.members.push(v.normalised);
    else unnamed.get(atom)!.push(v.normalised);
  };
  for (const v of [...named].sort()) add(v, true);
  for (const v of others) add(v, false);
  for (const [atom, values] of unnamed) {
    atom.members = [...new Set(atom.members)].sort();
    atom.open = values.some((v) => !atom.members.includes(v));
  }
  return [...atoms.values()];
}

const NO_ROWS: [(Target | null)[], (Target | null)[]] = [[], []];

/** What the conditions on `dim` (and, for `caller`, the tables) say of a value; equal keys, same atom. */
export function valueJudge(model: DiffModel, dim: string) {
  const conditions = (model.byDim.get(dim) ?? []).map((i) => model.conditions[i]!);
  const memo = new CallValues();
  memo.slot(dim);
  return (value: string) => {
    const scope = new CallScope(memo, { [dim]: value }, 0, 'UTC');
    const bits = conditions.map((c) => c.check(scope));
    const normalised = scope.value(0);
    const rows = dim === 'caller' ? tableRows(model, normalised) : NO_ROWS;
    return { bits, rows, normalised, key: `${bits.map(Number).join('')}|${JSON.stringify(rows)}` };
  };
}

/** Every caller of every caller table of both versions (digits). */
function tableCallers(model: DiffModel): string[] {
  const out: string[] = [];
  for (const side of model.sides)
    for (const t of side.entry.ir.tables) for (const k of t.keys ?? []) out.push(String(k));
  return out;
}

function tableRows(model: DiffModel, caller: string): [(Target | null)[], (Target | null)[]] {
  const key = keyOf(caller);
  const row = (s: Side) =>
    model.sides[s].table.callerTables.map((t) => {
      const at = findKey(t.keys, key);
      return at < 0 ? null : t.targets[t.keys.values![at]!]!;
    });
  return [row(0), row(1)];
}

/** The same digits written as a call may send them. */
function written(digits: string): string[] {
  return [
    `(${digits})`,
    `+${digits}`,
    `-${digits}`,
    `${digits.slice(0, 1)}-${digits.slice(1)}`,
    ` ${digits} `,
  ];
}

/** The prefixes and substrings a condition tests (inside `not` too), for combined witnesses. */
function collectStrings(
  data: DiffModel['conditions'][number]['data'],
  prefixes: string[],
  subs: string[],
) {
  if (data.op === 'prefix') prefixes.push(...data.values);
  else if (data.op === 'country') prefixes.push(...data.prefixes);
  else if (data.op === 'contains') subs.push(...data.values);
  else if (data.op === 'not') collectStrings(data.inner, prefixes, subs);
}
