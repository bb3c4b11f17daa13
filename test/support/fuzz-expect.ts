// The fuzz's oracle: what the handler must do with a generated request, derived from the plan
// (what the generator put where) and the documented HTTP behaviour (README), never from the
// handler's parser. Bytes and text are decoded with the platform's own decoders (TextDecoder,
// URLSearchParams, JSON.parse); which source a parameter came from, precedence, headers, keys
// and status codes are worked out here from the plan.
import { createHash } from 'node:crypto';
import { type Plan, TRANSPORT } from './fuzz-plan.ts';

/** What the handler must answer, and with which call parameters a 200 is decided. */
export interface Expected {
  status: 200 | 403 | 404 | 405 | 413;
  /** Call parameters by name (no prototype), for the reference interpreter. */
  call: Record<string, string>;
  key: string | null;
  rpcId: string | number | null;
}

/** A webhook's facts the oracle needs: the names its rules read and its key's sha256 (or null). */
export interface OracleHook {
  params: string[];
  keySha256: string | null;
}

const LIMIT = 64 * 1024;
const RINGOSTAT_METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

/** The expected outcome of `plan` against `hook` (the webhook its path names, if any). */
export function expectedOf(plan: Plan, hook: OracleHook | undefined): Expected {
  const method = plan.method ?? 'GET';
  const empty = { call: Object.create(null), key: null, rpcId: null };
  if (plan.webhook === 'healthz') {
    return { ...empty, status: method === 'GET' || method === 'HEAD' ? 200 : 405 };
  }
  if (plan.webhook === null || hook === undefined) return { ...empty, status: 404 };
  if (!RINGOSTAT_METHODS.includes(method)) return { ...empty, status: 405 };
  if (bodyBytes(plan) > LIMIT) return { ...empty, status: 413 };
  const body = bodyParams(plan);
  const query = queryParams(plan);
  const headers = headerParams(plan.headers, hook.params);
  // Body values win over query values, which win over headers.
  const call = Object.assign(Object.create(null), headers.params, query.params, body.params);
  const key = body.key ?? query.key ?? headers.key;
  const denied = hook.keySha256 !== null && (key === null || sha256(key) !== hook.keySha256);
  return { status: denied ? 403 : 200, call, key, rpcId: body.rpcId };
}

interface Found {
  params: Record<string, string>;
  key: string | null;
}

function bodyBytes(plan: Plan): number {
  const raw = plan.body.raw;
  if (raw === undefined) return 0;
  return typeof raw === 'string' ? new TextEncoder().encode(raw).length : raw.length;
}

/** The body as text, the way it arrived: UTF-8 decoded with replacement, one leading BOM dropped. */
function bodyText(plan: Plan): string {
  const raw = plan.body.raw ?? '';
  const text =
    typeof raw === 'string' && !plan.body.base64
      ? raw
      : new TextDecoder('utf-8', { ignoreBOM: true }).decode(
          typeof raw === 'string' ? new TextEncoder().encode(raw) : raw,
        );
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function bodyParams(plan: Plan): Found & { rpcId: string | number | null } {
  const none = { params: {}, key: null, rpcId: null };
  if (plan.body.kind === 'form') return { ...formPairs(bodyText(plan)), rpcId: null };
  if (plan.body.kind !== 'json') return none;
  let doc: unknown;
  try {
    doc = JSON.parse(bodyText(plan));
  } catch {
    return none;
  }
  if (!isObject(doc)) return none;
  if (doc.jsonrpc !== '2.0') return { ...flatJson(doc), rpcId: null };
  const id = typeof doc.id === 'string' || typeof doc.id === 'number' ? doc.id : null;
  return {
    ...(isObject(doc.params) ? flatJson(doc.params) : { params: {}, key: null }),
    rpcId: id,
  };
}

/** A JSON object's parameters: strings (percent-decoded when they decode), numbers, booleans. */
function flatJson(doc: Record<string, unknown>): Found {
  const params: Record<string, string> = Object.create(null);
  let key: string | null = null;
  for (const [name, value] of Object.entries(doc)) {
    let text: string;
    if (typeof value === 'string') text = decoded(value);
    else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
    else continue;
    if (name === 'key') key = text;
    else if (name !== '') params[name] = text;
  }
  return { params, key };
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `a=1&b=2` as browsers read it; a repeated name keeps its last value. */
function formPairs(text: string): Found {
  const params: Record<string, string> = Object.create(null);
  let key: string | null = null;
  // The `&` keeps URLSearchParams from dropping a leading `?`, which is part of a name here.
  for (const [name, value] of new URLSearchParams(`&${text}`)) {
    if (name === 'key') key = value;
    else if (name !== '') params[name] = value;
  }
  return { params, key };
}

function queryParams(plan: Plan): Found {
  if (plan.query !== '') return formPairs(plan.query);
  const params: Record<string, string> = Object.create(null);
  let key: string | null = null;
  for (const [name, value] of Object.entries(plan.queryMap ?? {})) {
    if (typeof value !== 'string' || name === '') continue;
    if (name === 'key') key = value;
    else params[name] = value;
  }
  return { params, key };
}

/**
 * Headers: `x-<name>` and `<name>` both carry `<name>`, matching the rules' names whatever their
 * case, the `x-` form winning; the key from `x-route-key`, else `x-key`, else `key`.
 */
function headerParams(headers: Record<string, unknown>, ruleParams: string[]): Found {
  const params: Record<string, string> = Object.create(null);
  let key: string | null = null;
  let keyRank = -1;
  for (const [raw, value] of Object.entries(headers)) {
    const name = raw.toLowerCase();
    if (typeof value !== 'string' || Object.hasOwn(TRANSPORT, name)) continue;
    const rank = name === 'x-route-key' ? 2 : name.startsWith('x-') ? 1 : 0;
    const param = rank === 2 ? 'key' : rank === 1 ? name.slice(2) : name;
    if (param === 'key') {
      if (rank >= keyRank) [key, keyRank] = [value, rank];
      continue;
    }
    if (param === '') continue;
    const names = [param, ...ruleParams.filter((p) => p !== param && p.toLowerCase() === param)];
    for (const n of names) if (rank > 0 || !Object.hasOwn(params, n)) params[n] = value;
  }
  return { params, key };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
