import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionUrlEvent } from '../../src/webhook/event.ts';
import { createHandler } from '../../src/webhook/handler.ts';
import { type LoadedRoutes, loadRoutesDir } from '../../src/webhook/routes-dir.ts';
import { type BuiltArtifact, buildExample, SECURE_KEY, SECURE_YAML } from '../support/artifact.ts';

const sample = readFileSync('test/fixtures/events/ringostat-sample-call.json', 'utf8');
const NOW = Date.parse('2026-11-24T08:00:00Z'); // Tuesday 10:00 in Kyiv
let artifact: BuiltArtifact;
let routes: LoadedRoutes;
let lines: string[];
let handle: (e: FunctionUrlEvent) => ReturnType<ReturnType<typeof createHandler>>;

beforeAll(async () => {
  artifact = await buildExample({ 'secure.yaml': SECURE_YAML });
  routes = loadRoutesDir(artifact.dir);
  lines = [];
  handle = createHandler(routes, { log: (l) => lines.push(l), now: () => NOW });
});
afterAll(() => artifact.cleanup());

function request(
  path: string,
  o: {
    method?: string;
    query?: string;
    body?: string;
    type?: string;
    base64?: boolean;
    headers?: Record<string, string>;
  } = {},
): FunctionUrlEvent {
  const headers: Record<string, string> = {
    'user-agent': 'ringostat HTTP Client v1.1',
    ...o.headers,
  };
  if (o.type) headers['content-type'] = o.type;
  const event: FunctionUrlEvent = {
    version: '2.0',
    rawPath: path,
    rawQueryString: o.query ?? '',
    headers,
    isBase64Encoded: o.base64 ?? false,
    requestContext: {
      timeEpoch: NOW,
      http: {
        method: o.method ?? 'GET',
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '10.0.0.1',
        userAgent: 'ringostat HTTP Client v1.1',
      },
    },
  };
  if (o.body !== undefined) event.body = o.base64 ? Buffer.from(o.body).toString('base64') : o.body;
  return event;
}

const JSON_TYPE = 'application/json';
const VIP = 'caller=380931234567';

describe('createHandler answers', () => {
  it.each([
    ['a query string (send type http)', request('/sales', { query: VIP })],
    [
      'a JSON body (send type json)',
      request('/sales', { method: 'POST', type: JSON_TYPE, body: '{"caller":"380931234567"}' }),
    ],
    [
      'a form body',
      request('/sales', { method: 'POST', type: 'application/x-www-form-urlencoded', body: VIP }),
    ],
    [
      'a base64 JSON body',
      request('/sales', {
        method: 'POST',
        type: JSON_TYPE,
        body: '{"caller":"380931234567"}',
        base64: true,
      }),
    ],
    [
      'a JSON-RPC body',
      request('/sales', {
        method: 'POST',
        type: JSON_TYPE,
        body: '{"jsonrpc":"2.0","method":"r","params":{"caller":"380931234567"},"id":3}',
      }),
    ],
    ['an x- header', request('/sales', { headers: { 'x-caller': '380931234567' } })],
  ])('the VIP caller from %s', (_how, event) => {
    const res = handle(event);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"dst_phone":"380441111199"}');
    expect(res.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-route-rule': 'vip',
      'x-table-hash': artifact.tableHash,
    });
  });

  it.each(['GET', 'POST', 'PUT', 'DELETE'])('%s alike', (method) => {
    expect(handle(request('/sales', { method, query: 'caller=380441112233' })).body).toBe(
      '{"schema":111}',
    );
  });

  it('the sample call with the default (a JSON body, no rule matches at its date)', () => {
    const res = handle(request('/sales', { method: 'POST', type: JSON_TYPE, body: sample }));
    expect([res.statusCode, res.body, res.headers['x-route-rule']]).toEqual([
      200,
      '{"schema":111}',
      'blocked',
    ]);
  });

  it('json-rpc webhooks with the request id and the configured field', () => {
    const body =
      '{"jsonrpc":"2.0","method":"route","params":{"caller":"77011234567","date":"2026-11-24 09:00:00"},"id":"a1"}';
    const res = handle(request('/support', { method: 'POST', type: JSON_TYPE, body }));
    expect(res.body).toBe('{"jsonrpc":"2.0","id":"a1","result":{"dst_callee":"77272001122"}}');
  });

  it('the default when the body is not JSON at all', () => {
    const res = handle(
      request('/sales', { method: 'POST', type: JSON_TYPE, body: '{"caller": 38044' }),
    );
    expect([res.statusCode, res.body, res.headers['x-route-rule']]).toEqual([
      200,
      '{"schema":26076}',
      'default',
    ]);
  });
});

describe('createHandler status codes', () => {
  it('404 for an unknown webhook, with no routing data', () => {
    expect(handle(request('/nope', { query: VIP }))).toEqual({
      statusCode: 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"error":"unknown webhook"}',
    });
  });

  it.each(['PATCH', 'HEAD', 'OPTIONS'])('405 for %s', (method) => {
    const res = handle(request('/sales', { method }));
    expect([res.statusCode, res.headers.allow]).toEqual([405, 'GET, POST, PUT, DELETE']);
  });

  it('413 for a body over 64 KiB, 200 at exactly 64 KiB', () => {
    const big = (n: number) => `caller=1&x=${'a'.repeat(n - 11)}`;
    expect(handle(request('/sales', { method: 'POST', body: big(64 * 1024 + 1) })).statusCode).toBe(
      413,
    );
    expect(handle(request('/sales', { method: 'POST', body: big(64 * 1024) })).statusCode).toBe(
      200,
    );
  });

  // 64 KiB is 1 mod 3: the sizes around it cover base64 with no, one and two `=` of padding.
  it.each([
    [64 * 1024 - 2, '=', 200],
    [64 * 1024 - 1, '', 200],
    [64 * 1024, '==', 200],
    [64 * 1024 + 1, '=', 413],
    [64 * 1024 + 2, '', 413],
    [64 * 1024 + 3, '==', 413],
  ])('answers a base64 body of %i decoded bytes (padding "%s") with %i', (bytes, pad, status) => {
    const event = request('/sales', {
      method: 'POST',
      body: `caller=1&x=${'a'.repeat(bytes - 11)}`,
      base64: true,
    });
    expect([event.body!.replace(/[^=]/g, ''), handle(event).statusCode]).toEqual([pad, status]);
  });

  it('GET /healthz serves the manifest', () => {
    const res = handle(request('/healthz'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual(routes.manifest);
    expect(routes.manifest).toMatchObject({ tableHash: artifact.tableHash, schemaVersion: 1 });
  });

  it.each([
    ['no key', request('/secure', { query: 'caller=380671112233' }), 403],
    ['a wrong key', request('/secure', { query: 'caller=380671112233&key=nope' }), 403],
    [
      'the key in the query',
      request('/secure', { query: `caller=380671112233&key=${SECURE_KEY}` }),
      200,
    ],
    [
      'the key in a JSON body',
      request('/secure', {
        method: 'POST',
        type: JSON_TYPE,
        body: `{"caller":"380671112233","key":"${SECURE_KEY}"}`,
      }),
      200,
    ],
    [
      'the key in x-route-key',
      request('/secure', { query: 'caller=380671112233', headers: { 'x-route-key': SECURE_KEY } }),
      200,
    ],
  ])('auth: %s', (_how, event, status) => {
    const res = handle(event);
    expect(res.statusCode).toBe(status);
    expect(res.body).toBe(
      status === 200 ? '380441111199,sip/vip@pbx.example.com' : '{"error":"forbidden"}',
    );
  });
});

describe('createHandler on faults', () => {
  it('answers the default and logs the fault when a rule throws', () => {
    // rules[1] is "vip", the rule the VIP caller's anchor leads to.
    const table = routes.tables.get('sales')!;
    const original = table.rules[1]!.checks[0]!;
    table.rules[1]!.checks[0] = () => {
      throw new Error('boom');
    };
    lines.length = 0;
    try {
      const res = handle(request('/sales', { query: VIP }));
      expect([res.statusCode, res.body, res.headers['x-route-rule']]).toEqual([
        200,
        '{"schema":26076}',
        'default',
      ]);
    } finally {
      table.rules[1]!.checks[0] = original;
    }
    const log = JSON.parse(lines[0]!);
    expect(log).toMatchObject({
      level: 'error',
      webhook: 'sales',
      rule: 'default',
      error: 'Error: boom',
      Fault: 1,
      FunctionName: 'local',
      Webhook: 'sales',
    });
    expect(log._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'RingostatRouter',
      Dimensions: [['FunctionName', 'Webhook'], ['FunctionName']],
    });
  });

  it('never answers routing data to a request that failed auth, even when reading it fails', () => {
    const event = request('/secure', { query: 'caller=380671112233' });
    Object.defineProperty(event, 'headers', {
      get: () => {
        throw new Error('unreadable');
      },
    });
    expect(handle(event).statusCode).toBe(403);
  });
});

describe('decision log', () => {
  it('writes one JSON line per decision with the masked caller, rule, kind, latency and hash', () => {
    lines.length = 0;
    handle(request('/sales', { query: 'caller=380441112233' }));
    expect(lines).toHaveLength(1);
    const log = JSON.parse(lines[0]!);
    expect(log).toMatchObject({
      level: 'info',
      msg: 'decision',
      webhook: 'sales',
      status: 200,
      rule: 'blocked',
      answer: 'schema',
      tableHash: artifact.tableHash,
      caller: '380*******33',
    });
    expect(typeof log.latencyMs).toBe('number');
    expect(lines[0]).not.toContain('380441112233');
  });

  it('stamps every line with the call time as an RFC 3339 timestamp, so Lambda honours its level', () => {
    lines.length = 0;
    handle(request('/sales', { query: 'caller=380441112233' }));
    handle(request('/secure', { query: 'caller=380441112233' }));
    expect(lines.map((l) => JSON.parse(l).timestamp)).toEqual([
      '2026-11-24T08:00:00.000Z',
      '2026-11-24T08:00:00.000Z',
    ]);
  });

  it('names the function in the metrics, from AWS_LAMBDA_FUNCTION_NAME or the options', () => {
    const seen: string[] = [];
    const staging = createHandler(routes, {
      log: (l) => seen.push(l),
      now: () => NOW,
      functionName: 'ringostat-router-staging',
    });
    staging(request('/sales', { query: 'caller=380671234567&date=2026-11-24%2023:00:00' }));
    expect(JSON.parse(seen[0]!)).toMatchObject({
      FunctionName: 'ringostat-router-staging',
      DefaultAnswer: 1,
    });
  });

  it('counts default answers for the alarm', () => {
    lines.length = 0;
    handle(request('/sales', { query: 'caller=380671234567&date=2026-11-24%2023:00:00' }));
    expect(JSON.parse(lines[0]!)).toMatchObject({ rule: 'default', DefaultAnswer: 1, Fault: 0 });
  });
});
