// `routes verify --url`: the Function URL itself, over plain HTTP, the way Ringostat reaches it.
// The Invoke API checks the function; only this catches a URL that refuses callers (a missing
// resource-based permission answers 403 to everyone while every invoke still succeeds).
import type { CheckResult } from './verify-checks.ts';

/** How long the URL may take to answer; a cold start takes well under a second. */
export const URL_TIMEOUT_MS = 10_000;

/** `<url>healthz`, adding the slash a URL without one lacks. */
export function healthzUrl(url: string): string {
  return `${url.endsWith('/') ? url : `${url}/`}healthz`;
}

/**
 * GETs `<url>healthz` and reads the manifest's table hash. Network failures and throttling leave
 * the deploy unverified; any other answer without a manifest (403, 404, 502 ...) is a failure.
 */
export async function checkUrl(url: string): Promise<CheckResult> {
  const target = healthzUrl(url);
  let res: Response;
  try {
    res = await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(URL_TIMEOUT_MS) });
  } catch (err) {
    return { failure: `GET ${target}: ${networkReason(err)}`, unverified: true };
  }
  const body = await res.text().catch(() => '');
  if (res.status === 429) {
    return { failure: `GET ${target}: HTTP 429, the function is throttled`, unverified: true };
  }
  const hash = manifestHash(body);
  if (res.status !== 200 || hash === undefined) {
    return { failure: `GET ${target} answered HTTP ${res.status} without a manifest` };
  }
  return { failure: null, tableHash: hash };
}

function manifestHash(body: string): string | undefined {
  try {
    const hash = (JSON.parse(body) as { tableHash?: unknown } | null)?.tableHash;
    return typeof hash === 'string' ? hash : undefined;
  } catch {
    return undefined;
  }
}

// fetch() reports every network failure as "fetch failed"; the cause names what happened.
function networkReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `no answer within ${URL_TIMEOUT_MS / 1000} s`;
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return cause
    ? `${err.message} (${typeof code === 'string' ? code : cause.message})`
    : err.message;
}
