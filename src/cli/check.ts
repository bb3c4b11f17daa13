import { compileAll } from '../compiler/pipeline.ts';
import { plural, tally } from '../compiler/problem.ts';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';
import { printProblems } from './report.ts';

/** `routes check [--routes DIR] [--format text|github]`: validate and analyse every webhook. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'format']);
  const format = flag(args, 'format', 'text');
  if (format !== 'text' && format !== 'github')
    throw new UsageError(`--format must be text or github, got "${format}"`);
  const result = compileAll(flag(args, 'routes', 'routes'));
  printProblems(result.problems, format);
  const rules = result.webhooks.reduce((n, w) => n + w.table.rules.length, 0);
  if (!result.ok) {
    process.stderr.write(`check failed: ${tally(result.problems)}\n`);
    return 1;
  }
  const warnings = result.problems.length > 0 ? `, ${tally(result.problems).split(', ')[1]}` : '';
  process.stderr.write(
    `check ok: ${plural(result.webhooks.length, 'webhook')}, ${plural(rules, 'rule')}${warnings}\n`,
  );
  return 0;
}
