import { type CompiledEntry, loadEntry } from '../compiler/pipeline.ts';
import { decide } from '../router/decide.ts';
import type { Table } from '../router/table.ts';
import { type Branch, BranchCoverage } from './branch-coverage.ts';
import { caseMismatches, describeOutcome, type Outcome } from './case-check.ts';
import type { RouteCase } from './route-tests.ts';

/** The result of one case. */
export interface CaseResult {
  case: RouteCase;
  outcome: Outcome | null;
  mismatches: string[];
}

/** Per-webhook coverage: which rule ids some case reached, and which branches (branch-coverage.ts). */
export interface Coverage {
  webhook: string;
  rules: string[];
  reached: Set<string>;
  branches: Branch[];
}

/** Runs route test cases against compiled tables; `now` is used for cases without date or now. */
export function runCases(
  webhooks: CompiledEntry[],
  cases: RouteCase[],
  now: number,
): { results: CaseResult[]; coverage: Coverage[] } {
  const tables = new Map<string, Table>();
  const tracked = new Map<string, BranchCoverage>();
  for (const w of webhooks) {
    tables.set(w.name, loadEntry(w));
    tracked.set(w.name, new BranchCoverage(w.table));
  }
  const coverage = webhooks.map((w) => ({
    webhook: w.name,
    rules: w.table.rules.map((r) => r.id),
    reached: new Set<string>(),
    branches: tracked.get(w.name)!.branches,
  }));
  const results = cases.map((c): CaseResult => {
    const table = tables.get(c.webhook);
    if (!table)
      return {
        case: c,
        outcome: null,
        mismatches: [`no webhook "${c.webhook}" (no routes/${c.webhook}.yaml, or it has errors)`],
      };
    // The traced path tries every rule in order with the same checks, so coverage can tell
    // which conditions held; it answers exactly as the indexed path does.
    const branches = tracked.get(c.webhook)!;
    const decision = decide(table, c.call, c.now ?? now, branches.trace());
    branches.record(decision);
    const outcome = { target: decision.target, rule: decision.rule?.id ?? null };
    if (outcome.rule !== null)
      coverage.find((cv) => cv.webhook === c.webhook)!.reached.add(outcome.rule);
    return { case: c, outcome, mismatches: caseMismatches(c, outcome) };
  });
  return { results, coverage };
}

/** The report lines for a failed case: where, what was expected, what answered. */
export function describeFailure(r: CaseResult): string {
  const head = `FAIL ${r.case.file}:${r.case.line}:${r.case.col}: ${r.case.name}`;
  const expected = JSON.stringify(r.case.expect);
  const actual = r.outcome ? describeOutcome(r.outcome) : 'no answer';
  return [
    head,
    `  expected: ${expected}`,
    `  actual:   ${actual}`,
    ...r.mismatches.map((m) => `  - ${m}`),
  ].join('\n');
}
