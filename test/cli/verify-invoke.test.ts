import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionUrlEvent, invokeUrl } from '../../src/cli/verify-invoke.ts';
import { type LambdaApi, startLambdaApi } from '../support/lambda-api.ts';

let api: LambdaApi;
let client: LambdaClient;

beforeAll(async () => {
  api = await startLambdaApi();
  client = new LambdaClient({
    endpoint: api.endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });
  api.setAlias('shapes', 'live', api.addVersion('shapes', 'test/fixtures/lambda-api/shapes'));
});

afterAll(async () => {
  client.destroy();
  await api.close();
});

describe('functionUrlEvent', () => {
  it('builds the payload 2.0 event a Function URL delivers for a POST with a key', () => {
    const event = functionUrlEvent(
      {
        method: 'POST',
        path: '/sales',
        query: { key: 'a b' },
        headers: { 'content-type': 'application/json', 'user-agent': 'ringostat HTTP Client v1.1' },
        body: '{"caller":"380441112233"}',
      },
      1764000000000,
    );
    expect(event).toEqual({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/sales',
      rawQueryString: 'key=a+b',
      headers: {
        host: 'routes-verify.lambda-url.local',
        'x-forwarded-proto': 'https',
        'content-type': 'application/json',
        'user-agent': 'ringostat HTTP Client v1.1',
      },
      queryStringParameters: { key: 'a b' },
      body: '{"caller":"380441112233"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: 'anonymous',
        apiId: 'routes-verify',
        domainName: 'routes-verify.lambda-url.local',
        domainPrefix: 'routes-verify',
        requestId: event.requestContext.requestId,
        routeKey: '$default',
        stage: '$default',
        timeEpoch: 1764000000000,
        http: {
          method: 'POST',
          path: '/sales',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'ringostat HTTP Client v1.1',
        },
      },
    });
  });

  it('leaves out the query parameters and body when there are none, as AWS does', () => {
    const event = functionUrlEvent({ method: 'GET', path: '/healthz' });
    expect(event.rawQueryString).toBe('');
    expect('queryStringParameters' in event).toBe(false);
    expect('body' in event).toBe(false);
  });
});

describe('invokeUrl', () => {
  it.each([
    [
      '/plain',
      'a result without statusCode as a JSON 200',
      { 'content-type': 'application/json' },
      '{"dst_phone":"380441111111"}',
    ],
    ['/string', 'a string result as its own body', { 'content-type': 'application/json' }, 'hello'],
    [
      '/base64',
      'a base64 body decoded, header names lower-cased',
      { 'x-route-rule': 'vip' },
      '{"schema":111}',
    ],
  ])('reads %s: %s', async (path, _, headers, body) => {
    const out = await invokeUrl(client, 'shapes', 'live', { method: 'GET', path });
    expect(out).toEqual({ version: '1', status: 200, headers, body });
  });
});
