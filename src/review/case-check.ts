import { normalizeValue } from '../router/normalize.ts';
import type { Target } from '../router/types.ts';
import type { RouteCase } from './route-tests.ts';

/** What answered a call: the target and the rule id (null when the default answered). */
export interface Outcome {
  target: Target;
  rule: string | null;
}

/** Compares an outcome with a case's `expect`; empty when it passes, else one line per mismatch. */
export function caseMismatches(c: RouteCase, outcome: Outcome): string[] {
  const { expect } = c;
  const out: string[] = [];
  const actual = describeOutcome(outcome);
  if (expect.to !== undefined) {
    const want = expect.to.map(normalizeValue).join(',');
    if (outcome.target.kind !== 'to' || outcome.target.to !== want)
      out.push(`expected to ${want}, got ${actual}`);
  }
  if (expect.schema !== undefined) {
    if (outcome.target.kind !== 'schema' || outcome.target.schema !== expect.schema) {
      out.push(`expected schema ${expect.schema}, got ${actual}`);
    }
  }
  if (expect.default !== undefined && expect.default !== (outcome.rule === null)) {
    out.push(
      expect.default
        ? `expected the default answer, got ${actual}`
        : `expected a rule to answer, got ${actual}`,
    );
  }
  if (expect.rule !== undefined && expect.rule !== outcome.rule) {
    out.push(`expected rule "${expect.rule}" to answer, got ${actual}`);
  }
  return out;
}

/** `to 380441111111 (rule "vip")` / `schema 26076 (default)`. */
export function describeOutcome(outcome: Outcome): string {
  const t = outcome.target;
  const what = t.kind === 'to' ? `to ${t.to}` : `schema ${t.schema}`;
  return `${what} (${outcome.rule === null ? 'default' : `rule "${outcome.rule}"`})`;
}
