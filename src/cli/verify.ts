// `routes verify`: after a deploy, invoke the function behind the alias with every route test
// case and check it answers as the tests expect, from the very table the local build produced.
import { formatProblem } from '../compiler/problem.ts';
import { loadRouteCases, type RouteCase } from '../review/route-tests.ts';
import { allowFlags, flag, keyValues, parseArgs, UsageError } from './args.ts';
import { describeAwsError, lambdaClient } from './lambda-client.ts';
import { type LocalBuild, LocalBuildError, readLocalBuild } from './verify-build.ts';
import { type CheckResult, checkCase, checkHealth, type VerifyContext } from './verify-checks.ts';

const FLAGS = ['function', 'alias', 'region', 'routes', 'build', 'key', 'endpoint'];

// Invocations in flight at once: few enough that verify cannot use up the function's reserved
// concurrency and throttle real calls.
const PARALLEL = 4;

/** Runs `routes verify --function NAME [--alias live] [--key webhook=KEY ...]`; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, FLAGS);
  const fn = flag(args, 'function');
  if (!fn) throw new UsageError('--function NAME is required (the deployed Lambda function)');
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const keys = keyValues(args.flags.get('key') ?? []);
  const build = localBuild(flag(args, 'build', 'build'));
  if (!build) return 1;
  for (const webhook of Object.keys(keys)) {
    if (!build.tables.has(webhook)) {
      const known = [...build.tables.keys()].join(', ');
      throw new UsageError(
        `--key ${webhook}=...: no webhook "${webhook}" in the local build (webhooks: ${known})`,
      );
    }
  }
  const cases = routeCases(flag(args, 'routes', 'routes'));
  if (!cases) return 1;
  const alias = flag(args, 'alias', 'live');
  const client = lambdaClient({ region: flag(args, 'region'), endpoint: flag(args, 'endpoint') });
  const ctx: VerifyContext = { client, fn, alias, build, keys };
  try {
    const health = await checkHealth(ctx);
    const results = await mapLimit(cases, PARALLEL, (c) => checkCase(ctx, c));
    return report(ctx, cases, results, health);
  } catch (err) {
    process.stderr.write(`verify: cannot invoke ${fn}:${alias}: ${describeAwsError(err)}\n`);
    return 1;
  } finally {
    client.destroy();
  }
}

function localBuild(dir: string): LocalBuild | undefined {
  try {
    return readLocalBuild(dir);
  } catch (err) {
    if (!(err instanceof LocalBuildError)) throw err;
    process.stderr.write(`verify: ${err.message}\n`);
    return undefined;
  }
}

function routeCases(routesDir: string): RouteCase[] | undefined {
  const { cases, problems } = loadRouteCases(routesDir);
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of errors) process.stderr.write(`${formatProblem(p)}\n`);
  if (errors.length > 0) {
    process.stderr.write(`verify: fix the route tests in ${routesDir} first\n`);
    return undefined;
  }
  if (cases.length === 0) {
    process.stderr.write(
      `verify: warning: no route test cases in ${routesDir}; only the table hash is checked\n`,
    );
  }
  return cases;
}

/** Prints one line per failure and the summary; returns the exit code. */
function report(
  ctx: VerifyContext,
  cases: RouteCase[],
  results: CheckResult[],
  health: CheckResult,
) {
  const lines: string[] = [];
  results.forEach((r, i) => {
    const c = cases[i]!;
    if (r.failure !== null)
      lines.push(`${c.file}:${c.line}:${c.col}: case "${c.name}": ${r.failure}`);
  });
  if (health.failure !== null) lines.push(`verify: ${health.failure}`);
  const local = ctx.build.manifest.tableHash;
  const deployed = unique([health, ...results].map((r) => r.tableHash));
  const stale = deployed.filter((h) => h !== local);
  if (stale.length > 0) {
    lines.push(
      `verify: deployed table ${stale.map(short).join(', ')} differs from the local build's ${short(local)} ` +
        '(deploy this build, or rebuild from the deployed commit)',
    );
  }
  const versions = unique([health, ...results].map((r) => r.version));
  const failed = results.filter((r) => r.failure !== null).length;
  const where = [
    versions.length === 0
      ? 'version unknown'
      : `version${versions.length > 1 ? 's' : ''} ${versions.join(', ')}`,
    deployed.length === 0 ? 'table unknown' : `table ${deployed.map(short).join(', ')}`,
  ].join(', ');
  const count = `${cases.length - failed} case${cases.length - failed === 1 ? '' : 's'} passed, ${failed} failed`;
  lines.push(`verify: ${count} against ${ctx.fn}:${ctx.alias} (${where})`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed > 0 || health.failure !== null || stale.length > 0 ? 1 : 0;
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function unique(values: (string | undefined)[]): string[] {
  const set = new Set(values.filter((v): v is string => v !== undefined));
  return [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function short(hash: string): string {
  return hash.length > 8 ? `${hash.slice(0, 8)}…` : hash;
}
