import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/webhook/params.ts';
import { event, type Parts } from './request-events.ts';

describe('parseRequest values and keys', () => {
  it.each([
    ['a percent-encoded value', 'webhookNumber%3A120', 'webhookNumber:120'],
    ['an encoded plus', '%2B380441112233', '+380441112233'],
    ['encoded UTF-8', '%D0%9A%D0%B8%D1%97%D0%B2', 'Київ'],
    ['a plus, which JSON does not encode', '+380441112233', '+380441112233'],
    ['a lone percent', '100%', '100%'],
    ['a malformed escape', '50%zz off', '50%zz off'],
    ['a valid and a malformed escape', 'a%20b%zz', 'a%20b%zz'],
    ['an escape of invalid UTF-8', '%FF', '%FF'],
  ])('decodes JSON string values: %s', (_, value, decoded) => {
    expect(parseRequest(event({ body: JSON.stringify({ callroute: value }) })).params).toEqual({
      callroute: decoded,
    });
  });

  it('turns JSON numbers and booleans into strings and drops null, objects and arrays', () => {
    const body =
      '{"caller":380441112233,"callnum":1.5,"uniquefirst":true,"a":null,"b":{"c":"d"},"e":[1],"":"x"}';
    expect(parseRequest(event({ body })).params).toEqual({
      caller: '380441112233',
      callnum: '1.5',
      uniquefirst: 'true',
    });
  });

  it('keeps JSON parameter names as sent and values untrimmed', () => {
    const body = '{"Caller":" 380441112233 ","E164":"+380441112233"}';
    expect(parseRequest(event({ body })).params).toEqual({
      Caller: ' 380441112233 ',
      E164: '+380441112233',
    });
  });

  it.each([
    ['a plus as space', 'term=spring+sale', { term: 'spring sale' }],
    ['an encoded plus', 'fullnum=%2B380441112233', { fullnum: '+380441112233' }],
    ['encoded UTF-8', 'city=%D0%9A%D0%B8%D1%97%D0%B2', { city: 'Київ' }],
    ['a malformed escape kept as written', 'a=%zz%41', { a: '%zzA' }],
    ['invalid UTF-8 as U+FFFD', 'a=%FF', { a: '\uFFFD' }],
    ['an `=` inside a value', 'a=b=c', { a: 'b=c' }],
    ['a name without a value', 'flag&a=1', { flag: '', a: '1' }],
    ['a repeated name, last wins', 'a=1&a=2', { a: '2' }],
    ['empty pairs and names', '&&=x&a=1&', { a: '1' }],
    ['an encoded `&` and `=`', 'lastpage=x.com%2F%3Fa%3D1%26b%3D2', { lastpage: 'x.com/?a=1&b=2' }],
    ['case-sensitive names', 'Caller=1&caller=2', { Caller: '1', caller: '2' }],
  ])('reads query strings with URLSearchParams rules: %s', (_, query, params) => {
    expect(parseRequest(event({ method: 'GET', query })).params).toEqual(params);
  });

  it.each<[string, Parts, string]>([
    ['the query', { query: 'key=q1&caller=1' }, 'q1'],
    ['a form body', { body: 'key=f1&caller=1' }, 'f1'],
    ['a JSON body', { body: '{"key":"j1","caller":"1"}' }, 'j1'],
    ['a JSON number', { body: '{"key":123,"caller":"1"}' }, '123'],
    [
      'JSON-RPC params',
      { body: '{"jsonrpc":"2.0","params":{"key":"r1","caller":"1"},"id":1}' },
      'r1',
    ],
    ['the x-route-key header', { headers: { 'x-route-key': 'h1', caller: '1' } }, 'h1'],
    ['the X-Route-Key header', { headers: { 'X-Route-Key': 'h1', caller: '1' } }, 'h1'],
    ['an x-key header', { headers: { 'x-key': 'h2', caller: '1' } }, 'h2'],
    ['a key header', { headers: { key: 'h3', caller: '1' } }, 'h3'],
    ['the body over the query', { query: 'key=q&caller=1', body: '{"key":"b"}' }, 'b'],
    [
      'the query over the header',
      { query: 'key=q&caller=1', headers: { 'x-route-key': 'h' } },
      'q',
    ],
    [
      'x-route-key over x-key and key',
      { headers: { 'x-route-key': 'r', 'x-key': 'x', key: 'k', caller: '1' } },
      'r',
    ],
    ['x-key over key', { headers: { key: 'k', 'x-key': 'x', caller: '1' } }, 'x'],
  ])('takes the key from %s and never as a parameter', (_, parts, key) => {
    const parsed = parseRequest(event(parts));
    expect(parsed.key).toBe(key);
    expect(parsed.params).toEqual({ caller: '1' });
  });

  it('has no key when none is sent', () => {
    expect(parseRequest(event({ query: 'caller=1' })).key).toBeNull();
  });

  it('keeps an empty key as given, so that auth fails rather than falls back', () => {
    expect(parseRequest(event({ query: 'key=', headers: { 'x-route-key': 'h' } })).key).toBe('');
  });
});
