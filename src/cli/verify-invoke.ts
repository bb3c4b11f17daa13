// Sends one HTTP request to a deployed function through the Lambda Invoke API, wrapped in the
// Function URL event (payload 2.0) the URL itself would build, and unwraps the HTTP result.
import { randomUUID } from 'node:crypto';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { FunctionUrlEvent } from '../webhook/event.ts';

/** The HTTP request to simulate. */
export interface UrlRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

/** What came back: the executed version and either an HTTP result or a function error. */
export type UrlOutcome =
  | { version: string | undefined; error: string }
  | {
      version: string | undefined;
      status: number;
      /** Lower-case names. */
      headers: Record<string, string>;
      body: string;
    };

/** Invokes `fn` at `qualifier` with `req` as a Function URL event; SDK errors propagate. */
export async function invokeUrl(
  client: LambdaClient,
  fn: string,
  qualifier: string,
  req: UrlRequest,
): Promise<UrlOutcome> {
  const out = await client.send(
    new InvokeCommand({
      FunctionName: fn,
      Qualifier: qualifier,
      Payload: JSON.stringify(functionUrlEvent(req)),
    }),
  );
  const version = out.ExecutedVersion;
  const text = new TextDecoder().decode(out.Payload ?? new Uint8Array());
  if (out.FunctionError) {
    const payload = parseJson(text) as { errorType?: string; errorMessage?: string } | undefined;
    const detail = payload?.errorMessage ? `${payload.errorType}: ${payload.errorMessage}` : text;
    return { version, error: `function error (${out.FunctionError}): ${detail}` };
  }
  return { version, ...httpResult(parseJson(text)) };
}

/** The event a Function URL delivers for `req`, as close to AWS's as the router can observe. */
export function functionUrlEvent(req: UrlRequest, now = Date.now()): FunctionUrlEvent {
  const query = req.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  const domainName = 'routes-verify.lambda-url.local';
  const headers: Record<string, string> = {
    host: domainName,
    'x-forwarded-proto': 'https',
    ...req.headers,
  };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: req.path,
    rawQueryString,
    headers,
    ...(rawQueryString ? { queryStringParameters: { ...query } } : {}),
    ...(req.body === undefined ? {} : { body: req.body }),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'routes-verify',
      domainName,
      domainPrefix: 'routes-verify',
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      timeEpoch: now,
      http: {
        method: req.method,
        path: req.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? 'routes-verify',
      },
    },
  };
}

/** Function URL rules: a result without `statusCode` is a 200 whose body is its JSON. */
function httpResult(value: unknown): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  const result = value as {
    statusCode?: unknown;
    headers?: unknown;
    body?: unknown;
    isBase64Encoded?: unknown;
  };
  if (typeof value !== 'object' || value === null || typeof result.statusCode !== 'number') {
    const body = typeof value === 'string' ? value : JSON.stringify(value ?? null);
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
  }
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries((result.headers ?? {}) as Record<string, unknown>)) {
    headers[name.toLowerCase()] = String(v);
  }
  const raw = typeof result.body === 'string' ? result.body : '';
  const body = result.isBase64Encoded === true ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return { status: result.statusCode, headers, body };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
