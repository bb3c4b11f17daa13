import { STATUS_CODES } from 'node:http';
import { allowFlags, flag, keyValues, parseArgs, UsageError } from './args.ts';

/** How Ringostat sends the call's parameters (its "send type" setting). */
export type SendType = 'http' | 'json' | 'json-rpc';

/** A request as `routes call` will send it. */
export interface CallRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** Options of `buildCall`, as given on the command line. */
export interface CallOptions {
  send: SendType;
  method?: string;
  headers?: string[];
  rpcMethod?: string;
}

// Ringostat's own User-Agent and Connection header, from a request shown in its documentation.
const USER_AGENT = 'ringostat HTTP Client v1.1';
const SEND_TYPES: readonly SendType[] = ['http', 'json', 'json-rpc'];
// Ringostat offers the first four; the others let a test provoke the router's 405.
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/**
 * `routes call <url> key=value ... [--send http|json|json-rpc] [--method M] [--header 'N: v' ...]
 * [--rpc-method NAME] [--timeout MS]`: send a call exactly as Ringostat would and print the answer.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'send', 'method', 'header', 'rpc-method', 'timeout']);
  const [target, ...pairs] = args.positionals;
  if (target === undefined) throw new UsageError('missing <url>, e.g. http://127.0.0.1:8787/sales');
  const send = flag(args, 'send', 'http');
  if (!(SEND_TYPES as readonly string[]).includes(send)) {
    throw new UsageError(`--send must be one of ${SEND_TYPES.join(', ')}, got "${send}"`);
  }
  const request = buildCall(target, keyValues(pairs), {
    send: send as SendType,
    method: flag(args, 'method'),
    headers: args.flags.get('header') ?? [],
    rpcMethod: flag(args, 'rpc-method'),
  });
  return sendCall(request, timeout(flag(args, 'timeout', '5000')));
}

/**
 * The request Ringostat would send: `http` puts the parameters in the query string (GET),
 * `json` POSTs them as a flat JSON object, `json-rpc` POSTs a JSON-RPC 2.0 call with them as
 * `params`. `key` always stays in the query string, as the static URL parameter it is in Ringostat.
 */
export function buildCall(
  target: string,
  params: Record<string, string>,
  options: CallOptions,
): CallRequest {
  const url = parseUrl(target);
  const { key, ...rest } = params;
  if (key !== undefined) url.searchParams.append('key', key);
  const method = options.method?.toUpperCase() ?? (options.send === 'http' ? 'GET' : 'POST');
  if (!METHODS.includes(method))
    throw new UsageError(`--method must be one of ${METHODS.join(', ')}, got "${options.method}"`);
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Connection: 'close' };
  let body: string | undefined;
  if (options.send === 'http') {
    for (const [name, value] of Object.entries(rest)) url.searchParams.append(name, value);
  } else {
    if (method === 'GET' || method === 'HEAD')
      throw new UsageError(`--send ${options.send} needs a body, which ${method} cannot carry`);
    body = JSON.stringify(
      options.send === 'json'
        ? rest
        : { jsonrpc: '2.0', method: options.rpcMethod ?? 'route', params: rest, id: 1 },
    );
    headers['Content-Type'] = 'application/json';
  }
  for (const line of options.headers ?? []) setHeader(headers, line);
  return { url: url.href, method, headers, ...(body === undefined ? {} : { body }) };
}

async function sendCall(request: CallRequest, timeoutMs: number): Promise<number> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (err) {
    process.stderr.write(`call: ${failure(err, request.url, timeoutMs)}\n`);
    return 1;
  }
  const rule = response.headers.get('x-route-rule');
  const status =
    `${response.status} ${response.statusText || STATUS_CODES[response.status] || ''}`.trimEnd();
  process.stdout.write(
    `${status}${rule === null ? '' : `  rule=${rule}`}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`,
  );
  return response.ok ? 0 : 1;
}

/** A one-line reason for a failed fetch; the URL is shown without its query, which may hold the key. */
function failure(err: unknown, url: string, timeoutMs: number): string {
  const u = new URL(url);
  const where = `${u.origin}${u.pathname}`;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer from ${where} within ${timeoutMs} ms`;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  const hint = local ? ' — is `npm start` running?' : '';
  if (cause?.code === 'ECONNREFUSED') return `cannot reach ${where}: connection refused${hint}`;
  if (cause?.code === 'ENOTFOUND') return `cannot reach ${where}: host ${u.hostname} not found`;
  return `cannot reach ${where}: ${cause?.message ?? (err instanceof Error ? err.message : String(err))}`;
}

function parseUrl(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`"${target}" is not a URL (expected e.g. http://127.0.0.1:8787/sales)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`"${target}" is not an http(s) URL`);
  return url;
}

/** Adds `Name: value`, replacing a default of the same name whatever its case. */
function setHeader(headers: Record<string, string>, line: string): void {
  const colon = line.indexOf(':');
  const name = colon === -1 ? '' : line.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new UsageError(`--header expects 'Name: value', got "${line}"`);
  for (const existing of Object.keys(headers))
    if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
  headers[name] = line.slice(colon + 1).trim();
}

function timeout(value: string): number {
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms <= 0)
    throw new UsageError(`--timeout must be a positive number of milliseconds, got "${value}"`);
  return ms;
}
