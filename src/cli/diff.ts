import { compileAll } from '../compiler/pipeline.ts';
import { compileAtRevision, diffRoutes, GitRevisionError } from '../review/diff.ts';
import { diffPictures } from '../review/diff-pictures.ts';
import { diffJson, diffMarkdown } from '../review/diff-report.ts';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';
import { printProblems } from './report.ts';

/** `routes diff --base <git-rev> [--format markdown|json]`: calls answered differently than at the base. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'base', 'format']);
  const base = flag(args, 'base');
  if (!base) throw new UsageError('--base <git-rev> is required (e.g. --base origin/main)');
  const format = flag(args, 'format', 'markdown');
  if (format !== 'markdown' && format !== 'json')
    throw new UsageError(`--format must be markdown or json, got "${format}"`);
  const routesDir = flag(args, 'routes', 'routes');
  const after = compileAll(routesDir);
  if (!after.ok) {
    printProblems(after.problems.filter((p) => p.severity === 'error'));
    process.stderr.write('diff: this version does not compile; fix the errors above first\n');
    return 1;
  }
  let before: ReturnType<typeof compileAll>;
  try {
    before = compileAtRevision(routesDir, base);
  } catch (err) {
    if (err instanceof GitRevisionError) {
      process.stderr.write(`diff: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const diffs = diffRoutes(before, after);
  const text =
    format === 'json'
      ? diffJson(base, diffs)
      : diffMarkdown(base, diffs, before.ok, diffPictures(before, after));
  process.stdout.write(text);
  return 0;
}
