import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { run } from '../../src/cli/rollback.ts';
import { runCli, stubAwsEnv } from '../support/aws-cli.ts';
import { type LambdaApi, startLambdaApi } from '../support/lambda-api.ts';

// Rollback never invokes the function, so every version can be the same trivial artifact.
const ARTIFACT = 'test/fixtures/lambda-api/echo';
const ARN = 'arn:aws:lambda:eu-central-1:123456789012:function:';

let api: LambdaApi;
let functions = 0;

beforeAll(async () => {
  // Pages of two versions, so finding the previous version has to follow NextMarker.
  api = await startLambdaApi({ pageSize: 2 });
});
afterAll(() => api.close());
beforeEach(stubAwsEnv);
afterEach(() => vi.unstubAllEnvs());

/** A fresh function with `count` published versions and `live` at `at`. */
function deploy(count: number, at: number, weights?: Record<string, number>): string {
  const fn = `router-${++functions}`;
  for (let i = 0; i < count; i++) api.addVersion(fn, ARTIFACT);
  api.setAlias(fn, 'live', at, weights);
  return fn;
}

function rollback(fn: string, ...extra: string[]) {
  return runCli(run, ['--function', fn, '--endpoint', api.endpoint, ...extra]);
}

describe('routes rollback', () => {
  it('moves the alias to the highest version below the current one', async () => {
    const fn = deploy(5, 4);
    expect(await rollback(fn)).toEqual({
      code: 0,
      stdout: `rollback: ${fn}:live 4 -> 3\n`,
      stderr: '',
    });
    expect(api.alias(fn, 'live')).toMatchObject({ version: '3', weights: {} });
    const listed = api.requests.filter((r) =>
      r.startsWith(`GET /2015-03-31/functions/${fn}/versions`),
    );
    expect(listed).toHaveLength(3);
  });

  it('moves the alias to the version given with --to', async () => {
    const fn = deploy(4, 4);
    expect(await rollback(fn, '--to', '1')).toMatchObject({
      code: 0,
      stdout: `rollback: ${fn}:live 4 -> 1\n`,
    });
    expect(api.alias(fn, 'live').version).toBe('1');
  });

  it('rolls back an alias other than live', async () => {
    const fn = deploy(3, 1);
    api.setAlias(fn, 'staging', 3);
    expect(await rollback(fn, '--alias', 'staging')).toMatchObject({
      code: 0,
      stdout: `rollback: ${fn}:staging 3 -> 2\n`,
    });
    expect(api.alias(fn, 'live').version).toBe('1');
  });

  it('keeps the primary version and drops the weights of a canary in progress', async () => {
    const fn = deploy(3, 2, { '3': 0.1 });
    expect(await rollback(fn)).toMatchObject({
      code: 0,
      stdout: `rollback: ${fn}:live 2 -> 2 (cleared canary routing: version 3 at 10%)\n`,
    });
    expect(api.alias(fn, 'live')).toMatchObject({ version: '2', weights: {} });
  });

  it('moves a canary to the --to version, which wins over the primary', async () => {
    const fn = deploy(3, 2, { '3': 0.1 });
    expect(await rollback(fn, '--to', '1')).toMatchObject({
      code: 0,
      stdout: `rollback: ${fn}:live 2 -> 1 (cleared canary routing: version 3 at 10%)\n`,
    });
    expect(api.alias(fn, 'live')).toMatchObject({ version: '1', weights: {} });
  });

  it('clears canary weights even when the alias already points at the --to version', async () => {
    const fn = deploy(3, 2, { '3': 0.25 });
    expect((await rollback(fn, '--to', '2')).stdout).toBe(
      `rollback: ${fn}:live 2 -> 2 (cleared canary routing: version 3 at 25%)\n`,
    );
    expect(api.alias(fn, 'live')).toMatchObject({ version: '2', weights: {} });
  });

  it('changes nothing when the alias already points at the --to version', async () => {
    const fn = deploy(2, 2);
    expect(await rollback(fn, '--to', '2')).toEqual({
      code: 0,
      stdout: `rollback: ${fn}:live already points at version 2; nothing to do\n`,
      stderr: '',
    });
  });

  it('exits 2 with the alias untouched when there is no version below the current one', async () => {
    const fn = deploy(3, 1);
    const before = api.alias(fn, 'live');
    expect(await rollback(fn)).toEqual({
      code: 2,
      stdout: '',
      stderr: `rollback: ${fn} has no published version below 1 to roll back to\n`,
    });
    expect(api.alias(fn, 'live')).toEqual(before);
  });

  it('fails with the service message when the alias does not exist', async () => {
    const fn = deploy(2, 2);
    expect(await rollback(fn, '--alias', 'prod')).toEqual({
      code: 1,
      stdout: '',
      stderr: `rollback: cannot read alias ${fn}:prod: ResourceNotFoundException (HTTP 404): Alias not found: ${ARN}${fn}:prod\n`,
    });
  });

  it('fails with the service message when the function does not exist', async () => {
    expect((await rollback('no-such-router')).stderr).toBe(
      `rollback: cannot read alias no-such-router:live: ResourceNotFoundException (HTTP 404): Function not found: ${ARN}no-such-router\n`,
    );
  });

  it('fails when --to names a version that was never published', async () => {
    const fn = deploy(2, 2);
    expect(await rollback(fn, '--to', '9')).toEqual({
      code: 1,
      stdout: '',
      stderr: `rollback: cannot move ${fn}:live to version 9: ResourceNotFoundException (HTTP 404): Function not found: ${ARN}${fn}:9\n`,
    });
    expect(api.alias(fn, 'live').version).toBe('2');
  });

  it.each([
    [[], '--function NAME is required (the deployed Lambda function)'],
    [
      ['--function', 'f', '--to', '$LATEST'],
      '--to needs a published version number, got "$LATEST"',
    ],
    [
      ['--function', 'f', '--canary'],
      'unknown option --canary (known: --function, --alias, --region, --to, --endpoint, --routes)',
    ],
  ])('rejects the command line %j', async (argv, message) => {
    await expect(run([...argv, '--endpoint', api.endpoint])).rejects.toThrow(
      new UsageError(message),
    );
  });
});
