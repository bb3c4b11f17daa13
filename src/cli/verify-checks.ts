// The two checks `routes verify` makes through the Invoke API: one route test case answered by
// the deployed function, and the deployed manifest on /healthz.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { caseMismatches } from '../review/case-check.ts';
import type { RouteCase } from '../review/route-tests.ts';
import { parseAnswer } from './answer-parse.ts';
import type { LocalBuild } from './verify-build.ts';
import { invokeUrl } from './verify-invoke.ts';

/** What every check needs: where the function is, the local build, and the auth keys. */
export interface VerifyContext {
  client: LambdaClient;
  fn: string;
  alias: string;
  build: LocalBuild;
  /** Keys by webhook, from `--key webhook=KEY`; ROUTE_KEY_<WEBHOOK>, then ROUTE_KEYS, fill the gaps. */
  keys: Record<string, string>;
}

/**
 * A check's outcome: `failure` is null on success; version and hash are what the function
 * reported. `unverified` marks a failure that says nothing about the deployed function (no key,
 * a refused key, throttling, the network): verify then exits 2, never 1, so no rollback follows.
 */
export interface CheckResult {
  failure: string | null;
  unverified?: boolean;
  version?: string | undefined;
  tableHash?: string | undefined;
}

/** Sends `c.call` the way Ringostat's json send type does and compares the answer with `c.expect`. */
export async function checkCase(ctx: VerifyContext, c: RouteCase): Promise<CheckResult> {
  const table = ctx.build.tables.get(c.webhook);
  if (!table) {
    return {
      failure: `webhook "${c.webhook}" is not in the local build; rebuild it`,
      unverified: true,
    };
  }
  const key = table.auth ? routeKey(ctx, c.webhook) : undefined;
  if (table.auth && key === undefined) {
    const hint = `pass --key ${c.webhook}=KEY, set ${envName(c.webhook)}, or add ${c.webhook}=KEY to ROUTE_KEYS`;
    return { failure: `webhook "${c.webhook}" requires a key: ${hint}`, unverified: true };
  }
  const out = await invokeUrl(ctx.client, ctx.fn, ctx.alias, {
    method: 'POST',
    path: `/${c.webhook}`,
    query: key === undefined ? {} : { key },
    headers: { 'content-type': 'application/json', 'user-agent': 'ringostat HTTP Client v1.1' },
    body: JSON.stringify(callParams(c, table.timezone)),
  });
  if ('error' in out) return { failure: out.error, version: out.version };
  const seen = { version: out.version, tableHash: out.headers['x-table-hash'] };
  // The deployed key_sha256 is the local build's whenever the table hashes agree (checked apart),
  // so a refused key means the key given is wrong, not the function.
  if (out.status === 403 && key !== undefined) {
    return {
      ...seen,
      failure: `403: the deployed function refused the key given for "${c.webhook}"`,
      unverified: true,
    };
  }
  if (out.status !== 200)
    return { ...seen, failure: `HTTP ${out.status} (expected 200): ${out.body}` };
  const answer = parseAnswer(table.answer, out.body);
  if ('error' in answer) return { ...seen, failure: answer.error };
  const header = out.headers['x-route-rule'];
  if (header === undefined) return { ...seen, failure: 'the answer has no x-route-rule header' };
  const mismatches = caseMismatches(c, {
    target: answer.target,
    rule: header === 'default' ? null : header,
  });
  return { ...seen, failure: mismatches.length > 0 ? mismatches.join('; ') : null };
}

/** Reads the deployed manifest from GET /healthz; `tableHash` is its hash when the answer is one. */
export async function checkHealth(ctx: VerifyContext): Promise<CheckResult> {
  const out = await invokeUrl(ctx.client, ctx.fn, ctx.alias, { method: 'GET', path: '/healthz' });
  if ('error' in out) return { failure: `GET /healthz: ${out.error}`, version: out.version };
  let hash: unknown;
  try {
    hash = (JSON.parse(out.body) as { tableHash?: unknown }).tableHash;
  } catch {
    // Not JSON: reported below like any answer without a manifest.
  }
  if (out.status !== 200 || typeof hash !== 'string') {
    return {
      failure: `GET /healthz answered HTTP ${out.status} without a manifest`,
      version: out.version,
    };
  }
  return { failure: null, version: out.version, tableHash: hash };
}

/** `ROUTE_KEY_<WEBHOOK>`: upper-cased, `-` becomes `_` (so `kyiv-sales` reads ROUTE_KEY_KYIV_SALES). */
export function envName(webhook: string): string {
  return `ROUTE_KEY_${webhook.toUpperCase().replaceAll('-', '_')}`;
}

function routeKey(ctx: VerifyContext, webhook: string): string | undefined {
  return ctx.keys[webhook] ?? (process.env[envName(webhook)] || routeKeys()[webhook]);
}

/**
 * `ROUTE_KEYS`: every key in one secret, `webhook=key` pairs separated by newlines, commas or
 * spaces, so adding a webhook with `auth` means updating one secret, not the workflow.
 */
export function routeKeys(
  env: string | undefined = process.env.ROUTE_KEYS,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (env ?? '').split(/[\s,]+/)) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * A case pinned to an instant (`now`) cannot set the deployed function's clock, so the instant
 * travels as the `date` parameter, which the router reads in the webhook's timezone instead.
 */
function callParams(c: RouteCase, timeZone: string | null): Record<string, string> {
  if (c.now === null || timeZone === null || c.call.date !== undefined) return c.call;
  return { ...c.call, date: localDateTime(c.now, timeZone) };
}

function localDateTime(epochMs: number, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = format.formatToParts(epochMs);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}
