import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBody, isText, readBody, toEvent } from '../../src/server/to-event.ts';
import type { FunctionUrlEvent } from '../../src/webhook/event.ts';

// 2026-11-24 10:00:00 UTC: requestContext.time is derived from it.
const NOW = 1_795_514_400_000;

let server: Server;
let port: number;
let last: FunctionUrlEvent;

beforeAll(async () => {
  // The event is captured on a real node:http server, so raw headers, repeats and framing are
  // exactly what Node hands the local server.
  server = createServer(async (req, res) => {
    last = toEvent(req, hasBody(req) ? await readBody(req) : Buffer.alloc(0), NOW);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string | string[]>;
  body?: Buffer | string;
}

/** Sends one request and returns the event the server built for it. */
function capture(sent: Sent): Promise<FunctionUrlEvent> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: sent.method ?? 'GET',
        path: sent.path ?? '/sales',
        headers: sent.headers,
      },
      (res) => {
        res.resume().on('end', () => resolve(last));
      },
    );
    req.on('error', reject);
    req.end(sent.body);
  });
}

describe('toEvent', () => {
  it('builds the whole payload 2.0 event for a plain GET', async () => {
    const event = await capture({
      path: '/sales?caller=380441112233',
      headers: { 'User-Agent': 'ringostat HTTP Client v1.1' },
    });
    expect(event).toEqual({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/sales',
      rawQueryString: 'caller=380441112233',
      headers: {
        'user-agent': 'ringostat HTTP Client v1.1',
        host: `127.0.0.1:${port}`,
        connection: 'keep-alive',
      },
      queryStringParameters: { caller: '380441112233' },
      requestContext: {
        accountId: 'anonymous',
        apiId: '127',
        domainName: `127.0.0.1:${port}`,
        domainPrefix: '127',
        requestId: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        ),
        routeKey: '$default',
        stage: '$default',
        time: '24/Nov/2026:10:00:00 +0000',
        timeEpoch: NOW,
        http: {
          method: 'GET',
          path: '/sales',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'ringostat HTTP Client v1.1',
        },
      },
      isBase64Encoded: false,
    });
  });

  it.each(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'passes the %s method through',
    async (method) => {
      const event = await capture({ method });
      expect(event.requestContext.http.method).toBe(method);
    },
  );

  it.each([
    ['/sales', '/sales'],
    ['/sales/', '/sales/'],
    ['/', '/'],
    ['/a%20b/c', '/a%20b/c'],
  ])('keeps the path %s as sent', async (path, rawPath) => {
    const event = await capture({ path });
    expect([event.rawPath, event.requestContext.http.path]).toEqual([rawPath, rawPath]);
  });

  it('keeps the raw query string and decodes the parameters, joining repeats with commas', async () => {
    const event = await capture({
      path: '/sales?tag=a&caller=%2B380441112233&tag=b&empty=&date=2026-11-24+10%3A00',
    });
    expect(event.rawQueryString).toBe(
      'tag=a&caller=%2B380441112233&tag=b&empty=&date=2026-11-24+10%3A00',
    );
    expect(event.queryStringParameters).toEqual({
      tag: 'a,b',
      caller: '+380441112233',
      empty: '',
      date: '2026-11-24 10:00',
    });
  });

  it('leaves queryStringParameters out when there is no query string', async () => {
    const event = await capture({ path: '/sales?' });
    expect(event.rawQueryString).toBe('');
    expect('queryStringParameters' in event).toBe(false);
  });

  it('lower-cases header names and joins repeated headers with commas', async () => {
    const event = await capture({
      headers: { 'X-Caller': '380441112233', 'X-Tag': ['a', 'b'], Accept: 'text/plain' },
    });
    expect(event.headers).toMatchObject({
      'x-caller': '380441112233',
      'x-tag': 'a,b',
      accept: 'text/plain',
    });
  });

  it('moves cookies out of the headers into the cookies array', async () => {
    const event = await capture({ headers: { Cookie: ['a=1; b=2', 'c=3'] } });
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(event.headers.cookie).toBeUndefined();
  });

  it('leaves cookies out when the request has none', async () => {
    expect('cookies' in (await capture({}))).toBe(false);
  });

  it.each([
    ['application/json', '{"caller":"380441112233"}'],
    ['application/json; charset=utf-8', '{"caller":"Київ"}'],
    ['application/x-www-form-urlencoded', 'caller=380441112233'],
    ['text/plain', 'caller=380441112233'],
    ['application/xml', '<caller>380441112233</caller>'],
    ['application/javascript', 'call()'],
  ])('passes a %s body as text', async (type, body) => {
    const event = await capture({ method: 'POST', headers: { 'Content-Type': type }, body });
    expect([event.body, event.isBase64Encoded]).toEqual([body, false]);
  });

  it.each([['application/octet-stream'], ['image/png'], ['application/pdf']])(
    'passes a %s body as base64',
    async (type) => {
      const body = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x7b]);
      const event = await capture({ method: 'POST', headers: { 'Content-Type': type }, body });
      expect([event.body, event.isBase64Encoded]).toEqual(['AAEC//57', true]);
    },
  );

  it('passes a body without a content type as base64', async () => {
    const event = await capture({ method: 'POST', body: 'caller=1' });
    expect([event.body, event.isBase64Encoded]).toEqual(['Y2FsbGVyPTE=', true]);
  });

  it('leaves the body out when there is none', async () => {
    const event = await capture({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '0' },
    });
    expect(['body' in event, event.isBase64Encoded]).toEqual([false, false]);
  });

  it('reads a chunked body', async () => {
    const event = await capture({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: '{"caller":"380441112233"}',
    });
    expect(event.body).toBe('{"caller":"380441112233"}');
  });

  it('keeps one byte over 64 KiB of a larger body, so the handler can answer 413', async () => {
    const event = await capture({
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x'.repeat(70 * 1024),
    });
    expect(event.body).toBe('x'.repeat(64 * 1024 + 1));
  });

  it('keeps a body of exactly 64 KiB whole', async () => {
    const event = await capture({
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'y'.repeat(64 * 1024),
    });
    expect(event.body).toBe('y'.repeat(64 * 1024));
  });
});

describe('isText', () => {
  it.each([
    ['text/plain', true],
    ['TEXT/CSV', true],
    ['application/json', true],
    [' Application/JSON ; charset=utf-8', true],
    ['application/x-www-form-urlencoded', true],
    ['application/xml', true],
    ['application/javascript', true],
    ['application/octet-stream', false],
    ['application/vnd.api+json', false],
    ['multipart/form-data; boundary=x', false],
    [undefined, false],
  ])('says %s is text: %s', (type, text) => {
    expect(isText(type)).toBe(text);
  });
});
