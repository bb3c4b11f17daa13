import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FunctionUrlEvent } from '../../src/webhook/event.ts';
import { parseRequest } from '../../src/webhook/params.ts';
import { event, JSON_TYPE, type Parts } from './request-events.ts';

describe('parseRequest with malformed input', () => {
  const junk = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3, 0x28, 0x3d, 0x26, 0x80, 0x25]);
  it.each<[string, Parts, Record<string, string>]>([
    ['an empty body', { query: 'caller=1', body: '' }, { caller: '1' }],
    ['a blank body', { query: 'caller=1', body: ' \n ' }, { caller: '1' }],
    ['invalid JSON', { query: 'caller=1', body: '{"caller":"2",' }, { caller: '1' }],
    ['a JSON array', { query: 'caller=1', body: '[{"caller":"2"}]' }, { caller: '1' }],
    ['a JSON string holding a form', { query: 'caller=1', body: '"caller=2"' }, { caller: '1' }],
    ['JSON null', { query: 'caller=1', headers: JSON_TYPE, body: 'null' }, { caller: '1' }],
    ['a JSON number', { query: 'caller=1', body: '42' }, { caller: '1' }],
    [
      'nested objects',
      { body: '{"caller":{"n":"2"},"callee":[1,2],"source":"google"}' },
      { source: 'google' },
    ],
    [
      'a deeply nested body',
      { body: `{"source":"google","x":${'['.repeat(100000)}${']'.repeat(100000)}}` },
      { source: 'google' },
    ],
    [
      'a 64 KiB value',
      { body: JSON.stringify({ caller: '1'.repeat(65536) }) },
      { caller: '1'.repeat(65536) },
    ],
    ['a lone surrogate', { body: '{"caller":"\\ud800"}' }, { caller: '\ud800' }],
  ])('reads what it can from %s', (_, parts, params) => {
    const parsed = parseRequest(event(parts));
    expect(parsed.params).toEqual(params);
  });

  it('reads a __proto__ parameter as an own property, not a prototype', () => {
    const { params } = parseRequest(event({ body: '{"__proto__":"x","caller":"1"}' }));
    expect(Object.entries(params)).toEqual([
      ['__proto__', 'x'],
      ['caller', '1'],
    ]);
  });

  it.each<[string, Parts]>([
    ['a query', { query: '__proto__=x', body: '{"caller":"1"}' }],
    ['an x- header', { headers: { 'x-__proto__': 'x' }, body: '{"caller":"1"}' }],
  ])('keeps a __proto__ parameter from %s under a JSON body', (_, parts) => {
    const { params } = parseRequest(event(parts));
    expect(Object.entries(params)).toEqual([
      ['caller', '1'],
      ['__proto__', 'x'],
    ]);
  });

  it('reads nothing from invalid base64', () => {
    const e = { ...event({ body: 'x' }), body: '!!!*** not base64 ***', isBase64Encoded: true };
    expect(parseRequest(e)).toEqual({ params: {}, key: null, rpc: false, rpcId: null });
  });

  it('reads binary junk as a form without throwing', () => {
    const e = { ...event({ body: 'x' }), body: junk.toString('base64'), isBase64Encoded: true };
    // The bytes decode to U+FFFD U+FFFD NUL { " U+FFFD ( = & U+FFFD %: a `=`, so a form.
    const params = { '\uFFFD\uFFFD\u0000{"\uFFFD(': '', '\uFFFD%': '' };
    expect(parseRequest(e)).toEqual({ params, key: null, rpc: false, rpcId: null });
  });

  it.each<[string, unknown]>([
    ['an empty object', {}],
    [
      'null headers and a numeric body',
      { headers: null, body: 42, rawQueryString: 7, isBase64Encoded: true },
    ],
    [
      'a body getter that throws',
      Object.defineProperty(event({}), 'body', {
        get: () => {
          throw new Error('boom');
        },
      }),
    ],
  ])('answers no parameters for %s', (_, e) => {
    expect(parseRequest(e as FunctionUrlEvent)).toEqual({
      params: {},
      key: null,
      rpc: false,
      rpcId: null,
    });
  });

  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('key', '%', '%zz', '%FF', '+', '=', '&'),
  );
  const bodies = fc.oneof(
    text,
    fc.json(),
    fc.dictionary(text, fc.jsonValue()).map((o) => JSON.stringify(o)),
    fc
      .record({ jsonrpc: fc.constant('2.0'), params: fc.jsonValue(), id: fc.jsonValue() })
      .map((o) => JSON.stringify(o)),
    fc.array(fc.tuple(text, text)).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
    fc.uint8Array().map((b) => Buffer.from(b).toString('base64')),
  );
  const events = fc.record({
    rawQueryString: fc.oneof(
      text,
      fc.array(fc.tuple(text, text)).map((p) => new URLSearchParams(p).toString()),
    ),
    headers: fc.dictionary(
      fc.oneof(text, fc.constantFrom('x-key', 'key', 'x-route-key', 'content-type')),
      text,
    ),
    body: fc.option(bodies, { nil: undefined }),
    isBase64Encoded: fc.boolean(),
  });

  it('never throws, returns only string values and never a key parameter', () => {
    fc.assert(
      fc.property(fc.oneof(events, fc.anything()), (e) => {
        const parsed = parseRequest(e as FunctionUrlEvent);
        expect(Object.values(parsed.params).every((v) => typeof v === 'string')).toBe(true);
        expect(Object.hasOwn(parsed.params, 'key')).toBe(false);
        expect(parsed.key === null || typeof parsed.key === 'string').toBe(true);
        expect([null, 'string', 'number']).toContain(
          parsed.rpcId === null ? null : typeof parsed.rpcId,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any flat JSON object of strings without a percent sign back exactly', () => {
    const name = fc.string({ minLength: 1 }).filter((n) => n !== 'key' && n !== '__proto__');
    const value = fc.string().filter((v) => !v.includes('%'));
    fc.assert(
      fc.property(fc.dictionary(name, value), (call) => {
        expect({ ...parseRequest(event({ body: JSON.stringify(call) })).params }).toEqual(call);
      }),
    );
  });
});
