/** One test on a string parameter: equals one of `values` or starts with one of `prefixes` (`negate`: neither). */
export interface StrTest {
  readonly values: ReadonlySet<string>;
  readonly prefixes: ReadonlySet<string>;
  readonly negate: boolean;
  readonly minLen: number;
  readonly maxLen: number;
}

/**
 * A cell of the partition of all strings induced by a finite set of mentioned strings: `{s}` alone,
 * or (`tail`) the strings that strictly extend `s`, extend no longer mentioned prefix and equal no
 * mentioned string. A tail cell is never empty because the alphabet is unbounded, and every test
 * whose strings were mentioned holds on all of a cell or on none of it.
 */
export interface Atom {
  readonly s: string;
  readonly tail: boolean;
}

/** The cell of strings no test mentions (non-empty and starting with no mentioned prefix). */
export const FRESH: Atom = { s: '', tail: true };

/** Builds a test from its value and prefix lists. */
export function makeTest(
  values: Iterable<string>,
  prefixes: Iterable<string>,
  negate: boolean,
): StrTest {
  const prefixSet = new Set(prefixes);
  let minLen = Number.POSITIVE_INFINITY;
  let maxLen = -1;
  for (const q of prefixSet) {
    minLen = Math.min(minLen, q.length);
    maxLen = Math.max(maxLen, q.length);
  }
  return { values: new Set(values), prefixes: prefixSet, negate, minLen, maxLen };
}

/** True when the test holds for every string. */
export function isFullTest(t: StrTest): boolean {
  return t.negate ? t.values.size === 0 && t.prefixes.size === 0 : t.prefixes.has('');
}

/** True when the test holds for every string of the cell (whose universe mentions the test's strings). */
export function testHolds(t: StrTest, atom: Atom): boolean {
  const hit = (!atom.tail && t.values.has(atom.s)) || hasPrefixOf(t, atom.s);
  return hit !== t.negate;
}

/** True when every test of a conjunction holds on the cell. */
export function setHolds(tests: readonly StrTest[], atom: Atom): boolean {
  for (const t of tests) if (!testHolds(t, atom)) return false;
  return true;
}

/** The cells induced by every string the given conjunctions mention, "rest" cells first (fail fast). */
export function atomsOf(sets: readonly (readonly StrTest[])[]): Atom[] {
  const singles = new Set<string>(['']);
  const tails = new Set<string>(['']);
  for (const tests of sets) {
    for (const t of tests) {
      for (const v of t.values) singles.add(v);
      for (const q of t.prefixes) {
        singles.add(q);
        tails.add(q);
      }
    }
  }
  const out: Atom[] = [...tails]
    .sort((a, b) => a.length - b.length)
    .map((s) => ({ s, tail: true }));
  for (const s of singles) out.push({ s, tail: false });
  return out;
}

/**
 * The cells that partition the strings of `xs`, each on which every test of `others` holds
 * throughout or nowhere. When `xs` allows finitely many values, those single strings suffice.
 */
export function cellsOf(xs: readonly StrTest[], others: readonly (readonly StrTest[])[]): Atom[] {
  const finite = xs.find((t) => !t.negate && t.prefixes.size === 0);
  const all = finite
    ? [...finite.values].map((s) => ({ s, tail: false }))
    : atomsOf([xs, ...others]);
  return all.filter((a) => setHolds(xs, a));
}

/**
 * For each cell, the positions of the conjunctions that hold on it (ascending), and the number of
 * membership checks that took.
 */
export function reachOf(
  cells: readonly Atom[],
  sets: readonly (readonly StrTest[])[],
): { reach: number[][]; work: number } {
  const reach = cells.map((): number[] => []);
  const single = new Map<string, number>();
  cells.forEach((a, i) => {
    if (!a.tail) single.set(a.s, i);
  });
  let work = 0;
  sets.forEach((tests, c) => {
    const t = tests[0]!;
    // A lone list of values holds on its own single strings only: look them up, not every cell.
    if (tests.length === 1 && !t.negate && t.prefixes.size === 0 && t.values.size <= cells.length) {
      work += t.values.size;
      for (const v of t.values) reach[single.get(v) ?? -1]?.push(c);
      return;
    }
    work += cells.length;
    cells.forEach((a, i) => {
      if (setHolds(tests, a)) reach[i]!.push(c);
    });
  });
  return { reach, work };
}

/** True when no string satisfies the conjunction. */
export function setEmpty(tests: readonly StrTest[]): boolean {
  return !atomsOf([tests]).some((a) => setHolds(tests, a));
}

/** True when some string satisfies both conjunctions. */
export function setsIntersect(a: readonly StrTest[], b: readonly StrTest[]): boolean {
  const [ta, tb] = [a[0], b[0]];
  // The common case, two lone positive tests, without building cells.
  if (a.length === 1 && b.length === 1 && !ta!.negate && !tb!.negate)
    return positivesMeet(ta!, tb!);
  return atomsOf([a, b]).some((x) => setHolds(a, x) && setHolds(b, x));
}

/** True when every string satisfying `a` satisfies `b`. */
export function setSubset(a: readonly StrTest[], b: readonly StrTest[]): boolean {
  const [ta, tb] = [a[0], b[0]];
  if (a.length === 1 && b.length === 1 && !ta!.negate) {
    return tb!.negate ? !positivesMeet(ta!, tb!) : positivesWithin(ta!, tb!);
  }
  return atomsOf([a, b]).every((x) => !setHolds(a, x) || setHolds(b, x));
}

/** Whether two positive tests share a string: a common value, a value under a prefix, or comparable prefixes. */
function positivesMeet(a: StrTest, b: StrTest): boolean {
  for (const v of a.values) if (b.values.has(v) || hasPrefixOf(b, v)) return true;
  for (const v of b.values) if (hasPrefixOf(a, v)) return true;
  for (const q of a.prefixes) if (hasPrefixOf(b, q)) return true;
  for (const q of b.prefixes) if (hasPrefixOf(a, q)) return true;
  return false;
}

/**
 * Whether every string of positive test `a` is in positive test `b`: its values are, and each of
 * its prefixes extends one of b's (b's values are finitely many, a prefix's strings are not).
 */
function positivesWithin(a: StrTest, b: StrTest): boolean {
  for (const v of a.values) if (!b.values.has(v) && !hasPrefixOf(b, v)) return false;
  for (const q of a.prefixes) if (!hasPrefixOf(b, q)) return false;
  return true;
}

/** Whether a mentioned prefix of the test starts `s` (`s` itself included). */
function hasPrefixOf(t: StrTest, s: string): boolean {
  const hi = Math.min(t.maxLen, s.length);
  for (let i = t.minLen; i <= hi; i++) {
    if (t.prefixes.has(i === s.length ? s : s.slice(0, i))) return true;
  }
  return false;
}
