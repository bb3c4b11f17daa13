import type { Coverage } from './run-tests.ts';

/** The coverage lines `routes test` prints, and the two percentages `--min-coverage` gates. */
export interface CoverageReport {
  lines: string[];
  /** Percent of rules some case reached, rounded down to 0.1. */
  rules: number;
  /** Percent of branches (branch-coverage.ts) some case reached, rounded down to 0.1. */
  branches: number;
}

/** Per webhook, what no case reaches: its rules, then its branches; then the totals. */
export function coverageReport(coverage: Coverage[]): CoverageReport {
  const lines: string[] = [];
  const rules = { total: 0, reached: 0 };
  const branches = { total: 0, reached: 0 };
  for (const c of coverage) {
    const missing = c.rules.filter((id) => !c.reached.has(id));
    lines.push(countLine(c.webhook, 'rules', c.rules.length, missing));
    const unreached = c.branches.filter((b) => !b.reached).map((b) => b.name);
    lines.push(countLine(c.webhook, 'branches', c.branches.length, unreached));
    count(rules, c.rules.length, missing.length);
    count(branches, c.branches.length, unreached.length);
  }
  const report = { rules: percent(rules), branches: percent(branches) };
  lines.push(`coverage: ${report.rules}% of rules`, `coverage: ${report.branches}% of branches`);
  return { lines, ...report };
}

function countLine(webhook: string, what: string, total: number, missing: string[]): string {
  const line = `${webhook}: ${total - missing.length}/${total} ${what} reached`;
  return missing.length > 0 ? `${line}; no case reaches: ${missing.join(', ')}` : line;
}

function count(sum: { total: number; reached: number }, total: number, missing: number): void {
  sum.total += total;
  sum.reached += total - missing;
}

function percent(sum: { total: number; reached: number }): number {
  return sum.total === 0 ? 100 : Math.floor((sum.reached / sum.total) * 1000) / 10;
}
