import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { run } from '../../src/cli/verify.ts';
import { buildAll } from '../../src/compiler/build.ts';
import { loadRouteCases, type RouteCase } from '../../src/compiler/route-tests.ts';
import { runCli, stubAwsEnv } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
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
  api.setAlias('router-broken', 'live', api.addVersion('router-broken', brokenArtifact()));
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

  it('fails the cases of a webhook with auth when no key is given, saying how to pass one', async () => {
    const desk = extraCases().filter((c) => c.webhook === 'night-desk');
    const passed = extraCases().length - desk.length;
    const hint =
      'webhook "night-desk" requires a key: pass --key night-desk=KEY, set ROUTE_KEY_NIGHT_DESK, or add night-desk=KEY to ROUTE_KEYS';
    const result = await verify('router-auth', '--build', extra.build, '--routes', extra.routes);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        ...desk.map((c) => caseLine(c, hint)),
        summary(passed, desk.length, 'router-auth', manifestHash(extra.build)),
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

  it('reports a key the deployed function refuses', async () => {
    const args = ['--build', extra.build, '--routes', extra.routes, '--key', 'night-desk=wrong'];
    const result = await verify('router-auth', ...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '403: the deployed function refused the key given for "night-desk"\n',
    );
  });

  it('fails with a clear message when there is no local build', async () => {
    const nowhere = join(tmp, 'nowhere');
    expect(await verify('router-good', '--build', nowhere)).toEqual({
      code: 1,
      stdout: '',
      stderr: `verify: no local build at ${nowhere}/lambda/manifest.json: run \`npm run routes -- build\` first (verify checks that the deployed table hash equals the local build)\n`,
    });
  });

  it('fails with the service message when the function does not exist', async () => {
    expect(await verify('router-missing')).toEqual({
      code: 1,
      stdout: '',
      stderr: `verify: cannot invoke router-missing:live: ResourceNotFoundException (HTTP 404): Function not found: ${ARN}router-missing\n`,
    });
  });

  it.each([
    [[], '--function NAME is required (the deployed Lambda function)'],
    [['--function', 'f', '--key', 'sales'], 'expected key=value, got "sales"'],
    [
      ['--function', 'f', '--key', 'saels=k'],
      '--key saels=...: no webhook "saels" in the local build (webhooks: sales, support)',
    ],
  ])('rejects the command line %j', async (argv, message) => {
    await expect(run([...argv, '--build', good])).rejects.toThrow(new UsageError(message));
  });
});

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

/** Throws on /support and answers everything else with the example routes' real handler. */
function brokenArtifact(): string {
  const dir = join(tmp, 'broken');
  cpSync(join(good, 'lambda'), dir, { recursive: true });
  const real = pathToFileURL(resolve(good, 'lambda/index.mjs')).href;
  writeFileSync(
    join(dir, 'index.mjs'),
    `import { handler as real } from '${real}';\n` +
      'export async function handler(event, context) {\n' +
      "  if (event.rawPath === '/support') throw new RangeError('table index out of range');\n" +
      '  return real(event, context);\n}\n',
  );
  return dir;
}
