import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FunctionUrlEvent } from '../../src/webhook/event.ts';
import { parseRequest } from '../../src/webhook/params.ts';
import { event, FORM_TYPE, JSON_TYPE, type Parts } from './request-events.ts';

const fixtures = new URL('../fixtures/events/', import.meta.url);
const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));
const sample = readFixture('ringostat-sample-call.json') as Record<string, string>;
const FIXTURE_KEY = 'Xq3tK9vN2bWm7pLr5sYc8dHf4jZa6eGu1oTi0wQxVkE';
const call = { caller: '380441112233', source: 'google' };
const callJson = JSON.stringify(call);
const callForm = 'caller=380441112233&source=google';
const rpcBody = (id: unknown) =>
  JSON.stringify({ jsonrpc: '2.0', method: 'route', params: call, id });

describe('parseRequest', () => {
  it.each<[string, Parts]>([
    ['a query string', { method: 'GET', query: callForm }],
    ['a form body', { headers: FORM_TYPE, body: callForm }],
    ['a form body sent without a content type', { body: callForm }],
    ['a form body sent as application/json', { headers: JSON_TYPE, body: callForm }],
    ['a JSON body', { headers: JSON_TYPE, body: callJson }],
    [
      'a JSON body sent as text/plain',
      { headers: { 'content-type': 'text/plain' }, body: callJson },
    ],
    ['a JSON body with blanks around it', { body: `\r\n\t ${callJson} \n` }],
    ['a JSON body after a byte order mark', { body: `\uFEFF${callJson}` }],
    ['a JSON-RPC body', { headers: JSON_TYPE, body: rpcBody(1) }],
    ['a base64 JSON body', { headers: JSON_TYPE, body: callJson, base64: true }],
    ['a base64 form body', { headers: FORM_TYPE, body: callForm, base64: true }],
    ['bare headers', { headers: { caller: '380441112233', source: 'google' } }],
    ['x- prefixed headers', { headers: { 'x-caller': '380441112233', 'x-source': 'google' } }],
    ['mixed-case headers', { headers: { 'X-Caller': '380441112233', Source: 'google' } }],
  ])('reads the call from %s', (_, parts) => {
    expect(parseRequest(event(parts)).params).toEqual(call);
  });

  it('reads queryStringParameters when there is no rawQueryString', () => {
    const e = {
      ...event({ method: 'GET' }),
      rawQueryString: undefined,
    } as unknown as FunctionUrlEvent;
    e.queryStringParameters = { caller: '380441112233', source: 'google', key: 'k' };
    expect(parseRequest(e)).toEqual({ params: call, key: 'k', rpc: false, rpcId: null });
  });

  it.each([
    ['fixture sample-json.json', false, null],
    ['fixture sample-http-query.json', false, null],
    ['fixture sample-form.json', false, null],
    ['fixture sample-base64.json', false, null],
    ['fixture sample-json-rpc.json', true, 17],
  ])('reads the Ringostat sample call from %s', (name, rpc, rpcId) => {
    const e = readFixture(name.slice('fixture '.length)) as FunctionUrlEvent;
    expect(parseRequest(e)).toEqual({ params: sample, key: FIXTURE_KEY, rpc, rpcId });
  });

  it('returns the sample call sent as a JSON body value for value', () => {
    const { params } = parseRequest(event({ headers: JSON_TYPE, body: JSON.stringify(sample) }));
    expect(Object.entries(params)).toEqual(Object.entries(sample));
  });

  it.each(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])(
    'reads %s requests the same way',
    (method) => {
      const parsed = parseRequest(event({ method, query: 'key=k&medium=cpc', body: callJson }));
      expect(parsed).toEqual({
        params: { ...call, medium: 'cpc' },
        key: 'k',
        rpc: false,
        rpcId: null,
      });
    },
  );

  it.each<[string, unknown, string | number | null]>([
    ['a number id', 17, 17],
    ['a string id', 'req-1', 'req-1'],
    ['a fractional id', 1.5, 1.5],
    ['a null id', null, null],
    ['an object id', { n: 1 }, null],
    ['no id', undefined, null],
  ])('reads a JSON-RPC request with %s', (_, id, rpcId) => {
    expect(parseRequest(event({ body: rpcBody(id) }))).toEqual({
      params: call,
      key: null,
      rpc: true,
      rpcId,
    });
  });

  it.each([
    ['params that are an array', '{"jsonrpc":"2.0","method":"m","params":["380441112233"],"id":3}'],
    ['no params', '{"jsonrpc":"2.0","method":"m","id":3}'],
  ])('marks a JSON-RPC request with %s as rpc without parameters', (_, body) => {
    expect(parseRequest(event({ body }))).toEqual({ params: {}, key: null, rpc: true, rpcId: 3 });
  });

  it('does not take JSON-RPC envelope members for parameters', () => {
    const { params } = parseRequest(event({ body: rpcBody(5) }));
    expect(Object.keys(params)).toEqual(['caller', 'source']);
  });

  it.each([
    'host',
    'user-agent',
    'content-type',
    'content-length',
    'content-encoding',
    'connection',
    'accept',
    'accept-encoding',
    'accept-language',
    'authorization',
    'cookie',
    'date',
    'expect',
    'origin',
    'referer',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'via',
    'forwarded',
    'keep-alive',
    'cache-control',
    'pragma',
    'if-none-match',
    'if-modified-since',
    'range',
    'x-amzn-trace-id',
    'x-amzn-tls-version',
    'x-amz-date',
    'x-forwarded-for',
    'x-forwarded-proto',
    'x-real-ip',
    'x-request-id',
    'traceparent',
    'tracestate',
    'x-route-key',
    'sec-fetch-mode',
    'Content-Type',
  ])('never takes the %s header for a parameter', (name) => {
    expect(parseRequest(event({ headers: { [name]: 'v' } })).params).toEqual({});
  });

  it.each([
    ['bare first', { caller: 'bare', 'x-caller': 'prefixed' }],
    ['prefixed first', { 'x-caller': 'prefixed', caller: 'bare' }],
  ])('prefers the x- header over the bare one (%s)', (_, headers) => {
    expect(parseRequest(event({ headers })).params).toEqual({ caller: 'prefixed' });
  });

  it.each<[string, Parts, Record<string, string>]>([
    [
      'a JSON body over the query',
      { query: 'caller=q&medium=q', body: '{"caller":"b"}' },
      { caller: 'b', medium: 'q' },
    ],
    [
      'a form body over the query',
      { query: 'caller=q&medium=q', body: 'caller=b' },
      { caller: 'b', medium: 'q' },
    ],
    [
      'JSON-RPC params over the query',
      { query: 'caller=q', body: '{"jsonrpc":"2.0","params":{"caller":"b"}}' },
      { caller: 'b' },
    ],
    [
      'the query over headers',
      { query: 'caller=q', headers: { 'x-caller': 'h', medium: 'h' } },
      { caller: 'q', medium: 'h' },
    ],
    [
      'a body over headers',
      { body: 'caller=b', headers: { 'x-caller': 'h', 'x-medium': 'h' } },
      { caller: 'b', medium: 'h' },
    ],
    [
      'all three together',
      {
        query: 'caller=q&medium=q&term=q',
        body: '{"caller":"b"}',
        headers: { 'x-caller': 'h', 'x-medium': 'h', 'x-pool': 'h' },
      },
      { caller: 'b', medium: 'q', term: 'q', pool: 'h' },
    ],
  ])('ranks %s', (_, parts, params) => {
    expect(parseRequest(event(parts)).params).toEqual(params);
  });
});
