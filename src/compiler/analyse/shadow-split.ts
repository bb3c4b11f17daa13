import { type CoverCtx, charge, type Region } from './shadow-ctx.ts';
import type { NormRule } from './shadow-rules.ts';
import { cellsOf, reachOf, type StrTest, setSubset } from './shadow-strings.ts';
import { timeCover } from './shadow-time.ts';

const NONE: readonly StrTest[] = [];

/** The rules a success relied on; null when some call escapes. */
export type Relied = Set<number> | null;
type Memo = Map<string, Set<number>>;

/**
 * Whether `cands` together match every call of `x` whose values on x's non-anchored parameters are
 * strings nobody mentions (every candidate holds on those by construction). Splits x's anchored
 * parameters one after the other into cells (see `Atom`), then time into minute masks per class of
 * dates.
 */
export function splitCover(ctx: CoverCtx, x: Region, cands: readonly NormRule[]): Relied {
  return split(ctx, x, 0, cands, new Map());
}

function split(
  ctx: CoverCtx,
  x: Region,
  d: number,
  cands: readonly NormRule[],
  memo: Memo,
): Relied {
  if (cands.length === 0) return null;
  const free = pickFree(ctx, cands, x.anchored, d);
  if (free !== undefined) {
    ctx.hints.add(free);
    return new Set([free]);
  }
  if (d === x.anchored.length) return timeLeaf(ctx, x, cands);
  // Different cells often leave the same candidates: decide each such sub-problem once.
  const key = `${d}:${cands.map((c) => c.index).join(',')}`;
  const known = memo.get(key);
  if (known) return known;
  const relied = splitParam(ctx, x, d, cands, memo);
  if (relied) memo.set(key, relied);
  return relied;
}

/**
 * Splits x's d-th anchored parameter into cells. The candidates holding on all of it ("whole")
 * reach every cell, and coverage only grows with more candidates, so when they cover the rest on
 * their own, every cell is covered; otherwise a cell no other candidate reaches fails at once.
 */
function splitParam(
  ctx: CoverCtx,
  x: Region,
  d: number,
  cands: readonly NormRule[],
  memo: Memo,
): Relied {
  const p = x.anchored[d]!;
  const xs = x.tests.get(p)!;
  const own = (c: NormRule) => c.params.get(p) ?? NONE;
  charge(ctx, cands.length);
  const isWhole = cands.map((c) => own(c) === NONE || setSubset(xs, own(c)));
  const whole = cands.filter((_, i) => isWhole[i]);
  const byWhole = whole.length > 0 ? split(ctx, x, d + 1, whole, memo) : null;
  if (byWhole) return byWhole;
  const rest = cands.filter((_, i) => !isWhole[i]);
  const cells = cellsOf(xs, rest.map(own));
  const { reach, work } = reachOf(cells, rest.map(own));
  charge(ctx, cells.length + work);
  const relied = new Set<number>();
  for (const extra of reach) {
    if (extra.length === 0) return null;
    charge(ctx, whole.length + extra.length);
    const sub = [...whole, ...extra.map((i) => rest[i]!)].sort((a, b) => a.index - b.index);
    const got = split(ctx, x, d + 1, sub, memo);
    if (!got) return null;
    for (const id of got) relied.add(id);
  }
  return relied;
}

/** A candidate with no test left on the remaining dimensions, preferring one already relied on. */
function pickFree(
  ctx: CoverCtx,
  cands: readonly NormRule[],
  dims: readonly string[],
  d: number,
): number | undefined {
  let first: number | undefined;
  for (const c of cands) {
    if (c.time !== null) continue;
    let free = true;
    for (let i = d; i < dims.length && free; i++) free = !c.params.has(dims[i]!);
    if (!free) continue;
    if (ctx.hints.has(c.index)) return c.index;
    first ??= c.index;
  }
  return first;
}

function timeLeaf(ctx: CoverCtx, x: Region, cands: readonly NormRule[]): Relied {
  const ordered = [
    ...cands.filter((c) => ctx.hints.has(c.index)),
    ...cands.filter((c) => !ctx.hints.has(c.index)),
  ];
  charge(ctx, 8 * ordered.length);
  const picked = timeCover(
    x.time,
    ordered.map((c) => c.time),
  );
  if (!picked) return null;
  const relied = new Set(picked.map((i) => ordered[i]!.index));
  for (const id of relied) ctx.hints.add(id);
  return relied;
}
