import {
  DeleteFunctionConcurrencyCommand,
  GetAliasCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PutFunctionConcurrencyCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LambdaApi, startLambdaApi } from './lambda-api.ts';

const ECHO = 'test/fixtures/lambda-api/echo';
const THROWS = 'test/fixtures/lambda-api/throws';
const FN = 'router';

let api: LambdaApi;
let client: LambdaClient;

beforeAll(async () => {
  api = await startLambdaApi({ pageSize: 2 });
  client = new LambdaClient({
    endpoint: api.endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });
  api.addVersion(FN, ECHO); // 1
  api.addVersion(FN, THROWS); // 2
  api.addVersion(FN, ECHO); // 3
  api.setAlias(FN, 'live', 1);
});

afterAll(async () => {
  client.destroy();
  await api.close();
});

async function invoke(qualifier: string | undefined, event: unknown) {
  const out = await client.send(
    new InvokeCommand({ FunctionName: FN, Qualifier: qualifier, Payload: JSON.stringify(event) }),
  );
  return { ...out, json: JSON.parse(new TextDecoder().decode(out.Payload)) };
}

describe('startLambdaApi', () => {
  it('runs the handler of the version an alias points at and reports that version', async () => {
    const out = await invoke('live', { rawPath: '/sales' });
    expect(out.StatusCode).toBe(200);
    expect(out.ExecutedVersion).toBe('1');
    expect(out.FunctionError).toBeUndefined();
    expect(JSON.parse(out.json.body)).toEqual({
      event: { rawPath: '/sales' },
      version: '1',
      arn: 'arn:aws:lambda:eu-central-1:123456789012:function:router:live',
    });
  });

  it.each([
    ['3', '3'],
    [undefined, '$LATEST'],
  ])('invokes qualifier %s as version %s', async (qualifier, version) => {
    expect((await invoke(qualifier, {})).ExecutedVersion).toBe(version);
  });

  it('collects what the handler prints instead of passing it to the caller', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    await invoke('live', { rawPath: '/logged' });
    expect(api.logs).toContain('{"path":"/logged"}');
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });

  it('reports a handler that throws as an Unhandled function error', async () => {
    const out = await invoke('2', {});
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.json.errorType).toBe('TypeError');
    expect(out.json.errorMessage).toBe('routing table is corrupt');
  });

  it.each([
    [
      'an unknown function',
      new InvokeCommand({ FunctionName: 'nope' }),
      'Function not found: arn:aws:lambda:eu-central-1:123456789012:function:nope',
    ],
    [
      'an unknown version',
      new InvokeCommand({ FunctionName: FN, Qualifier: '9' }),
      'Function not found: arn:aws:lambda:eu-central-1:123456789012:function:router:9',
    ],
    [
      'an unknown alias',
      new GetAliasCommand({ FunctionName: FN, Name: 'beta' }),
      'Alias not found: arn:aws:lambda:eu-central-1:123456789012:function:router:beta',
    ],
    [
      'versions of an unknown function',
      new ListVersionsByFunctionCommand({ FunctionName: 'nope' }),
      'Function not found: arn:aws:lambda:eu-central-1:123456789012:function:nope',
    ],
    [
      'an alias update to an unknown version',
      new UpdateAliasCommand({ FunctionName: FN, Name: 'live', FunctionVersion: '9' }),
      'Function not found: arn:aws:lambda:eu-central-1:123456789012:function:router:9',
    ],
  ])('answers %s with the SDK error ResourceNotFoundException', async (_, command, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: one table row per command type
    const err = await client.send(command as any).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ResourceNotFoundException', message, Type: 'User' });
    expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(404);
  });

  it('lists $LATEST and the numbered versions in pages', async () => {
    const first = await client.send(new ListVersionsByFunctionCommand({ FunctionName: FN }));
    expect(first.Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1']);
    const second = await client.send(
      new ListVersionsByFunctionCommand({ FunctionName: FN, Marker: first.NextMarker }),
    );
    expect(second.Versions?.map((v) => v.Version)).toEqual(['2', '3']);
    expect(second.NextMarker).toBeUndefined();
  });

  it('keeps the canary weights when UpdateAlias omits RoutingConfig and clears them when empty', async () => {
    api.setAlias(FN, 'canary', 1, { '3': 0.1 });
    const kept = await client.send(
      new UpdateAliasCommand({ FunctionName: FN, Name: 'canary', FunctionVersion: '2' }),
    );
    expect(kept.RoutingConfig).toEqual({ AdditionalVersionWeights: { '3': 0.1 } });
    const cleared = await client.send(
      new UpdateAliasCommand({
        FunctionName: FN,
        Name: 'canary',
        RoutingConfig: { AdditionalVersionWeights: {} },
      }),
    );
    expect(cleared.FunctionVersion).toBe('2');
    expect(cleared.RoutingConfig).toBeUndefined();
  });

  it('routes each invocation of a weighted alias to one version, by its weight, as Lambda does', async () => {
    // Draws below 0.1 land on version 3 (its 10 %), the rest on the primary version 1.
    const draws = [0.05, 0.5, 0.0999, 0.1, 0.95];
    api.setRandom(() => draws.shift() ?? 0.5);
    api.setAlias(FN, 'weighted', 1, { '3': 0.1 });
    const versions: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) versions.push((await invoke('weighted', {})).ExecutedVersion);
    expect(versions).toEqual(['3', '1', '3', '1', '1']);
    api.setRandom(Math.random);
  });

  it('throttles every invocation while reserved concurrency is 0, and serves again without it', async () => {
    const once = new LambdaClient({
      endpoint: api.endpoint,
      region: 'eu-central-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    });
    try {
      await once.send(
        new PutFunctionConcurrencyCommand({ FunctionName: FN, ReservedConcurrentExecutions: 0 }),
      );
      const err = await once
        .send(new InvokeCommand({ FunctionName: FN, Qualifier: 'live' }))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'TooManyRequestsException', message: 'Rate Exceeded.' });
      expect(
        await once.send(new GetFunctionConcurrencyCommand({ FunctionName: FN })),
      ).toMatchObject({ ReservedConcurrentExecutions: 0 });
      await once.send(new DeleteFunctionConcurrencyCommand({ FunctionName: FN }));
      expect(api.reserved(FN)).toBeNull();
      expect((await invoke('live', {})).ExecutedVersion).toBe('1');
    } finally {
      once.destroy();
    }
  });

  it('refuses an alias update with a stale RevisionId', async () => {
    const { RevisionId } = await client.send(
      new GetAliasCommand({ FunctionName: FN, Name: 'live' }),
    );
    api.setAlias(FN, 'live', 1);
    const err = await client
      .send(
        new UpdateAliasCommand({
          FunctionName: FN,
          Name: 'live',
          FunctionVersion: '3',
          RevisionId,
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'PreconditionFailedException' });
    expect(api.alias(FN, 'live').version).toBe('1');
  });

  it('rejects requests that are not signed', async () => {
    const res = await fetch(`${api.endpoint}/2015-03-31/functions/${FN}/versions`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
