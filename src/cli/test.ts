import { compileAll } from '../compiler/pipeline.ts';
import { sortProblems } from '../compiler/problem.ts';
import { coverageReport } from '../review/coverage-report.ts';
import { loadRouteCases } from '../review/route-tests.ts';
import { describeFailure, runCases } from '../review/run-tests.ts';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';
import { printProblems } from './report.ts';

/**
 * `routes test [--routes DIR] [--min-coverage N] [--coverage rules|branches]`: run every route
 * test case and report what no case reaches; `--min-coverage` gates the rules (or branches).
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'min-coverage', 'coverage']);
  const routesDir = flag(args, 'routes', 'routes');
  const minCoverage = Number(flag(args, 'min-coverage', '0'));
  if (!Number.isFinite(minCoverage) || minCoverage < 0 || minCoverage > 100) {
    throw new UsageError('--min-coverage takes a percentage between 0 and 100');
  }
  const gate = flag(args, 'coverage', 'rules');
  if (gate !== 'rules' && gate !== 'branches')
    throw new UsageError(`--coverage must be rules or branches, got "${gate}"`);
  const compiled = compileAll(routesDir);
  const loaded = loadRouteCases(routesDir);
  const problems = sortProblems([
    ...compiled.problems.filter((p) => p.severity === 'error'),
    ...loaded.problems,
  ]);
  printProblems(problems);
  if (problems.some((p) => p.severity === 'error')) {
    process.stderr.write('test: fix the errors above first\n');
    return 1;
  }
  const { results, coverage } = runCases(compiled.webhooks, loaded.cases, Date.now());
  const failed = results.filter((r) => r.mismatches.length > 0);
  for (const r of failed) process.stdout.write(`${describeFailure(r)}\n`);
  const report = coverageReport(coverage);
  process.stdout.write(
    `${report.lines.join('\n')}\n${results.length - failed.length} passed, ${failed.length} failed\n`,
  );
  const percent = gate === 'rules' ? report.rules : report.branches;
  if (percent < minCoverage) {
    const what = gate === 'rules' ? 'rule' : 'branch';
    process.stderr.write(
      `test: ${what} coverage ${percent}% is below --min-coverage ${minCoverage}%\n`,
    );
    return 1;
  }
  return failed.length > 0 ? 1 : 0;
}
