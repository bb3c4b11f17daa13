// A rehearsal of the deploy loop the workflow runs (record the live version, deploy, verify, roll
// back on exit 1 only), step by step against the local Lambda API through the real SDK. The
// alias moves the way CloudFormation and CodeDeploy move it: a new version first takes a weighted
// share of calls (AdditionalVersionWeights), then all of them. The steps build on each other.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetAliasCommand, LambdaClient, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as rollback } from '../../src/cli/rollback.ts';
import { run as verify } from '../../src/cli/verify.ts';
import { buildAll } from '../../src/compiler/emit/build.ts';
import { loadRouteCases } from '../../src/review/route-tests.ts';
import { failingOnSupport } from '../support/artifact.ts';
import { runCli, stubAwsEnv } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
import { type LambdaApi, startLambdaApi } from '../support/lambda-api.ts';

const FN = 'ringostat-router-prod';
const cases = loadRouteCases(EXAMPLE_ROUTES).cases;
const support = cases.filter((c) => c.webhook === 'support');
let tmp: string;
let api: LambdaApi;
let client: LambdaClient;
let build: string; // what `routes build` wrote for this commit: the artifact verify compares with
let hash: string;
let artifacts: { v1: string; v2: string; bad: string };

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'deploy-loop-'));
  build = join(tmp, 'build');
  const built = await buildAll({ routesDir: EXAMPLE_ROUTES, outDir: build });
  hash = built.manifest!.tableHash;
  artifacts = {
    v1: built.dir!,
    v2: codeOnlyChange(built.dir!),
    bad: failingOnSupport(built.dir!, join(tmp, 'bad')),
  };
  api = await startLambdaApi();
  client = new LambdaClient({
    endpoint: api.endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });
});
afterAll(async () => {
  client.destroy();
  await api.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(stubAwsEnv);
afterEach(() => vi.unstubAllEnvs());

/** The workflow's first AWS step: the live alias's version, or null before the first deploy. */
async function recordLive(fn: string): Promise<string | null> {
  try {
    return (await client.send(new GetAliasCommand({ FunctionName: fn, Name: 'live' })))
      .FunctionVersion!;
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return null;
    throw err;
  }
}

/** What CodeDeploy does to the alias: shift weights onto the new version, then move it all. */
async function shift(fn: string, primary: string, weights: Record<string, number>) {
  await client.send(
    new UpdateAliasCommand({
      FunctionName: fn,
      Name: 'live',
      FunctionVersion: primary,
      RoutingConfig: { AdditionalVersionWeights: weights },
    }),
  );
}

function routes(cmd: (argv: string[]) => Promise<number>, fn: string, ...args: string[]) {
  const common = ['--function', fn, '--endpoint', api.endpoint];
  return runCli(cmd, [...common, ...args]);
}

const verifyLive = (fn: string) => routes(verify, fn, '--build', build, '--routes', EXAMPLE_ROUTES);

function summary(passed: number, failed: number, fn: string, versions: string): string {
  return `verify: ${passed} cases passed, ${failed} failed against ${fn}:live (${versions}, table ${hash.slice(0, 8)}…)\n`;
}

describe('the deploy loop', () => {
  it('deploys v1 as a first deploy: nothing to record, and verify passes', async () => {
    expect(await recordLive(FN)).toBeNull();
    api.setAlias(FN, 'live', api.addVersion(FN, artifacts.v1));
    expect(await verifyLive(FN)).toEqual({
      code: 0,
      stdout: summary(cases.length, 0, FN, 'version 1'),
      stderr: '',
    });
  });

  it('shifts v2 in as a canary whose calls reach both versions, and verify passes', async () => {
    expect(await recordLive(FN)).toBe('1');
    const v2 = String(api.addVersion(FN, artifacts.v2));
    await shift(FN, '1', { [v2]: 0.1 });
    // Every third draw lands in version 2's 10 %: both versions answer verify's calls.
    let draw = 0;
    api.setRandom(() => [0.05, 0.5, 0.95][draw++ % 3]!);
    expect(await verifyLive(FN)).toEqual({
      code: 0,
      stdout: summary(cases.length, 0, FN, 'versions 1, 2'),
      stderr: '',
    });
    await shift(FN, v2, {});
    expect(api.alias(FN, 'live')).toMatchObject({ version: '2', weights: {} });
  });

  it('fails a bad v3 mid-canary with exit 1, and rolls back to exactly the recorded v2', async () => {
    const recorded = await recordLive(FN);
    expect(recorded).toBe('2');
    const v3 = String(api.addVersion(FN, artifacts.bad));
    await shift(FN, '2', { [v3]: 0.1 });
    api.setRandom(() => 0.05); // a draw inside the canary's 10 %, for every call
    const error = 'function error (Unhandled): RangeError: table index out of range';
    expect(await verifyLive(FN)).toEqual({
      code: 1,
      stdout: [
        ...support.map((c) => `${c.file}:${c.line}:${c.col}: case "${c.name}": ${error}\n`),
        summary(cases.length - support.length, support.length, FN, 'version 3'),
      ].join(''),
      stderr: '',
    });
    expect(await routes(rollback, FN, '--to', recorded!)).toEqual({
      code: 0,
      stdout: `rollback: ${FN}:live 2 -> 2 (cleared canary routing: version 3 at 10%)\n`,
      stderr: '',
    });
    expect(api.alias(FN, 'live')).toMatchObject({ version: '2', weights: {} });
    expect((await verifyLive(FN)).stdout).toBe(summary(cases.length, 0, FN, 'version 2'));
  });

  it('lands on the primary v2 too when rolled back by hand without --to', async () => {
    await shift(FN, '2', { '3': 0.1 });
    expect((await routes(rollback, FN)).stdout).toBe(
      `rollback: ${FN}:live 2 -> 2 (cleared canary routing: version 3 at 10%)\n`,
    );
    expect(api.alias(FN, 'live')).toMatchObject({ version: '2', weights: {} });
  });

  it('leaves a bad first deploy in place: nothing was recorded and rollback exits 2', async () => {
    const fn = 'ringostat-router-new';
    expect(await recordLive(fn)).toBeNull();
    api.setAlias(fn, 'live', api.addVersion(fn, artifacts.bad));
    expect((await verifyLive(fn)).code).toBe(1);
    const before = api.alias(fn, 'live');
    expect(await routes(rollback, fn)).toEqual({
      code: 2,
      stdout: '',
      stderr: `rollback: ${fn} has no published version below 1 to roll back to\n`,
    });
    expect(api.alias(fn, 'live')).toBe(before);
  });
});

/** The same tables in a new artifact, as a code-only change would build. */
function codeOnlyChange(dir: string): string {
  const out = join(tmp, 'v2');
  cpSync(dir, out, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, builtAt: 'later' }));
  return out;
}
