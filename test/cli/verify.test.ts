import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { run } from '../../src/cli/verify.ts';
import { buildAll } from '../../src/compiler/emit/build.ts';
import { loadRouteCases, type RouteCase } from '../../src/review/route-tests.ts';
import { failingOnSupport } from '../support/artifact.ts';
import { runCli, stubAwsEnv } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
import { startHttpStub } from '../support/http-stub.ts';
import { type LambdaApi, startLambdaApi } from '../support/lambda-api.ts';

const KEY = 'night-desk-secret';
const ARN = 'arn:aws:lambda:eu-central-1:123456789012:function:';

let tmp: string;
let api: LambdaApi;
let good: string; // build/ of the example routes
let goodHash: string;
let extra: { routes: string; build: string }; // night-desk webhook with auth, pinned-instant cases
const cases = loadRouteCases(EXAMPLE_ROUTES).cases;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'verify-'));
  api = await startLambdaApi();
  good = await build(EXAMPLE_ROUTES, 'good');
  goodHash = manifestHash(good);
  const changed = await build(copyRoutes('routes-changed', changeVipDestination), 'changed');
  extra = { routes: copyRoutes('routes-extra', addAuthAndPinnedCases), build: '' };
  extra.build = await build(extra.routes, 'extra');
  api.setAlias('router-good', 'live', api.addVersion('router-good', join(good, 'lambda')));
  api.setAlias('router-changed', 'live', api.addVersion('router-changed', join(changed, 'lambda')));
  api.setAlias(
    'router-broken',
    'live',
    api.addVersion('router-broken', failingOnSupport(join(good, 'lambda'), join(tmp, 'broken'))),
  );
  api.setAlias('router-auth', 'live', api.addVersion('router-auth', join(extra.build, 'lambda')));
});

afterAll(async () => {
  await api?.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(stubAwsEnv);
afterEach(() => vi.unstubAllEnvs());

function verify(fn: string, ...extraArgs: string[]) {
  const base = ['--function', fn, '--endpoint', api.endpoint, '--build', good];
  return runCli(run, [...base, '--routes', EXAMPLE_ROUTES, ...extraArgs]);
}

function summary(passed: number, failed: number, fn: string, hash = goodHash): string {
  return `verify: ${passed} cases passed, ${failed} failed against ${fn}:live (version 1, table ${hash.slice(0, 8)}…)`;
}

function caseLine(c: RouteCase, message: string): string {
  return `${c.file}:${c.line}:${c.col}: case "${c.name}": ${message}`;
}

describe('routes verify', () => {
  it('passes when the deployed function answers every route test case', async () => {
    expect(await verify('router-good')).toEqual({
      code: 0,
      stdout: `${summary(cases.length, 0, 'router-good')}\n`,
      stderr: '',
    });
  });

  it('names the case the deployed function answers differently, and the stale table', async () => {
    const vip = cases.find((c) => c.name.startsWith('VIP from the list file'))!;
    const result = await verify('router-changed');
    const deployed = manifestHash(join(tmp, 'changed'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        caseLine(vip, 'expected to 380441111199, got to 380441111198 (rule "vip")'),
        `verify: deployed table ${deployed.slice(0, 8)}… differs from the local build's ${goodHash.slice(0, 8)}… (deploy this build, or rebuild from the deployed commit)`,
        summary(cases.length - 1, 1, 'router-changed', deployed),
        '',
      ].join('\n'),
    );
  });

  it('fails every case the function throws on', async () => {
    const support = cases.filter((c) => c.webhook === 'support');
    const error = 'function error (Unhandled): RangeError: table index out of range';
    const result = await verify('router-broken');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        ...support.map((c) => caseLine(c, error)),
        summary(cases.length - support.length, support.length, 'router-broken'),
        '',
      ].join('\n'),
    );
  });

  it('fails when the deployed table hash differs from the local build', async () => {
    const stale = join(tmp, 'stale');
    cpSync(good, stale, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(stale, 'lambda/manifest.json'), 'utf8'));
    writeFileSync(
      join(stale, 'lambda/manifest.json'),
      JSON.stringify({ ...manifest, tableHash: 'f'.repeat(64) }),
    );
    const result = await verify('router-good', '--build', stale);
    expect(result).toEqual({
      code: 1,
      stdout: [
        `verify: deployed table ${goodHash.slice(0, 8)}… differs from the local build's ffffffff… (deploy this build, or rebuild from the deployed commit)`,
        summary(cases.length, 0, 'router-good'),
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('exits 2 when a webhook with auth has no key, saying how to pass one', async () => {
    const desk = extraCases().filter((c) => c.webhook === 'night-desk');
    const passed = extraCases().length - desk.length;
    const hint =
      'webhook "night-desk" requires a key: pass --key night-desk=KEY, set ROUTE_KEY_NIGHT_DESK, or add night-desk=KEY to ROUTE_KEYS';
    const result = await verify('router-auth', '--build', extra.build, '--routes', extra.routes);
    expect(result.code).toBe(2);
    const counts = `${passed} cases passed, 0 failed, ${desk.length} not verified`;
    expect(result.stdout).toBe(
      [
        ...desk.map((c) => caseLine(c, hint)),
        `verify: ${counts} against router-auth:live (version 1, table ${manifestHash(extra.build).slice(0, 8)}…)`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['--key', ['--key', `night-desk=${KEY}`], {}],
    ['ROUTE_KEY_NIGHT_DESK', [], { ROUTE_KEY_NIGHT_DESK: KEY }],
    ['ROUTE_KEYS', [], { ROUTE_KEYS: `sales=x\nnight-desk=${KEY}` }],
  ])('sends the key given with %s and checks the pinned-instant cases', async (_, args, env) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const result = await verify(
      'router-auth',
      '--build',
      extra.build,
      '--routes',
      extra.routes,
      ...args,
    );
    expect(result).toEqual({
      code: 0,
      stdout: `${summary(extraCases().length, 0, 'router-auth', manifestHash(extra.build))}\n`,
      stderr: '',
    });
  });

  it('exits 2 on a key the deployed function refuses: the key is wrong, not the function', async () => {
    const args = ['--build', extra.build, '--routes', extra.routes, '--key', 'night-desk=wrong'];
    const result = await verify('router-auth', ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      '403: the deployed function refused the key given for "night-desk"\n',
    );
  });

  it('exits 2 with a clear message when there is no local build', async () => {
    const nowhere = join(tmp, 'nowhere');
    expect(await verify('router-good', '--build', nowhere)).toEqual({
      code: 2,
      stdout: '',
      stderr: `verify: no local build at ${nowhere}/lambda/manifest.json: run \`npm run routes -- build\` first (verify checks that the deployed table hash equals the local build)\n`,
    });
  });

  it('exits 2 with the service message when the function does not exist', async () => {
    expect(await verify('router-missing')).toEqual({
      code: 2,
      stdout: '',
      stderr: `verify: cannot invoke router-missing:live: ResourceNotFoundException (HTTP 404): Function not found: ${ARN}router-missing\n`,
    });
  });

  it('with --url, also fetches <url>healthz over HTTP and compares its table hash', async () => {
    const stub = await startHttpStub(200, readFileSync(join(good, 'lambda/manifest.json'), 'utf8'));
    try {
      expect(await verify('router-good', '--url', stub.url)).toEqual({
        code: 0,
        stdout: [
          `verify: ${stub.url}healthz answers table ${goodHash.slice(0, 8)}…`,
          summary(cases.length, 0, 'router-good'),
          '',
        ].join('\n'),
        stderr: '',
      });
      expect(stub.paths).toEqual(['GET /healthz']);
    } finally {
      await stub.close();
    }
  });

  it('exits 1 when the Function URL answers 403 while every invoke passes', async () => {
    const stub = await startHttpStub(403, '{"Message":"Forbidden. For troubleshooting..."}');
    try {
      expect(await verify('router-good', '--url', stub.url)).toEqual({
        code: 1,
        stdout: [
          `verify: GET ${stub.url}healthz answered HTTP 403 without a manifest`,
          summary(cases.length, 0, 'router-good'),
          '',
        ].join('\n'),
        stderr: '',
      });
    } finally {
      await stub.close();
    }
  });

  it('exits 1 when the Function URL serves another table than the one invoked', async () => {
    const other = JSON.stringify({ tableHash: 'e'.repeat(64) });
    const stub = await startHttpStub(200, other);
    try {
      const result = await verify('router-good', '--url', stub.url);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        "verify: deployed table eeeeeeee… differs from the local build's",
      );
    } finally {
      await stub.close();
    }
  });

  it('exits 2 when the function is throttled', async () => {
    vi.stubEnv('AWS_MAX_ATTEMPTS', '1'); // no retries with backoff: the answer is the same
    api.setReserved('router-good', 0);
    try {
      expect(await verify('router-good')).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'verify: cannot invoke router-good:live: TooManyRequestsException (HTTP 429): Rate Exceeded.\n',
      });
    } finally {
      api.setReserved('router-good', null);
    }
  });

  it('exits 2 when there are no credentials', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    const result = await verify('router-good');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^verify: cannot invoke router-good:live: CredentialsProviderError: .*\(set AWS credentials, e\.g\. AWS_PROFILE or the OIDC role in CI\)\n$/,
    );
  });

  it('exits 2 when the Lambda endpoint cannot be reached', async () => {
    vi.stubEnv('AWS_MAX_ATTEMPTS', '1');
    const closed = await closedPort();
    const result = await runCli(run, [
      ...['--function', 'router-good', '--endpoint', `http://127.0.0.1:${closed}`],
      ...['--build', good, '--routes', EXAMPLE_ROUTES],
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^verify: cannot invoke router-good:live: .*ECONNREFUSED/);
  });

  it('exits 1, not 2, when one case is answered wrong and another could not be verified', async () => {
    const args = ['--build', extra.build, '--routes', extra.routes];
    const result = await verify('router-changed', ...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('requires a key');
    expect(result.stdout).toContain('differs from the local build');
  });

  it.each([
    [[], '--function NAME is required (the deployed Lambda function)'],
    [
      ['--function', 'f', '--url', 'lambda-url'],
      '--url needs the Function URL (https://...), got "lambda-url"',
    ],
    [['--function', 'f', '--key', 'sales'], 'expected key=value, got "sales"'],
    [
      ['--function', 'f', '--key', 'saels=k'],
      '--key saels=...: no webhook "saels" in the local build (webhooks: sales, support)',
    ],
  ])('rejects the command line %j', async (argv, message) => {
    await expect(run([...argv, '--build', good])).rejects.toThrow(new UsageError(message));
  });
});

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

async function build(routesDir: string, name: string): Promise<string> {
  const outDir = join(tmp, name);
  const result = await buildAll({ routesDir, outDir });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return outDir;
}

function extraCases(): RouteCase[] {
  return loadRouteCases(extra.routes).cases;
}

function manifestHash(buildDir: string): string {
  return JSON.parse(readFileSync(join(buildDir, 'lambda/manifest.json'), 'utf8')).tableHash;
}

function copyRoutes(name: string, edit: (dir: string) => void): string {
  const dir = join(tmp, name);
  cpSync(EXAMPLE_ROUTES, dir, { recursive: true });
  edit(dir);
  return dir;
}

function editFile(file: string, edit: (text: string) => string) {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

function changeVipDestination(dir: string) {
  editFile(join(dir, 'sales.yaml'), (t) =>
    t.replace('to: ["380441111199"]', 'to: ["380441111198"]'),
  );
}

function addAuthAndPinnedCases(dir: string) {
  renameSync(join(dir, 'support.yaml'), join(dir, 'night-desk.yaml'));
  renameSync(join(dir, 'support.test.yaml'), join(dir, 'night-desk.test.yaml'));
  const keySha256 = createHash('sha256').update(KEY).digest('hex');
  editFile(join(dir, 'night-desk.yaml'), (t) => `${t}\nauth:\n  key_sha256: ${keySha256}\n`);
  // One of these two fails at any wall-clock time unless verify sends `now` as the call's date.
  editFile(join(dir, 'sales.test.yaml'), (t) =>
    t.concat(
      '  - name: pinned to a Tuesday night\n',
      '    now: "2026-11-24T21:00:00Z"\n',
      '    call: { caller: "380447654321" }\n',
      '    expect: { default: true }\n',
      '  - name: pinned to a Tuesday morning\n',
      '    now: "2026-11-24T08:00:00Z"\n',
      '    call: { caller: "380447654321" }\n',
      '    expect: { rule: kyiv-office-hours }\n',
    ),
  );
}
