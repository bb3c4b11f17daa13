// Analyse pass: a `when` name one or two edits from a parameter Ringostat sends (`calller`) is
// almost always a typo that makes the rule never match. It is only a warning: Ringostat lets users
// rename parameters, so any name may be meant.

import { WHEN_KEYS } from '../conditions/registry.ts';
import type { WebhookIR } from '../model/ir.ts';
import { type Problem, warning } from '../problem.ts';
import { RINGOSTAT_PARAMS } from '../ringostat-params.ts';

const KNOWN: ReadonlySet<string> = new Set(RINGOSTAT_PARAMS);
/** Edits (Damerau-Levenshtein) within which a name is taken for a misspelling. */
const MAX_EDITS = 2;

/** Warns about `when` names that look like misspelled Ringostat parameters. */
export function paramNameProblems(ir: WebhookIR): Problem[] {
  const problems: Problem[] = [];
  for (const rule of ir.rules) {
    for (const { param, loc } of rule.conditions) {
      if (KNOWN.has(param) || WHEN_KEYS.has(param)) continue;
      const near = nearestParam(param);
      if (near === null) continue;
      const message = `rule "${rule.id}": "${param}" is not a parameter Ringostat sends; did you mean "${near}"? (other names are fine: Ringostat lets you rename parameters)`;
      problems.push(warning(loc, message));
    }
  }
  return problems;
}

/** The Ringostat parameter closest to `name` within MAX_EDITS (the first listed on a tie), or null. */
export function nearestParam(name: string): string | null {
  let best: string | null = null;
  let bestEdits = MAX_EDITS + 1;
  for (const known of RINGOSTAT_PARAMS) {
    if (Math.abs(known.length - name.length) >= bestEdits) continue;
    const edits = editDistance(name, known);
    if (edits < bestEdits) {
      best = known;
      bestEdits = edits;
    }
  }
  return best;
}

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
 * substitutions and swaps of two adjacent characters each count one edit. Case matters
 * (`e164` is one edit from `E164`): parameter names match as written.
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: edits between a's first i and b's first j characters; three rows suffice.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
