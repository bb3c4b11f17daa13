// Renders the router's decision in the webhook's configured receive type. Bodies are built by
// string concatenation with JSON.stringify for every value: the key order is fixed and no
// intermediate objects are allocated on the hot path.
import type { AnswerFormat, Target } from '../router/types.ts';

/** A response body and its content type. */
export interface RenderedAnswer {
  contentType: string;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/** Renders a target as the answer Ringostat expects for the webhook's format. */
export function renderAnswer(
  answer: { field: string; format: AnswerFormat },
  target: Target,
  rpcId: string | number | null,
): RenderedAnswer {
  if (answer.format === 'text') {
    // The compiler forbids schema targets in text format; should one arrive, a number still
    // reads better to a person debugging than an error would.
    return {
      contentType: TEXT_TYPE,
      body: target.kind === 'to' ? target.to : String(target.schema),
    };
  }
  const result =
    target.kind === 'schema'
      ? `{"schema":${JSON.stringify(target.schema)}}`
      : `{${JSON.stringify(answer.field)}:${JSON.stringify(target.to)}}`;
  if (answer.format !== 'json-rpc') return { contentType: JSON_TYPE, body: result };
  const id = JSON.stringify(rpcId ?? null);
  return { contentType: JSON_TYPE, body: `{"jsonrpc":"2.0","id":${id},"result":${result}}` };
}
