// The changed regions of an exploration as classes of calls in words: one line per class, with a
// call that belongs to it. Regions that differ only in their times, or only in one parameter, are
// merged into one class.
import type { ConditionData } from '../../router/conditions/registry.ts';
import { branchOf, splitBucket } from '../../router/split.ts';
import type { Answer, Exploration, Leaf } from './explore.ts';
import { type DiffModel, TIME } from './model.ts';
import type { ValueAtom } from './value-atoms.ts';
import { describeAnswer, describeTimes, describeValues, phrase } from './words.ts';

/** A class of calls whose answer changed. */
export interface ChangeClass {
  /** The calls, in words: `Sat 14:00-15:00, caller 38044*` (empty: every call). */
  when: string;
  before: string;
  after: string;
  /** Rule ids answering before and after (null: the default), for grouping by cause. */
  rules: [string | null, string | null];
  /** For splits: the share of the class's callers whose answer changes, in percent. */
  share: number | null;
  /** The callers the class is about, when it is about named callers (table rows, list members). */
  callers: number;
  /** A call of the class, as `key=value` parameters. */
  sample: Record<string, string>;
  /** For a class that counts many callers: one of them, with its own before and after. */
  example?: string;
  /** The caller tables (paths) the answering rules look callers up in. */
  tables: string[];
}

/** The changed classes of an exploration, merged and in a stable order. */
export function changeClasses(model: DiffModel, x: Exploration): ChangeClass[] {
  const groups = new Map<string, Leaf[]>();
  for (const leaf of x.changed) {
    const key = `${describeAnswer(leaf.answers[0])}\0${describeAnswer(leaf.answers[1])}`;
    groups.set(key, [...(groups.get(key) ?? []), leaf]);
  }
  const out: ChangeClass[] = [];
  for (const leaves of groups.values()) out.push(...mergeGroup(model, x, leaves));
  return collapseRows(out).sort((a, b) => (a.before + a.when < b.before + b.when ? -1 : 1));
}

/** Classes this many or more that differ only in one table row each are counted as one. */
const MANY_ROWS = 4;

/**
 * Classes that differ only in the one caller they are about (table rows, list members) and in
 * that caller's own destination become one line with a count and an example.
 */
function collapseRows(classes: ChangeClass[]): ChangeClass[] {
  const byRule = (text: string) => text.replace(/^.* \(/, '(');
  const groups = new Map<string, ChangeClass[]>();
  classes.forEach((c, i) => {
    const key =
      c.callers === 1
        ? JSON.stringify([byRule(c.before), byRule(c.after), c.when.replace(/caller \d+/, '')])
        : `single ${i}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  });
  const out: ChangeClass[] = [];
  for (const group of groups.values()) {
    if (group.length < MANY_ROWS) {
      out.push(...group);
      continue;
    }
    const first = group[0]!;
    const own = (text: string) =>
      `each caller's own ${first.tables.length > 0 ? 'row ' : 'answer '}${byRule(text)}`;
    const of = first.tables.length > 0 ? ` of ${first.tables.join(', ')}` : '';
    out.push({
      ...first,
      when: first.when.replace(/caller \d+/, `${group.length.toLocaleString('en')} callers${of}`),
      before: sameText(group.map((c) => c.before)) ?? own(first.before),
      after: sameText(group.map((c) => c.after)) ?? own(first.after),
      callers: group.length,
      example: `caller ${first.sample.caller}: ${first.before} → ${first.after}`,
    });
  }
  return out;
}

function sameText(texts: string[]): string | null {
  return texts.every((t) => t === texts[0]) ? texts[0]! : null;
}

/**
 * Leaves with the same answers (and so the same answering rules) as one class: described, per
 * dimension, by what holds on all of its atoms, times united. What else the leaves vary over
 * only keeps earlier rules out, which the answering rules already say.
 */
function mergeGroup(model: DiffModel, x: Exploration, leaves: Leaf[]): ChangeClass[] {
  const first = leaves[0]!;
  const when: string[] = [];
  const sample: Record<string, string> = {};
  let named = 0;
  const dims = [...first.region.keys()].filter((d) => leaves.every((l) => l.region.has(d)));
  const callers = [...new Set(leaves.flatMap((l) => l.callers ?? []))];
  for (const dim of dims) {
    const union = [...new Set(leaves.flatMap((l) => l.region.get(dim)!))];
    if (dim === TIME) {
      const words = timeWords(model, x, new Set(union));
      if (words !== '') when.unshift(words);
      continue;
    }
    if (dim === 'caller' && callers.length > 0) {
      named = callers.length;
      when.push(callerWords(callers));
      continue;
    }
    const atoms = union.map((i) => x.values.get(dim)![i]!);
    if (atoms.length === x.values.get(dim)!.length) continue;
    const summary = summarise(atoms);
    if (dim === 'caller' && !summary.open) named = summary.members.length;
    const words = describeValues(dim, summary, facts(model, dim, atoms));
    // A value that only fails conditions just keeps earlier rules out, as the answers say.
    if (words.positive) when.push(words.text);
  }
  for (const [dim, atoms] of first.region) {
    if (dim === TIME) sample.date = x.times[atoms[0]!]!.witness;
    else
      sample[dim] =
        first.callers && dim === 'caller'
          ? first.callers[0]!
          : x.values.get(dim)![atoms[0]!]!.witness;
  }
  const [a, b] = first.answers;
  return [
    {
      when: when.join(', '),
      before: describeAnswer(a),
      after: describeAnswer(b),
      rules: [a.rule, b.rule],
      share: a.kind === 'split' || b.kind === 'split' ? changedShare(a, b) : null,
      callers: named,
      sample,
      tables: tablesOf(model, [a.rule, b.rule]),
    },
  ];
}

/** The caller tables the rules (of their own versions) route by. */
function tablesOf(model: DiffModel, rules: [string | null, string | null]): string[] {
  const out = new Set<string>();
  rules.forEach((id, side) => {
    const route = model.sides[side]!.rules.find((r) => r.id === id)?.route;
    if (route?.kind === 'table')
      out.add(model.sides[side]!.entry.table.tables[route.table]!.source);
  });
  return [...out];
}

/** Several atoms as one: named members together, open when any is. */
function summarise(atoms: ValueAtom[]): ValueAtom {
  const members = [...new Set(atoms.flatMap((a) => a.members))].sort();
  return { ...atoms[0]!, members, open: atoms.some((a) => a.open) };
}

/**
 * The times of a class: nothing when it is every time, a schedule (`outside hours office`) when
 * it is exactly the times one time condition says, else the weekly pieces and dates.
 */
function timeWords(model: DiffModel, x: Exploration, atoms: Set<number>): string {
  if (atoms.size === x.times.length) return '';
  const ids = model.byDim.get(TIME) ?? [];
  for (let i = 0; i < ids.length; i++) {
    for (const holds of [true, false]) {
      const matching = x.times.flatMap((t, k) => (t.bits[i] === holds ? [k] : []));
      if (matching.length === atoms.size && matching.every((k) => atoms.has(k))) {
        const c = model.conditions[ids[i]!]!;
        const names = model.sides[c.side].entry.table.schedules.map((sc) => sc.name);
        return timeCondition(c.data, holds, names);
      }
    }
  }
  return describeTimes([...atoms].map((k) => x.times[k]!));
}

function timeCondition(data: ConditionData, holds: boolean, schedules: string[]): string {
  if (data.op === 'hours') {
    const inside = holds !== data.negate;
    return `${inside ? 'in' : 'outside'} hours ${schedules[data.schedule]}`;
  }
  return `${holds ? '' : 'outside '}${phrase(data, [])}`;
}

function callerWords(callers: string[]): string {
  const shown =
    callers.length <= 3
      ? callers.join(' or ')
      : `${callers.slice(0, 2).join(', ')} and ${callers.length - 2} more`;
  return `caller ${shown}`;
}

/** What each condition on `dim` says of all the atoms: holds on all, or on none (mixed ones left out). */
function facts(model: DiffModel, dim: string, atoms: ValueAtom[]) {
  return (model.byDim.get(dim) ?? []).flatMap((id, i) => {
    const c = model.conditions[id]!;
    const lists = model.sides[c.side].entry.table.lists.map((l) => l.name);
    const all = atoms.every((a) => a.bits[i]);
    const none = atoms.every((a) => !a.bits[i]);
    return all || none ? [{ data: c.data as ConditionData, holds: all, lists }] : [];
  });
}

/** The share (percent) of callers, hashed uniformly, whose target differs between the answers. */
export function changedShare(a: Answer, b: Answer): number {
  const total = lcm(totalOf(a), totalOf(b));
  const samples = total <= 1_000_000 ? total : 200_000;
  let changed = 0;
  for (let i = 0; i < samples; i++) {
    const bucket = total <= 1_000_000 ? i : splitBucket(`sample-${i}`, 2 ** 32);
    if (targetAt(a, bucket) !== targetAt(b, bucket)) changed++;
  }
  return Math.round((changed / samples) * 1000) / 10;
}

function totalOf(a: Answer): number {
  return a.kind === 'split' ? a.total : 1;
}

function targetAt(a: Answer, hash: number): string {
  if (a.kind === 'target') return JSON.stringify(a.target);
  return JSON.stringify(a.branches[branchOf(a.branches, hash % a.total)]!.target);
}

function lcm(a: number, b: number): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a / gcd(a, b)) * b;
}
