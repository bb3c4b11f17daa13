import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { buildCall, type CallOptions, run } from '../../src/cli/call.ts';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../support/aws-cli.ts';
import { type LocalServer, startLocalServer } from '../support/local-server.ts';

const RINGOSTAT = { 'User-Agent': 'ringostat HTTP Client v1.1', Connection: 'close' };

describe('buildCall', () => {
  it('puts http parameters in the query string of a GET', () => {
    expect(
      buildCall(
        'http://127.0.0.1:8787/sales',
        { caller: '+380441112233', date: '2026-11-24 10:00:00' },
        { send: 'http' },
      ),
    ).toEqual({
      url: 'http://127.0.0.1:8787/sales?caller=%2B380441112233&date=2026-11-24+10%3A00%3A00',
      method: 'GET',
      headers: RINGOSTAT,
    });
  });

  it('keeps http parameters in the query string whatever the method', () => {
    expect(
      buildCall('http://h/sales', { caller: '1' }, { send: 'http', method: 'delete' }),
    ).toEqual({
      url: 'http://h/sales?caller=1',
      method: 'DELETE',
      headers: RINGOSTAT,
    });
  });

  it('POSTs json parameters as a flat object and leaves key in the query string', () => {
    expect(
      buildCall(
        'http://h/sales?x=1',
        { caller: '380441112233', key: 'k y', callnum: '3' },
        { send: 'json' },
      ),
    ).toEqual({
      url: 'http://h/sales?x=1&key=k+y',
      method: 'POST',
      headers: { ...RINGOSTAT, 'Content-Type': 'application/json' },
      body: '{"caller":"380441112233","callnum":"3"}',
    });
  });

  it.each([
    [undefined, '{"jsonrpc":"2.0","method":"route","params":{"caller":"1"},"id":1}'],
    ['getRoute', '{"jsonrpc":"2.0","method":"getRoute","params":{"caller":"1"},"id":1}'],
  ])(
    'POSTs json-rpc parameters as params of a JSON-RPC 2.0 call (--rpc-method %s)',
    (rpcMethod, body) => {
      expect(
        buildCall('http://h/support', { caller: '1', key: 'k' }, { send: 'json-rpc', rpcMethod }),
      ).toEqual({
        url: 'http://h/support?key=k',
        method: 'POST',
        headers: { ...RINGOSTAT, 'Content-Type': 'application/json' },
        body,
      });
    },
  );

  it('lets --header replace a default header whatever its case and add others', () => {
    const call = buildCall(
      'http://h/sales',
      {},
      { send: 'http', headers: ['user-agent: curl/8', 'X-Caller:  380441112233 '] },
    );
    expect(call.headers).toEqual({
      Connection: 'close',
      'user-agent': 'curl/8',
      'X-Caller': '380441112233',
    });
  });

  it.each<[string, CallOptions, string]>([
    [
      'not a url',
      { send: 'http' },
      '"not a url" is not a URL (expected e.g. http://127.0.0.1:8787/sales)',
    ],
    ['ftp://h/sales', { send: 'http' }, '"ftp://h/sales" is not an http(s) URL'],
    [
      'http://h/s',
      { send: 'http', method: 'FETCH' },
      '--method must be one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, got "FETCH"',
    ],
    [
      'http://h/s',
      { send: 'json', method: 'GET' },
      '--send json needs a body, which GET cannot carry',
    ],
    [
      'http://h/s',
      { send: 'http', headers: ['no colon'] },
      `--header expects 'Name: value', got "no colon"`,
    ],
  ])('rejects %s with %j', (url, options, message) => {
    expect(() => buildCall(url, {}, options)).toThrow(new UsageError(message));
  });
});

describe('routes call against the local server', () => {
  let local: LocalServer;
  let base: string;
  beforeAll(async () => {
    local = await startLocalServer();
    base = local.server.url;
  });
  afterAll(() => local.stop());

  // Each send type against each answer format of the example routes: sales answers json with
  // dst_phone, support answers json-rpc with dst_callee. The date pins office hours.
  it.each([
    ['sales', 'http', ['caller=380441112233'], 'blocked', '{"schema":111}'],
    ['sales', 'json', ['caller=380931234567'], 'vip', '{"dst_phone":"380441111199"}'],
    [
      'sales',
      'json-rpc',
      ['caller=380447654321', 'date=2026-11-24 10:00:00'],
      'kyiv-office-hours',
      '{"dst_phone":"380441111111,380441111112"}',
    ],
    [
      'sales',
      'json',
      ['caller=380447654321', 'date=2026-12-25 10:00:00'],
      'default',
      '{"schema":26076}',
    ],
    [
      'support',
      'http',
      [
        'caller=380671234567',
        'lastpage=https://example.com/pricing?plan=pro',
        'date=2026-11-24 09:00:00',
      ],
      'from-pricing-page',
      '{"jsonrpc":"2.0","id":null,"result":{"schema":30001}}',
    ],
    [
      'support',
      'json',
      ['caller=380671234567', 'ivrnum=2'],
      'ivr-billing',
      '{"jsonrpc":"2.0","id":null,"result":{"dst_callee":"380441110002,380441110003"}}',
    ],
    [
      'support',
      'json-rpc',
      ['caller=77011234567'],
      'kazakhstan',
      '{"jsonrpc":"2.0","id":1,"result":{"dst_callee":"77272001122"}}',
    ],
    [
      'support',
      'http',
      ['caller=380671234567', 'date=2026-11-24 09:00:00'],
      'default',
      '{"jsonrpc":"2.0","id":null,"result":{"dst_callee":"380441110000"}}',
    ],
  ])('%s over %s %j answers rule %s with %s', async (webhook, send, pairs, rule, body) => {
    const result = await runCli(run, [`${base}/${webhook}`, ...pairs, '--send', send]);
    expect(result).toEqual({ code: 0, stdout: `200 OK  rule=${rule}\n${body}\n`, stderr: '' });
  });

  it('answers an unknown webhook 404 and exits 1', async () => {
    expect(await runCli(run, [`${base}/nope`, 'caller=1'])).toEqual({
      code: 1,
      stdout: '404 Not Found\n{"error":"unknown webhook"}\n',
      stderr: '',
    });
  });

  it('goes through `routes <command>` dispatch', async () => {
    const result = await runCli(main, [
      'call',
      `${base}/sales`,
      'caller=380441112233',
      '--timeout',
      '4000',
    ]);
    expect(result).toEqual({
      code: 0,
      stdout: '200 OK  rule=blocked\n{"schema":111}\n',
      stderr: '',
    });
  });
});

describe('what routes call sends', () => {
  let server: Server;
  let base: string;
  let seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req
        .on('data', (c) => (body += c))
        .on('end', () => {
          seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
          if (req.url?.startsWith('/slow')) return; // never answers
          res
            .writeHead(req.url?.startsWith('/fail') ? 503 : 200, { 'content-type': 'text/plain' })
            .end('ok');
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the headers and body Ringostat sends for json-rpc', async () => {
    seen = [];
    const result = await runCli(run, [
      `${base}/support`,
      'caller=380441112233',
      'key=s3cret',
      '--send',
      'json-rpc',
      '--rpc-method',
      'getRoute',
    ]);
    expect(result).toEqual({ code: 0, stdout: '200 OK\nok\n', stderr: '' });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/support?key=s3cret',
        headers: expect.objectContaining({
          'user-agent': 'ringostat HTTP Client v1.1',
          'content-type': 'application/json',
          connection: 'close',
        }),
        body: '{"jsonrpc":"2.0","method":"getRoute","params":{"caller":"380441112233"},"id":1}',
      },
    ]);
  });

  it('sends http parameters as a query string without a body or content type', async () => {
    seen = [];
    await runCli(run, [`${base}/sales`, 'caller=380441112233', '--header', 'X-Ivrnum: 2']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/sales?caller=380441112233', body: '' });
    expect(seen[0]!.headers).toMatchObject({
      'user-agent': 'ringostat HTTP Client v1.1',
      connection: 'close',
      'x-ivrnum': '2',
    });
    expect(seen[0]!.headers['content-type']).toBeUndefined();
  });

  it('exits 1 on a non-2xx answer', async () => {
    expect(await runCli(run, [`${base}/fail`])).toEqual({
      code: 1,
      stdout: '503 Service Unavailable\nok\n',
      stderr: '',
    });
  });

  it('gives up after --timeout and says so, without printing the key', async () => {
    const result = await runCli(run, [`${base}/slow`, 'key=s3cret', '--timeout', '200']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `call: no answer from ${base}/slow within 200 ms\n`,
    });
  });

  it('says when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runCli(run, [`http://127.0.0.1:${port}/sales`, 'caller=1']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `call: cannot reach http://127.0.0.1:${port}/sales: connection refused — is \`npm start\` running?\n`,
    });
  });
});

describe('routes call usage', () => {
  it.each([
    [[], 'missing <url>, e.g. http://127.0.0.1:8787/sales'],
    [['http://h/s', 'caller'], 'expected key=value, got "caller"'],
    [['http://h/s', '--send', 'xml'], '--send must be one of http, json, json-rpc, got "xml"'],
    [
      ['http://h/s', '--timeout', '0'],
      '--timeout must be a positive number of milliseconds, got "0"',
    ],
    [
      ['http://h/s', '--verbose', 'x'],
      'unknown option --verbose (known: --routes, --send, --method, --header, --rpc-method, --timeout)',
    ],
  ])('rejects %j', async (argv, message) => {
    await expect(run(argv)).rejects.toThrow(new UsageError(message));
  });

  it('exits 2 with the message on a usage error', async () => {
    expect(await runCli(main, ['call', 'http://h/s', '--send', 'xml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'routes call: --send must be one of http, json, json-rpc, got "xml"\n',
    });
  });
});
