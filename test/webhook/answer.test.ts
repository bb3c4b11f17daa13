import { describe, expect, it } from 'vitest';
import type { AnswerFormat, Target } from '../../src/router/types.ts';
import { renderAnswer } from '../../src/webhook/answer.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const numbers: Target = { kind: 'to', to: '380441111111,380441111112' };
const sip: Target = { kind: 'to', to: 'sip/ads@pbx.example.com' };
const schema: Target = { kind: 'schema', schema: 26076 };
const answer = (format: AnswerFormat, field = 'dst_phone') => ({ field, format });

describe('renderAnswer', () => {
  it.each<[string, AnswerFormat, Target, string | number | null, string, string]>([
    [
      'numbers as json',
      'json',
      numbers,
      null,
      JSON_TYPE,
      '{"dst_phone":"380441111111,380441111112"}',
    ],
    [
      'a SIP account as json',
      'json',
      sip,
      null,
      JSON_TYPE,
      '{"dst_phone":"sip/ads@pbx.example.com"}',
    ],
    ['a schema as json', 'json', schema, null, JSON_TYPE, '{"schema":26076}'],
    ['json, ignoring a request id', 'json', schema, 7, JSON_TYPE, '{"schema":26076}'],
    [
      'numbers as json-rpc',
      'json-rpc',
      numbers,
      17,
      JSON_TYPE,
      '{"jsonrpc":"2.0","id":17,"result":{"dst_phone":"380441111111,380441111112"}}',
    ],
    [
      'a schema as json-rpc',
      'json-rpc',
      schema,
      17,
      JSON_TYPE,
      '{"jsonrpc":"2.0","id":17,"result":{"schema":26076}}',
    ],
    ['numbers as text', 'text', numbers, null, TEXT_TYPE, '380441111111,380441111112'],
    ['a SIP account as text', 'text', sip, 3, TEXT_TYPE, 'sip/ads@pbx.example.com'],
    ['a schema as text, which the compiler forbids', 'text', schema, null, TEXT_TYPE, '26076'],
  ])('renders %s', (_, format, target, rpcId, contentType, body) => {
    expect(renderAnswer(answer(format), target, rpcId)).toEqual({ contentType, body });
  });

  it.each<[string, string | number | null, string]>([
    ['a number id', 42, '42'],
    ['a fractional id', 1.5, '1.5'],
    ['a string id', 'req-1', '"req-1"'],
    ['a string id that needs escaping', 'a"b\\c', '"a\\"b\\\\c"'],
    ['no id as null', null, 'null'],
  ])('echoes %s in json-rpc', (_, rpcId, id) => {
    const { body } = renderAnswer(answer('json-rpc'), schema, rpcId);
    expect(body).toBe(`{"jsonrpc":"2.0","id":${id},"result":{"schema":26076}}`);
  });

  it.each<[AnswerFormat, string]>([
    ['json', '{"dst_callee":"380441111111,380441111112"}'],
    ['json-rpc', '{"jsonrpc":"2.0","id":null,"result":{"dst_callee":"380441111111,380441111112"}}'],
  ])('uses a custom field name in %s', (format, body) => {
    expect(renderAnswer(answer(format, 'dst_callee'), numbers, null).body).toBe(body);
  });

  it('always names a schema answer schema, whatever the field', () => {
    expect(renderAnswer(answer('json', 'dst_callee'), schema, null).body).toBe('{"schema":26076}');
  });

  it('escapes odd characters in the field and the destination', () => {
    const target: Target = { kind: 'to', to: 'sip:a"b\\c@h\n\u0001</script>\u2028' };
    const rendered = renderAnswer(answer('json', 'dst "phone"'), target, null);
    expect(rendered.body).toBe('{"dst \\"phone\\"":"sip:a\\"b\\\\c@h\\n\\u0001</script>\u2028"}');
    expect(JSON.parse(rendered.body)).toEqual({ 'dst "phone"': target.to });
  });

  it('leaves text answers unescaped', () => {
    const target: Target = { kind: 'to', to: 'sip:a"b@h' };
    expect(renderAnswer(answer('text'), target, null).body).toBe('sip:a"b@h');
  });
});
