// Reads an HTTP answer body back into the Target it names, the inverse of the webhook's answer
// rendering (README, "HTTP behaviour"), so a deployed function's answers can be compared with route tests.

import type { TableData } from '../router/table-data.ts';
import type { Target } from '../router/types.ts';

/** The Target an answer names, or why the body is not a valid answer in the webhook's format. */
export function parseAnswer(
  answer: TableData['answer'],
  body: string,
): { target: Target } | { error: string } {
  if (answer.format === 'text') {
    const to = body.trim();
    return to ? { target: { kind: 'to', to } } : { error: 'empty text answer' };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { error: `answer is not JSON: ${clip(body)}` };
  }
  if (answer.format === 'json-rpc') {
    const rpc = value as { jsonrpc?: unknown; result?: unknown } | null;
    if (!isObject(rpc) || rpc.jsonrpc !== '2.0' || !isObject(rpc.result)) {
      return { error: `answer is not a JSON-RPC 2.0 result: ${clip(body)}` };
    }
    value = rpc.result;
  }
  return fromObject(answer.field, value, body);
}

function fromObject(field: string, value: unknown, body: string) {
  if (isObject(value)) {
    // A scheme answer is always `schema` with a number, whatever the destination field is called.
    if (typeof value.schema === 'number')
      return { target: { kind: 'schema' as const, schema: value.schema } };
    const to = value[field];
    if (typeof to === 'string' && to !== '') return { target: { kind: 'to' as const, to } };
  }
  return { error: `answer has neither "${field}" nor a numeric "schema": ${clip(body)}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
