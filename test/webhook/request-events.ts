// Builds Function URL events for the parseRequest tests.
import type { FunctionUrlEvent } from '../../src/webhook/event.ts';

/** The parts of a request a test cares about. */
export interface Parts {
  method?: string;
  headers?: Record<string, string>;
  query?: string;
  body?: string;
  base64?: boolean;
}

/** A Function URL event as AWS sends it, with only the given parts filled in. */
export function event({ method = 'POST', headers = {}, query = '', body, base64 = false }: Parts) {
  const http = {
    method,
    path: '/sales',
    protocol: 'HTTP/1.1',
    sourceIp: '10.0.0.1',
    userAgent: 'x',
  };
  const e: FunctionUrlEvent = {
    version: '2.0',
    rawPath: '/sales',
    rawQueryString: query,
    headers,
    isBase64Encoded: base64,
    requestContext: { http, timeEpoch: 1795514400000 },
  };
  if (body !== undefined) e.body = base64 ? Buffer.from(body).toString('base64') : body;
  return e;
}

export const JSON_TYPE = { 'content-type': 'application/json' };
export const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
