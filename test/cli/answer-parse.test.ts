import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/cli/answer-parse.ts';
import type { AnswerFormat } from '../../src/router/types.ts';

const as = (format: AnswerFormat, field = 'dst_phone') => ({ format, field });

describe('parseAnswer', () => {
  it.each([
    [
      'json numbers',
      as('json'),
      '{"dst_phone":"380441111111,380441111112"}',
      { kind: 'to', to: '380441111111,380441111112' },
    ],
    ['json scheme', as('json'), '{"schema":26076}', { kind: 'schema', schema: 26076 }],
    [
      'json with a renamed field',
      as('json', 'dst_callee'),
      '{"dst_callee":"sip/ads@pbx.example.com"}',
      { kind: 'to', to: 'sip/ads@pbx.example.com' },
    ],
    [
      'json-rpc numbers',
      as('json-rpc'),
      '{"jsonrpc":"2.0","id":7,"result":{"dst_phone":"380441111111"}}',
      { kind: 'to', to: '380441111111' },
    ],
    [
      'json-rpc scheme',
      as('json-rpc'),
      '{"jsonrpc":"2.0","id":null,"result":{"schema":111}}',
      { kind: 'schema', schema: 111 },
    ],
    ['text', as('text'), '380441111111\n', { kind: 'to', to: '380441111111' }],
  ])('reads a %s answer', (_, answer, body, target) => {
    expect(parseAnswer(answer, body)).toEqual({ target });
  });

  it.each([
    ['JSON that is not JSON', as('json'), '<html>', 'answer is not JSON: <html>'],
    [
      'JSON without the field',
      as('json', 'dst_callee'),
      '{"dst_phone":"380441111111"}',
      'answer has neither "dst_callee" nor a numeric "schema": {"dst_phone":"380441111111"}',
    ],
    [
      'a scheme given as a string',
      as('json'),
      '{"schema":"26076"}',
      'answer has neither "dst_phone" nor a numeric "schema": {"schema":"26076"}',
    ],
    [
      'JSON-RPC without a result',
      as('json-rpc'),
      '{"jsonrpc":"2.0","id":1,"error":{}}',
      'answer is not a JSON-RPC 2.0 result: {"jsonrpc":"2.0","id":1,"error":{}}',
    ],
    [
      'JSON-RPC given as plain JSON',
      as('json-rpc'),
      '{"dst_phone":"380441111111"}',
      'answer is not a JSON-RPC 2.0 result: {"dst_phone":"380441111111"}',
    ],
    ['an empty text answer', as('text'), ' ', 'empty text answer'],
  ])('rejects %s', (_, answer, body, error) => {
    expect(parseAnswer(answer, body)).toEqual({ error });
  });

  it('shortens a long body in the message', () => {
    const body = `<p>${'x'.repeat(200)}</p>`;
    expect(parseAnswer(as('json'), body)).toEqual({
      error: `answer is not JSON: ${body.slice(0, 120)}…`,
    });
  });
});
