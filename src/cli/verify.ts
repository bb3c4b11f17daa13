// `routes verify`: after a deploy, invoke the function behind the alias with every route test
// case and check it answers as the tests expect, from the very table the local build produced.
import { formatProblem } from '../compiler/problem.ts';
import { loadRouteCases, type RouteCase } from '../review/route-tests.ts';
import { allowFlags, flag, keyValues, parseArgs, UsageError } from './args.ts';
import { describeAwsError, lambdaClient } from './lambda-client.ts';
import { type LocalBuild, LocalBuildError, readLocalBuild } from './verify-build.ts';
import { type CheckResult, checkCase, checkHealth, type VerifyContext } from './verify-checks.ts';
import { NOT_VERIFIED, verifyReport } from './verify-report.ts';
import { checkUrl, healthzUrl } from './verify-url.ts';

const FLAGS = ['function', 'alias', 'region', 'routes', 'build', 'key', 'endpoint', 'url'];

// Invocations in flight at once: few enough that verify cannot use up the function's reserved
// concurrency and throttle real calls.
const PARALLEL = 4;

/**
 * Runs `routes verify --function NAME [--alias live] [--url URL] [--key webhook=KEY ...]`.
 * Returns 0 when everything matches, 1 when the deployed function answered wrong, 2 when it
 * could not be verified (see verify-report.ts).
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, FLAGS);
  const fn = flag(args, 'function');
  if (!fn) throw new UsageError('--function NAME is required (the deployed Lambda function)');
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const keys = keyValues(args.flags.get('key') ?? []);
  const url = flag(args, 'url');
  if (url !== undefined && !/^https?:\/\/[^/]/.test(url)) {
    throw new UsageError(`--url needs the Function URL (https://...), got "${url}"`);
  }
  const build = localBuild(flag(args, 'build', 'build'));
  if (!build) return NOT_VERIFIED;
  for (const webhook of Object.keys(keys)) {
    if (!build.tables.has(webhook)) {
      const known = [...build.tables.keys()].join(', ');
      throw new UsageError(
        `--key ${webhook}=...: no webhook "${webhook}" in the local build (webhooks: ${known})`,
      );
    }
  }
  const cases = routeCases(flag(args, 'routes', 'routes'));
  if (!cases) return NOT_VERIFIED;
  const alias = flag(args, 'alias', 'live');
  const client = lambdaClient({ region: flag(args, 'region'), endpoint: flag(args, 'endpoint') });
  const ctx: VerifyContext = { client, fn, alias, build, keys };
  try {
    // First and alone: an unknown function or missing credentials fail here, in one line.
    const health = await checkHealth(ctx);
    const results = await mapLimit(cases, PARALLEL, (c) => checkCase(ctx, c).catch(unverified));
    const urlCheck =
      url === undefined ? undefined : { address: healthzUrl(url), result: await checkUrl(url) };
    const { lines, code } = verifyReport({
      target: `${fn}:${alias}`,
      localHash: build.manifest.tableHash,
      cases,
      results,
      health,
      ...(urlCheck ? { url: urlCheck } : {}),
    });
    process.stdout.write(`${lines.join('\n')}\n`);
    return code;
  } catch (err) {
    process.stderr.write(`verify: cannot invoke ${fn}:${alias}: ${describeAwsError(err)}\n`);
    return NOT_VERIFIED;
  } finally {
    client.destroy();
  }
}

/** An SDK failure on one case (throttling, the network): nothing learned about the function. */
function unverified(err: unknown): CheckResult {
  return { failure: `cannot invoke: ${describeAwsError(err)}`, unverified: true };
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
