// A local stand-in for the Lambda control and invoke APIs, so `routes verify`, `rollback`, `pause`
// and `resume` are tested through the real @aws-sdk/client-lambda over HTTP. Versions are built
// artifact directories; invoking one imports its index.mjs in-process and calls `handler`, as
// Lambda would.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBody, sendEmpty, sendError, sendJson, unknownOperation } from './lambda-http.ts';
import { functionLogs, withFunctionLogs } from './lambda-logs.ts';
import { type AliasState, LambdaApiError, LambdaRegistry } from './lambda-registry.ts';

/** A running local Lambda API; `endpoint` goes into the LambdaClient's `endpoint` option. */
export interface LambdaApi {
  endpoint: string;
  /** Every request seen, as `METHOD /path?query`, for assertions about pagination and the like. */
  requests: string[];
  /** What the handlers printed (Lambda would send it to CloudWatch, not to the caller). */
  logs: string[];
  /** Publishes an artifact directory (holding index.mjs) as the function's next version. */
  addVersion(fn: string, artifactDir: string): number;
  /** Points an alias at a version, optionally with canary weights (RoutingConfig). */
  setAlias(fn: string, alias: string, version: number, weights?: Record<string, number>): void;
  /** The alias as it stands now. */
  alias(fn: string, alias: string): AliasState;
  /** The function's reserved concurrency, null when none is reserved. */
  reserved(fn: string): number | null;
  /** Sets it, as PutFunctionConcurrency (a number) or DeleteFunctionConcurrency (null) would. */
  setReserved(fn: string, reserved: number | null): void;
  /** Replaces the draws in [0, 1) that route invocations of a weighted alias. */
  setRandom(random: () => number): void;
  close(): Promise<void>;
}

/**
 * Options: the ARN region, the largest ListVersionsByFunction page (Lambda's is 50), and the
 * draws that route a weighted alias (Math.random by default).
 */
export interface LambdaApiOptions {
  region?: string;
  pageSize?: number;
  random?: () => number;
}

// Lambda's REST paths carry the API version their operation was added in.
const API = /^\/\d{4}-\d{2}-\d{2}\/functions\//;

/** Starts the local API on 127.0.0.1 at an ephemeral port. */
export async function startLambdaApi(options: LambdaApiOptions = {}): Promise<LambdaApi> {
  const region = options.region ?? 'eu-central-1';
  const registry = new LambdaRegistry(
    `arn:aws:lambda:${region}:123456789012:function:`,
    options.random,
  );
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handle(registry, options.pageSize ?? 50, req, res).catch((err: unknown) => sendError(res, err));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    logs: functionLogs,
    addVersion: (fn, dir) => registry.addVersion(fn, dir),
    setAlias: (fn, alias, version, weights) => registry.setAlias(fn, alias, version, weights),
    alias: (fn, alias) => registry.alias(fn, alias),
    reserved: (fn) => registry.reserved(fn),
    setReserved: (fn, reserved) => registry.setReserved(fn, reserved),
    setRandom: (random) => {
      registry.random = random;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(
  reg: LambdaRegistry,
  pageSize: number,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const body = await readBody(req);
  // The SDK always signs; an unsigned request means the client was built wrong.
  if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 Credential=')) {
    throw new LambdaApiError(
      403,
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    );
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const prefix = API.exec(url.pathname)?.[0];
  const [fnPart, resource, aliasName, ...rest] = prefix
    ? url.pathname.slice(prefix.length).split('/').map(decodeURIComponent)
    : [];
  const route = `${req.method} ${resource}${aliasName === undefined ? '' : '/*'}`;
  if (fnPart === undefined || rest.length > 0) throw unknownOperation(req);
  const [fn, pathQualifier] = splitFunctionName(fnPart);
  if (route === 'POST invocations') {
    const qualifier = url.searchParams.get('Qualifier') ?? pathQualifier;
    return invoke(reg, fn, qualifier, body, res);
  }
  if (route === 'GET aliases/*') return sendJson(res, 200, reg.aliasJson(fn, aliasName!));
  if (route === 'PUT aliases/*') {
    reg.updateAlias(fn, aliasName!, JSON.parse(body.toString('utf8') || '{}'));
    return sendJson(res, 200, reg.aliasJson(fn, aliasName!));
  }
  if (route === 'PUT concurrency') {
    const { ReservedConcurrentExecutions: n } = JSON.parse(body.toString('utf8') || '{}');
    if (!Number.isInteger(n) || n < 0) {
      throw new LambdaApiError(400, 'InvalidParameterValueException', `Invalid concurrency ${n}`);
    }
    reg.setReserved(fn, n);
    return sendJson(res, 200, { ReservedConcurrentExecutions: n });
  }
  if (route === 'DELETE concurrency') {
    reg.setReserved(fn, null);
    return sendEmpty(res, 204);
  }
  if (route === 'GET concurrency') {
    const n = reg.reserved(fn);
    return sendJson(res, 200, n === null ? {} : { ReservedConcurrentExecutions: n });
  }
  if (route === 'GET versions') {
    const [marker, max] = [url.searchParams.get('Marker'), url.searchParams.get('MaxItems')];
    const size = Math.min(Number(max ?? 50), pageSize, 50);
    return sendJson(res, 200, reg.versionsPage(fn, Number(marker ?? 0), size));
  }
  throw unknownOperation(req);
}

async function invoke(
  reg: LambdaRegistry,
  fn: string,
  qualifier: string | undefined,
  body: Buffer,
  res: ServerResponse,
) {
  const [version, dir] = reg.resolve(fn, qualifier);
  let event: unknown;
  try {
    event = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    throw new LambdaApiError(
      400,
      'InvalidRequestContentException',
      'Could not parse request body into json',
    );
  }
  const headers = { 'x-amz-executed-version': version };
  const context = lambdaContext(reg, fn, qualifier, version);
  const out = await withFunctionLogs(() => runHandler(dir, event, context));
  if ('result' in out) return sendJson(res, 200, out.result ?? null, headers);
  sendJson(res, 200, out.error, { ...headers, 'x-amz-function-error': 'Unhandled' });
}

/** Imports the artifact's index.mjs (cached per directory, like a warm container) and runs it. */
async function runHandler(dir: string, event: unknown, context: object) {
  let stage = 'Runtime.ImportModuleError';
  try {
    const mod = await import(pathToFileURL(join(dir, 'index.mjs')).href);
    stage = 'Runtime.HandlerNotFound';
    if (typeof mod.handler !== 'function') throw new Error('index.handler is not a function');
    stage = '';
    return { result: (await mod.handler(event, context)) as unknown };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const trace = e.stack?.split('\n') ?? [];
    return { error: { errorType: stage || e.name, errorMessage: e.message, trace } };
  }
}

function lambdaContext(
  reg: LambdaRegistry,
  fn: string,
  qualifier: string | undefined,
  version: string,
) {
  return {
    functionName: fn,
    functionVersion: version,
    invokedFunctionArn: reg.arn(fn, qualifier),
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${fn}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 3000,
  };
}

/** `name`, `name:qualifier`, or a full/partial ARN, as the FunctionName path label allows. */
function splitFunctionName(raw: string): [string, string | undefined] {
  const bare = raw.replace(/^(arn:[^:]+:lambda:[^:]+:)?(\d{12}:)?function:/, '');
  const [fn = '', qualifier] = bare.split(':');
  return [fn, qualifier];
}
