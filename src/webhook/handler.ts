import { performance } from 'node:perf_hooks';
import { decide } from '../router/decide.ts';
import { normalizeValue } from '../router/normalize.ts';
import { splitTarget } from '../router/split.ts';
import type { Table } from '../router/table.ts';
import type { Target } from '../router/types.ts';
import { renderAnswer } from './answer.ts';
import { keyMatches, loadCrypto } from './auth.ts';
import { decisionLine, type LogSink, stdoutSink } from './decision-log.ts';
import type { FunctionUrlEvent, FunctionUrlResult } from './event.ts';
import { type HeaderNames, headerNames } from './header-params.ts';
import { parseRequest } from './params.ts';
import type { LoadedRoutes } from './routes-dir.ts';

/** Largest body accepted (README, "HTTP behaviour"): Ringostat's calls are a few KiB. */
export const MAX_BODY_BYTES = 64 * 1024;
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);
const JSON_TYPE = 'application/json; charset=utf-8';

/** Options for tests and the local server. */
export interface HandlerOptions {
  log?: LogSink;
  now?: () => number;
  /** The metrics' FunctionName dimension: Lambda's AWS_LAMBDA_FUNCTION_NAME, else `local`. */
  functionName?: string;
}

/**
 * The one handler core behind the Lambda and the local server: Function URL event in, response
 * out. Status codes are exactly the README's "HTTP behaviour"; a fault answers the webhook's default (never 500),
 * but only after auth passed, so failed auth never learns routing data.
 */
export function createHandler(
  routes: LoadedRoutes,
  options: HandlerOptions = {},
): (event: FunctionUrlEvent) => FunctionUrlResult {
  const log = options.log ?? stdoutSink;
  const now = options.now ?? Date.now;
  const functionName = options.functionName ?? (process.env.AWS_LAMBDA_FUNCTION_NAME || 'local');
  const hash = routes.manifest.tableHash;
  const health = JSON.stringify(routes.manifest);
  // Pay for node:crypto at cold start, not on the first caller, and only when a webhook needs it.
  for (const table of routes.tables.values()) if (table.data.auth) loadCrypto();
  const names = headerNamesByTable(routes);
  return (event) => {
    const started = performance.now();
    const http = event?.requestContext?.http;
    const method = typeof http?.method === 'string' ? http.method.toUpperCase() : 'GET';
    const name = webhookName(event?.rawPath ?? http?.path);
    if (name === 'healthz') {
      return method === 'GET' || method === 'HEAD'
        ? respond(200, JSON_TYPE, health)
        : notAllowed('GET');
    }
    const table = routes.tables.get(name);
    if (!table) return respond(404, JSON_TYPE, '{"error":"unknown webhook"}');
    if (!METHODS.has(method)) return notAllowed('GET, POST, PUT, DELETE');
    if (bodyBytes(event) > MAX_BODY_BYTES)
      return respond(413, JSON_TYPE, '{"error":"body over 64 KiB"}');
    let authorized = table.data.auth === null;
    let caller: string | undefined;
    const at = now();
    try {
      const request = parseRequest(event, names.get(table) ?? null);
      caller = request.params.caller;
      if (!authorized && !keyMatches(table.data.auth!.keySha256, request.key)) {
        log(
          decisionLine(
            {
              webhook: name,
              status: 403,
              rule: null,
              target: null,
              caller,
              latencyMs: performance.now() - started,
              tableHash: hash,
              functionName,
            },
            at,
          ),
        );
        return respond(403, JSON_TYPE, '{"error":"forbidden"}');
      }
      authorized = true;
      const decision = decide(table, request.params, at);
      const answer = renderAnswer(table.data.answer, decision.target, request.rpcId);
      const rule = decision.rule?.id ?? null;
      log(
        decisionLine(
          {
            webhook: name,
            status: 200,
            rule,
            target: decision.target,
            caller,
            latencyMs: performance.now() - started,
            tableHash: hash,
            functionName,
          },
          at,
        ),
      );
      return answered(answer.contentType, answer.body, rule ?? 'default', hash);
    } catch (err) {
      if (!authorized) return respond(403, JSON_TYPE, '{"error":"forbidden"}');
      return fault(table, name, caller, err, { log, started, hash, now: at, functionName });
    }
  };
}

function fault(
  table: Table,
  webhook: string,
  caller: string | undefined,
  err: unknown,
  ctx: { log: LogSink; started: number; hash: string; now: number; functionName: string },
): FunctionUrlResult {
  const target = defaultTarget(table, caller);
  const answer = renderAnswer(table.data.answer, target, null);
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  try {
    ctx.log(
      decisionLine(
        {
          webhook,
          status: 200,
          rule: null,
          target,
          caller,
          latencyMs: performance.now() - ctx.started,
          tableHash: ctx.hash,
          functionName: ctx.functionName,
          fault: message,
        },
        ctx.now,
      ),
    );
  } catch {
    // Logging must not turn a fault answer into no answer.
  }
  return answered(answer.contentType, answer.body, 'default', ctx.hash);
}

/** The default target without going through `decide` (which just failed). */
function defaultTarget(table: Table, caller: string | undefined): Target {
  const d = table.data.default;
  if (d.kind !== 'split') return d;
  // The same caller value decide would hash, so a fault answers the branch a normal call gets.
  return splitTarget(d.branches, d.total, typeof caller === 'string' ? normalizeValue(caller) : '');
}

/** Each table's case-insensitive header names, worked out once rather than per call. */
function headerNamesByTable(routes: LoadedRoutes): Map<Table, HeaderNames | null> {
  const names = new Map<Table, HeaderNames | null>();
  for (const table of routes.tables.values()) names.set(table, headerNames(table.data.params));
  return names;
}

function webhookName(path: unknown): string {
  if (typeof path !== 'string') return '';
  let start = 0;
  let end = path.length;
  while (start < end && path.charCodeAt(start) === 47) start++;
  while (end > start && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(start, end);
}

function bodyBytes(event: FunctionUrlEvent): number {
  const body = event.body;
  if (typeof body !== 'string') return 0;
  // Only compared with the limit, and UTF-8 takes at most 3 bytes per UTF-16 unit: a short body
  // cannot be over it, and counting its bytes cost 0.2 µs.
  if (body.length * 3 <= MAX_BODY_BYTES) return body.length;
  // The decoded size of base64 (O(1): from the length and the `=` padding, which carries no
  // bytes); text is counted as the UTF-8 it arrived as.
  return Buffer.byteLength(body, event.isBase64Encoded ? 'base64' : 'utf8');
}

function notAllowed(allow: string): FunctionUrlResult {
  return {
    statusCode: 405,
    headers: { 'content-type': JSON_TYPE, allow },
    body: '{"error":"method not allowed"}',
  };
}

function respond(statusCode: number, contentType: string, body: string): FunctionUrlResult {
  return { statusCode, headers: { 'content-type': contentType }, body };
}

function answered(
  contentType: string,
  body: string,
  rule: string,
  hash: string,
): FunctionUrlResult {
  return {
    statusCode: 200,
    headers: { 'content-type': contentType, 'x-route-rule': rule, 'x-table-hash': hash },
    body,
  };
}
