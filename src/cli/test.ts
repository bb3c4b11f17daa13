import { compileAll } from '../compiler/pipeline.ts';
import { sortProblems } from '../compiler/problem.ts';
import { loadRouteCases } from '../review/route-tests.ts';
import { describeFailure, runCases } from '../review/run-tests.ts';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';
import { printProblems } from './report.ts';

/** `routes test [--routes DIR] [--min-coverage N]`: run every route test case, report coverage. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'min-coverage']);
  const routesDir = flag(args, 'routes', 'routes');
  const minCoverage = Number(flag(args, 'min-coverage', '0'));
  if (!Number.isFinite(minCoverage) || minCoverage < 0 || minCoverage > 100) {
    throw new UsageError('--min-coverage takes a percentage between 0 and 100');
  }
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
  let total = 0;
  let reached = 0;
  for (const c of coverage) {
    const missing = c.rules.filter((id) => !c.reached.has(id));
    total += c.rules.length;
    reached += c.rules.length - missing.length;
    const line = `${c.webhook}: ${c.rules.length - missing.length}/${c.rules.length} rules reached`;
    process.stdout.write(
      missing.length > 0 ? `${line}; no case reaches: ${missing.join(', ')}\n` : `${line}\n`,
    );
  }
  const percent = total === 0 ? 100 : Math.floor((reached / total) * 1000) / 10;
  process.stdout.write(
    `coverage: ${percent}% of rules\n${results.length - failed.length} passed, ${failed.length} failed\n`,
  );
  if (percent < minCoverage) {
    process.stderr.write(
      `test: rule coverage ${percent}% is below --min-coverage ${minCoverage}%\n`,
    );
    return 1;
  }
  return failed.length > 0 ? 1 : 0;
}
