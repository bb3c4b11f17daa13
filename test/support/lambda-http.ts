// The HTTP side of the local Lambda API: reading requests and answering in the shapes the SDK
// parses (restJson1: JSON bodies, errors named by x-amzn-errortype).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LambdaApiError } from './lambda-registry.ts';

/** The error Lambda answers for a path or method it has no operation for. */
export function unknownOperation(req: IncomingMessage): LambdaApiError {
  return new LambdaApiError(
    404,
    'UnknownOperationException',
    `Unknown operation ${req.method} ${req.url}`,
  );
}

/** Answers `err` as the SDK expects a Lambda error (a 500 ServiceException if not ours). */
export function sendError(res: ServerResponse, err: unknown) {
  const e =
    err instanceof LambdaApiError ? err : new LambdaApiError(500, 'ServiceException', String(err));
  // Lambda's restJson1 errors: type in x-amzn-errortype, `Type` and `Message` in the body.
  const type = e.status < 500 ? 'User' : 'Service';
  sendJson(res, e.status, { Type: type, Message: e.message }, { 'x-amzn-errortype': e.type });
}

/** Answers `value` as JSON with `status` and extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(body);
}

/** Answers `status` with no body (DeleteFunctionConcurrency's 204). */
export function sendEmpty(res: ServerResponse, status: number) {
  res.writeHead(status, { 'x-amzn-requestid': randomUUID(), 'content-length': 0 });
  res.end();
}

/** The whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
