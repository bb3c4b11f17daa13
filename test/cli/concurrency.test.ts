// routes pause and routes resume (src/cli/pause.ts, resume.ts and their shared concurrency.ts).
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { run as pause } from '../../src/cli/pause.ts';
import { run as resume } from '../../src/cli/resume.ts';
import { runCli, stubAwsEnv } from '../support/aws-cli.ts';
import { type LambdaApi, startLambdaApi } from '../support/lambda-api.ts';

const ARTIFACT = 'test/fixtures/lambda-api/echo';
const ARN = 'arn:aws:lambda:eu-central-1:123456789012:function:';

let api: LambdaApi;
let functions = 0;

beforeAll(async () => {
  api = await startLambdaApi();
});
afterAll(() => api.close());
beforeEach(stubAwsEnv);
afterEach(() => vi.unstubAllEnvs());

/** A fresh function with `live` at version 1 and the given reserved concurrency. */
function deploy(reserved: number | null = null): string {
  const fn = `router-${++functions}`;
  api.setAlias(fn, 'live', api.addVersion(fn, ARTIFACT));
  api.setReserved(fn, reserved);
  return fn;
}

function command(run: (argv: string[]) => Promise<number>, fn: string, ...extra: string[]) {
  return runCli(run, ['--function', fn, '--endpoint', api.endpoint, ...extra]);
}

/** What a caller of the live alias gets: the executed version, or the error's name. */
async function callLive(fn: string): Promise<string> {
  const client = new LambdaClient({
    endpoint: api.endpoint,
    region: 'eu-central-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });
  try {
    const out = await client.send(new InvokeCommand({ FunctionName: fn, Qualifier: 'live' }));
    return `version ${out.ExecutedVersion}`;
  } catch (err) {
    return (err as Error).name;
  } finally {
    client.destroy();
  }
}

describe('routes pause', () => {
  it('reserves concurrency 0, so every call is refused, and says how to undo it', async () => {
    const fn = deploy();
    expect(await command(pause, fn)).toEqual({
      code: 0,
      stdout: `pause: ${fn} now refuses every call (reserved concurrency 0, none reserved before); undo with \`routes resume --function ${fn}\`\n`,
      stderr: '',
    });
    expect(api.reserved(fn)).toBe(0);
    expect(await callLive(fn)).toBe('TooManyRequestsException');
  });

  it('names the reservation it replaced, for resume to put back', async () => {
    const fn = deploy(20);
    expect((await command(pause, fn)).stdout).toBe(
      `pause: ${fn} now refuses every call (reserved concurrency 0, was 20); undo with \`routes resume --function ${fn} --concurrency 20\`\n`,
    );
  });

  it('changes nothing on a function already paused', async () => {
    const fn = deploy(0);
    expect((await command(pause, fn)).stdout).toBe(
      `pause: ${fn} is already paused (reserved concurrency 0)\n`,
    );
    expect(api.reserved(fn)).toBe(0);
  });

  it('exits 1 with the service message for an unknown function', async () => {
    expect(await command(pause, 'no-such-router')).toEqual({
      code: 1,
      stdout: '',
      stderr: `pause: cannot pause no-such-router: ResourceNotFoundException (HTTP 404): Function not found: ${ARN}no-such-router\n`,
    });
  });
});

describe('routes resume', () => {
  it('removes the reservation of a paused function, which serves calls again', async () => {
    const fn = deploy();
    await command(pause, fn);
    expect(await command(resume, fn)).toEqual({
      code: 0,
      stdout: `resume: ${fn} serves calls again (no reserved concurrency)\n`,
      stderr: '',
    });
    expect(api.reserved(fn)).toBeNull();
    expect(await callLive(fn)).toBe('version 1');
  });

  it('reserves --concurrency N instead, for stacks that reserve concurrency', async () => {
    const fn = deploy(0);
    expect((await command(resume, fn, '--concurrency', '20')).stdout).toBe(
      `resume: ${fn} serves calls again (reserved concurrency 20)\n`,
    );
    expect(api.reserved(fn)).toBe(20);
  });

  it.each([
    [null, 'no reserved concurrency'],
    [20, 'reserved concurrency 20'],
  ])('leaves a function that is not paused (reserved %j) as it is', async (reserved, now) => {
    const fn = deploy(reserved);
    expect((await command(resume, fn)).stdout).toBe(
      `resume: ${fn} is not paused (${now}); nothing to do\n`,
    );
    expect(api.reserved(fn)).toBe(reserved);
  });

  it('exits 1 with the service message for an unknown function', async () => {
    expect((await command(resume, 'no-such-router')).code).toBe(1);
  });
});

describe('routes pause and resume usage', () => {
  it.each([
    [pause, [], '--function NAME is required (the deployed Lambda function)'],
    [pause, ['--function', 'f', 'now'], 'unexpected argument "now"'],
    [
      pause,
      ['--function', 'f', '--to', '0'],
      'unknown option --to (known: --function, --region, --endpoint, --routes)',
    ],
    [
      resume,
      ['--function', 'f', '--concurrency', '0'],
      '--concurrency needs a positive whole number, got "0"',
    ],
  ])('rejects the command line %#', async (run, argv, message) => {
    await expect(run([...argv, '--endpoint', api.endpoint])).rejects.toThrow(
      new UsageError(message),
    );
  });
});
