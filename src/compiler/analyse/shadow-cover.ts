import { type CoverCtx, charge, type Region } from './shadow-ctx.ts';
import { anchorOf, type NormRule } from './shadow-rules.ts';
import { type Relied, splitCover } from './shadow-split.ts';
import { makeTest, type StrTest, setEmpty, setSubset, setsIntersect } from './shadow-strings.ts';
import { timeIntersects, timeSubset } from './shadow-time.ts';

/** The calls a rule matches. */
export function regionOf(r: NormRule): Region {
  return { tests: r.params, anchored: r.anchored, time: r.time };
}

/**
 * Whether the usable earlier rules together match every call of `x`; the rules relied on if so.
 *
 * Calls whose values on every non-anchored parameter are strings no rule mentions can only be
 * matched by rules anchored on a subset of x's anchored parameters (G); those are decided by
 * splitting. G's rules hold on such parameters for every string outside the strings they mention
 * there, so calls that escape G must carry, on some non-anchored parameter p, a string G mentions
 * on p; each such slice becomes a region anchored on p as well and is decided the same way.
 * Anchored parameters only grow, so the recursion ends.
 */
export function covers(ctx: CoverCtx, x: Region, g = candidatesFor(ctx, x)): Relied {
  const fresh = splitCover(ctx, x, g);
  if (!fresh) return null;
  const relied = new Set(fresh);
  for (const [p, hole] of holesOf(x, g)) {
    const tests = [...(x.tests.get(p) ?? []), hole];
    if (setEmpty(tests)) continue;
    const sub: Region = {
      tests: new Map(x.tests).set(p, tests),
      anchored: [...x.anchored, p],
      time: x.time,
    };
    // G's own rules usually cover the slice: try them before looking up every rule anchored on p.
    const slice =
      covers(
        ctx,
        sub,
        g.filter((e) => meets(e, sub)),
      ) ?? covers(ctx, sub);
    if (!slice) return null;
    for (const id of slice) relied.add(id);
  }
  return relied;
}

/**
 * The earliest of `g` = candidatesFor(x) that alone matches every call of `x`, if any. A lone
 * coverer holds for unmentioned strings wherever x does, so no other rule can be one.
 */
export function singleCover(ctx: CoverCtx, x: Region, g: readonly NormRule[]): number | undefined {
  for (const e of g) {
    charge(ctx, 1);
    if (contains(e, x)) return e.index;
  }
  return undefined;
}

/** Usable earlier rules (ascending) anchored only on x's anchored parameters that share a call with x. */
export function candidatesFor(ctx: CoverCtx, x: Region): NormRule[] {
  const anchors = new Map(x.anchored.map((p) => [p, anchorOf(x.tests.get(p))!]));
  const ids: number[] = [];
  const visit = (id: number) => {
    charge(ctx, 1);
    if (ctx.usable(id)) ids.push(id);
  };
  if (!ctx.pool) ctx.index.forCandidates(anchors, ctx.below, visit);
  for (const id of ctx.pool ?? []) {
    if (ctx.rules[id]!.anchored.every((p) => anchors.has(p))) visit(id);
  }
  ids.sort((a, b) => a - b);
  return ids.map((id) => ctx.rules[id]!).filter((e) => meets(e, x));
}

function meets(e: NormRule, x: Region): boolean {
  for (const [p, tests] of e.params) {
    const xs = x.tests.get(p);
    if (xs && !setsIntersect(tests, xs)) return false;
  }
  return e.time === null || x.time === null || timeIntersects(e.time, x.time);
}

function contains(e: NormRule, x: Region): boolean {
  for (const [p, tests] of e.params) {
    const xs = x.tests.get(p);
    if (!xs || !setSubset(xs, tests)) return false;
  }
  return e.time === null || (x.time !== null && timeSubset(x.time, e.time));
}

/** Per non-anchored parameter, a positive test for the strings G's rules mention there. */
function holesOf(x: Region, g: readonly NormRule[]): Map<string, StrTest> {
  const acc = new Map<string, { values: Set<string>; prefixes: Set<string> }>();
  for (const e of g) {
    for (const [p, tests] of e.params) {
      if (x.anchored.includes(p)) continue;
      const a = acc.get(p) ?? { values: new Set(), prefixes: new Set() };
      acc.set(p, a);
      for (const t of tests) {
        for (const v of t.values) a.values.add(v);
        for (const q of t.prefixes) a.prefixes.add(q);
      }
    }
  }
  return new Map([...acc].map(([p, a]) => [p, makeTest(a.values, a.prefixes, false)]));
}
