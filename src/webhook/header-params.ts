// Call parameters carried in HTTP headers. Ringostat documents no prefix for them, so both
// `caller` and `x-caller` give `caller`; everything HTTP itself, AWS or a proxy adds is ignored.
import type { Params, Source } from './param-sources.ts';

/**
 * Headers that HTTP, browsers, AWS and proxies set on their own. They describe the transport,
 * not the call, so they never become parameters: a rule on `host` or `x-forwarded-for` would
 * silently depend on infrastructure, and `x-route-key` is the auth key. `*` marks a prefix.
 * The last line goes beyond the brief's list: browser, CDN and HTTP/2 headers.
 */
// biome-ignore format: grouped on a few lines, the list reads better than one name per line
const TRANSPORT_HEADERS = [
  'host', 'user-agent', 'content-type', 'content-length', 'content-encoding', 'connection',
  'accept', 'accept-*', 'authorization', 'cookie', 'date', 'expect', 'origin', 'referer', 'te',
  'trailer', 'transfer-encoding', 'upgrade', 'via', 'forwarded', 'keep-alive', 'cache-control',
  'pragma', 'if-*', 'range', 'x-amzn-*', 'x-amz-*', 'x-forwarded-*', 'x-real-ip', 'x-request-id',
  'traceparent', 'tracestate', 'x-route-key',
  'priority', 'dnt', 'upgrade-insecure-requests', 'sec-*', 'proxy-*', 'cloudfront-*', 'x-requested-with',
] as const;

const EXACT = new Set<string>(TRANSPORT_HEADERS.filter((h) => !h.endsWith('*')));
const PREFIXES = TRANSPORT_HEADERS.filter((h) => h.endsWith('*')).map((h) => h.slice(0, -1));

/** What a header name means: the parameter it gives ('' for none) and how strongly. */
interface HeaderRole {
  param: string;
  /** 0 bare name, 1 `x-` prefixed (wins over bare), 2 `x-route-key` (the dedicated key header). */
  rank: number;
}

const SKIP: HeaderRole = { param: '', rank: 0 };
const ROUTE_KEY: HeaderRole = { param: 'key', rank: 2 };

// Every request repeats the same dozen header names; remembering their roles turned 0.55 µs of
// prefix checks into one Map lookup each. Bounded so random names cannot grow it without limit.
const roles = new Map<string, HeaderRole>();
const MAX_ROLES = 512;

/** Whether a lower-case header name is transport, never a parameter. */
export function isTransportHeader(name: string): boolean {
  if (EXACT.has(name)) return true;
  for (const prefix of PREFIXES) if (name.startsWith(prefix)) return true;
  return false;
}

/** A table's parameter names that are not lower-case, by their lower-case form. */
export type HeaderNames = ReadonlyMap<string, readonly string[]>;

/**
 * The names headers must also fill for a table reading `params`: HTTP lower-cases header names,
 * so `e164` has to reach a rule on `E164`. Null when every name is lower-case, the usual case,
 * so reading headers costs nothing extra then.
 */
export function headerNames(params: readonly string[]): HeaderNames | null {
  let names: Map<string, string[]> | null = null;
  for (const name of params) {
    const lower = name.toLowerCase();
    if (lower === name) continue;
    names ??= new Map();
    const same = names.get(lower);
    if (same === undefined) names.set(lower, [name]);
    else same.push(name);
  }
  return names;
}

/**
 * Reads header parameters: `x-<name>` and bare `<name>` both give `<name>` (lower-case), and the
 * `names` it matches case-insensitively too, the `x-` form winning when both come. The key
 * comes from `x-route-key`, else `x-key`, else `key`.
 */
export function readHeaders(headers: unknown, names: HeaderNames | null = null): Source {
  let params: Params | null = null;
  let key: string | null = null;
  let keyRank = -1;
  if (typeof headers !== 'object' || headers === null) return { params, key };
  const all = headers as Record<string, unknown>;
  for (const raw in all) {
    const value = all[raw];
    if (typeof value !== 'string') continue;
    const role = roleOf(raw);
    if (role.param === 'key') {
      if (role.rank >= keyRank) {
        key = value;
        keyRank = role.rank;
      }
    } else if (role.param !== '') {
      params ??= Object.create(null) as Params;
      setParam(params, role.param, value, role.rank);
      const same = names === null ? undefined : names.get(role.param);
      if (same !== undefined) for (const name of same) setParam(params, name, value, role.rank);
    }
  }
  return { params, key };
}

function setParam(params: Params, name: string, value: string, rank: number): void {
  if (rank > 0 || !(name in params)) params[name] = value;
}

function roleOf(raw: string): HeaderRole {
  let role = roles.get(raw);
  if (role === undefined) {
    role = classify(raw.toLowerCase());
    if (roles.size < MAX_ROLES) roles.set(raw, role);
  }
  return role;
}

function classify(name: string): HeaderRole {
  if (name === 'x-route-key') return ROUTE_KEY;
  if (isTransportHeader(name)) return SKIP;
  const prefixed = name.startsWith('x-');
  return { param: prefixed ? name.slice(2) : name, rank: prefixed ? 1 : 0 };
}
