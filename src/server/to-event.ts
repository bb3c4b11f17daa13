// The node:http adapter's input half: a request becomes the Function URL event (payload 2.0)
// AWS would build for it, so the local server runs the exact handler path the Lambda runs.
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FunctionUrlEvent } from '../webhook/event.ts';
import { MAX_BODY_BYTES } from '../webhook/handler.ts';

// Media types a Function URL delivers as text; everything else (and no content type) is base64.
const TEXT_TYPES = new Set([
  'application/json',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/javascript',
]);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The Function URL event for `req` with body `body`: lower-case headers with repeats
 * comma-joined, cookies split out of the `cookie` header, decoded query parameters (absent when
 * there is no query string), and the body as text or, for non-text content types, base64.
 */
export function toEvent(
  req: IncomingMessage,
  body: Buffer,
  now: number = Date.now(),
): FunctionUrlEvent {
  const { headers, cookies } = readHeaders(req.rawHeaders);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = pathOf(q === -1 ? url : url.slice(0, q));
  const rawQueryString = q === -1 ? '' : url.slice(q + 1);
  const host = headers.host ?? '';
  const prefix = host.split(/[.:]/, 1)[0] ?? '';
  const text = isText(headers['content-type']);
  const event: FunctionUrlEvent = {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: 'anonymous',
      apiId: prefix,
      domainName: host,
      domainPrefix: prefix,
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now,
      http: {
        method: req.method ?? 'GET',
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: sourceIp(req.socket.remoteAddress),
        userAgent: headers['user-agent'] ?? '',
      },
    },
    isBase64Encoded: body.length > 0 && !text,
  };
  if (cookies.length > 0) event.cookies = cookies;
  if (rawQueryString !== '') event.queryStringParameters = queryMap(rawQueryString);
  if (body.length > 0) event.body = body.toString(text ? 'utf8' : 'base64');
  return event;
}

/**
 * Reads a request body, keeping at most `limit + 1` bytes and resolving as soon as it has them:
 * one byte over is all the handler needs to answer 413 (so the status order 404, 405, 413 stays
 * the handler's, as on Lambda). The rest is drained unkept, so a keep-alive connection stays usable.
 */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData).off('end', done).off('error', reject);
      // A client that aborts after we stopped listening must not crash the server.
      req.on('error', () => {});
      resolve(
        chunks.length === 1 && size <= limit
          ? chunks[0]!
          : Buffer.concat(chunks, Math.min(size, limit + 1)),
      );
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) done();
    };
    req.on('data', onData).on('end', done).on('error', reject);
  });
}

/** Whether the request announces a body (HTTP/1.1 framing: a length or a transfer coding). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** Whether AWS passes a body of this content type as text (parameters and case ignored). */
export function isText(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semi = contentType.indexOf(';');
  const type = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type.startsWith('text/') || TEXT_TYPES.has(type);
}

function readHeaders(raw: string[]): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    if (name === 'cookie') {
      for (const c of value.split(';')) if (c.trim() !== '') cookies.push(c.trim());
    } else {
      headers[name] = Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value;
    }
  }
  return { headers, cookies };
}

/** Decoded query parameters with URLSearchParams semantics; a repeated name joins with `,`. */
function queryMap(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    out[name] = Object.hasOwn(out, name) ? `${out[name]},${value}` : value;
  }
  return out;
}

// A proxy-style absolute request target (`GET http://host/path`) still has a path.
function pathOf(target: string): string {
  if (target.startsWith('/')) return target;
  try {
    return new URL(target).pathname;
  } catch {
    return `/${target}`;
  }
}

// Dual-stack sockets report IPv4 peers as `::ffff:127.0.0.1`; AWS reports the IPv4 address.
function sourceIp(address: string | undefined): string {
  if (address === undefined) return '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** `24/Nov/2026:10:00:00 +0000`, the format of requestContext.time. */
function clfTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
