import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from '../compiler/emit/build.ts';
import { plural, tally } from '../compiler/problem.ts';
import { allowFlags, flag, parseArgs } from './args.ts';
import { printProblems } from './report.ts';

/** `routes build [--routes DIR] [--out DIR]`: compile every webhook and bundle build/lambda/. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'out']);
  const outDir = flag(args, 'out', 'build');
  const result = await buildAll({ routesDir: flag(args, 'routes', 'routes'), outDir });
  printProblems(result.problems);
  if (!result.ok || !result.manifest || !result.dir) {
    process.stderr.write(`build failed: ${tally(result.problems)}\n`);
    return 1;
  }
  const m = result.manifest;
  const rules = Object.values(m.webhooks).reduce((n, w) => n + w.rules, 0);
  const kb = (statSync(join(result.dir, 'index.mjs')).size / 1024).toFixed(1);
  process.stderr.write(
    `built ${result.dir}: ${plural(Object.keys(m.webhooks).length, 'webhook')}, ${plural(rules, 'rule')}, handler ${kb} KiB, table ${m.tableHash.slice(0, 12)}\n`,
  );
  return 0;
}
