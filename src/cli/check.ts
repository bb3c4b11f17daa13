import { compileAll } from '../compiler/pipeline.ts';
import { plural, sortProblems, tally } from '../compiler/problem.ts';
import { loadRouteCases, unknownNames } from '../review/route-tests.ts';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';
import { printProblems } from './report.ts';

/** `routes check [--routes DIR] [--format text|github]`: validate and analyse every webhook. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'format']);
  const format = flag(args, 'format', 'text');
  if (format !== 'text' && format !== 'github')
    throw new UsageError(`--format must be text or github, got "${format}"`);
  const routesDir = flag(args, 'routes', 'routes');
  const result = compileAll(routesDir);
  // Route tests are checked too: a malformed case fails here, before `routes test` runs it.
  const tests = loadRouteCases(routesDir);
  const problems = sortProblems([
    ...result.problems,
    ...tests.problems,
    ...(result.ok ? unknownNames(tests.cases, result.webhooks) : []),
  ]);
  printProblems(problems, format);
  const rules = result.webhooks.reduce((n, w) => n + w.table.rules.length, 0);
  if (problems.some((p) => p.severity === 'error')) {
    process.stderr.write(`check failed: ${tally(problems)}\n`);
    return 1;
  }
  const warnings = problems.length > 0 ? `, ${tally(problems).split(', ')[1]}` : '';
  process.stderr.write(
    `check ok: ${plural(result.webhooks.length, 'webhook')}, ${plural(rules, 'rule')}${warnings}\n`,
  );
  return 0;
}
