// Walks both versions over the atoms. A region of calls holds, per dimension, a set of atoms (all
// of them until a rule asks); when a rule's condition holds on some atoms of the region and not
// on others, the region is cut in two along it. So regions follow the rules' own distinctions
// and stay few. Each final region ("leaf") has one answer per version.
import { splitBucket } from '../../router/split.ts';
import type { SplitBranch, Target } from '../../router/types.ts';
import { type DiffModel, type Side, TIME } from './model.ts';
import { type TimeAtom, timeAtoms } from './time-atoms.ts';
import { type ValueAtom, valueAtoms } from './value-atoms.ts';

/** What a version answers in a region: a target, or (for callers not told apart) a split. */
export type Answer =
  | { kind: 'target'; target: Target; rule: string | null }
  | { kind: 'split'; total: number; branches: SplitBranch[]; rule: string | null };

/** A region of calls: the atoms each dimension may take (a dimension not listed takes any). */
export type Region = Map<string, number[]>;

/** A region with one answer per version. */
export interface Leaf {
  region: Region;
  /** When a split was resolved caller by caller: the callers (digits) of this leaf. */
  callers: string[] | null;
  answers: [Answer, Answer];
}

/** The atoms of every dimension, and the leaves where the two versions answer differently. */
export interface Exploration {
  values: Map<string, ValueAtom[]>;
  times: TimeAtom[];
  changed: Leaf[];
  /** Leaves examined in all. */
  regions: number;
  /** True when the walk stopped at MAX_REGIONS: `changed` is then incomplete. */
  truncated: boolean;
}

/** Regions examined per webhook at most. */
const MAX_REGIONS = 200_000;
/** A split is resolved caller by caller for at most this many named callers. */
const MAX_RESOLVED = 64;

type Cut = { cut: string; parts: number[][] };

/** Explores the model: every region of calls, the answers of both versions in it. */
export function explore(model: DiffModel): Exploration {
  const values = new Map<string, ValueAtom[]>();
  for (const dim of model.dims) if (dim !== TIME) values.set(dim, valueAtoms(model, dim));
  const times = timeAtoms(model);
  const position = new Map<number, number>();
  for (const ids of model.byDim.values())
    for (let i = 0; i < ids.length; i++) position.set(ids[i]!, i);
  const out: Exploration = { values, times, changed: [], regions: 0, truncated: false };
  const ctx: Ctx = { model, values, times, position };
  const walk = (region: Region) => {
    if (out.regions >= MAX_REGIONS) {
      out.truncated = true;
      return;
    }
    const a = evaluate(ctx, 0, region, null);
    const cut = 'cut' in a ? a : evaluate(ctx, 1, region, null);
    if ('cut' in cut) {
      for (const part of cut.parts) walk(new Map(region).set(cut.cut, part));
      return;
    }
    out.regions++;
    for (const leaf of settle(ctx, region, a as Answer, cut as Answer)) {
      if (!same(leaf.answers[0], leaf.answers[1])) out.changed.push(leaf);
    }
  };
  walk(new Map());
  return out;
}

interface Ctx {
  model: DiffModel;
  values: Map<string, ValueAtom[]>;
  times: TimeAtom[];
  position: Map<number, number>;
}

/** The atoms of `dim` the region allows. */
function atomsOf(ctx: Ctx, region: Region, dim: string): number[] {
  const known = region.get(dim);
  if (known) return known;
  const count = dim === TIME ? ctx.times.length : ctx.values.get(dim)!.length;
  return Array.from({ length: count }, (_, i) => i);
}

function bits(ctx: Ctx, dim: string, atom: number): boolean[] {
  return dim === TIME ? ctx.times[atom]!.bits : ctx.values.get(dim)![atom]!.bits;
}

/** A version's answer in the region, or the cut it needs: a condition that holds only on some atoms. */
function evaluate(ctx: Ctx, side: Side, region: Region, caller: string | null): Answer | Cut {
  const { model } = ctx;
  const s = model.sides[side];
  for (const rule of s.rules) {
    let holds = true;
    for (const id of rule.conditions) {
      const dim = model.conditions[id]!.dim;
      const at = ctx.position.get(id)!;
      const atoms = atomsOf(ctx, region, dim);
      const yes = atoms.filter((a) => bits(ctx, dim, a)[at]);
      if (yes.length === 0) {
        holds = false;
        break;
      }
      if (yes.length < atoms.length)
        return { cut: dim, parts: [yes, atoms.filter((a) => !bits(ctx, dim, a)[at])] };
    }
    if (!holds) continue;
    const route = rule.route;
    if (route.kind === 'table') {
      const callers = atomsOf(ctx, region, 'caller');
      const rows = new Map<string, number[]>();
      for (const a of callers) {
        const key = JSON.stringify(ctx.values.get('caller')![a]!.rows[side][route.table]);
        rows.set(key, [...(rows.get(key) ?? []), a]);
      }
      if (rows.size > 1) return { cut: 'caller', parts: [...rows.values()] };
      const target = ctx.values.get('caller')![callers[0]!]!.rows[side][route.table];
      if (target) return { kind: 'target', target, rule: rule.id };
      continue;
    }
    if (route.kind === 'split') return split(route.total, route.branches, rule.id, caller);
    return { kind: 'target', target: route, rule: rule.id };
  }
  const d = s.entry.table.default;
  return d.kind === 'split'
    ? split(d.total, d.branches, null, caller)
    : { kind: 'target', target: d, rule: null };
}

function split(
  total: number,
  branches: SplitBranch[],
  rule: string | null,
  caller: string | null,
): Answer {
  if (caller === null) return { kind: 'split', total, branches, rule };
  const bucket = splitBucket(caller, total);
  const branch = branches.find((b) => bucket < b.upTo) ?? branches[branches.length - 1]!;
  return { kind: 'target', target: branch.target, rule };
}

/** The leaves of a decided region: one, or one per caller when a split meets a few named callers. */
function settle(ctx: Ctx, region: Region, a: Answer, b: Answer): Leaf[] {
  const whole = [{ region, callers: null, answers: [a, b] as [Answer, Answer] }];
  if ((a.kind !== 'split' && b.kind !== 'split') || same(a, b) || !region.has('caller'))
    return whole;
  const atoms = region.get('caller')!.map((i) => ctx.values.get('caller')![i]!);
  const members = atoms.flatMap((atom) => atom.members);
  if (atoms.some((atom) => atom.open) || members.length > MAX_RESOLVED) return whole;
  return members.map((caller) => ({
    region,
    callers: [caller],
    answers: [
      evaluate(ctx, 0, region, caller) as Answer,
      evaluate(ctx, 1, region, caller) as Answer,
    ],
  }));
}

/** True when two answers send every call of the region to the same place. */
export function same(a: Answer, b: Answer): boolean {
  if (a.kind === 'target' && b.kind === 'target') return sameTarget(a.target, b.target);
  if (a.kind === 'split' && b.kind === 'split')
    return a.total === b.total && JSON.stringify(a.branches) === JSON.stringify(b.branches);
  return false;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'to') return b.kind === 'to' && a.to === b.to;
  return b.kind === 'schema' && a.schema === b.schema;
}
