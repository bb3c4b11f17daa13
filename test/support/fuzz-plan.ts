// A generated request of the handler fuzz as plain data (what was put where), and the Function
// URL event it becomes. fuzz-requests.ts generates the parts; fuzz-expect.ts reads the plan.
import type { FunctionUrlEvent } from '../../src/webhook/event.ts';
import { type BodyPlan, type BodyShape, buildBody, formText, type Piece } from './fuzz-bodies.ts';

/** One generated request. */
export interface Plan {
  /** The webhook the path names, `healthz`, or null when it names none. */
  webhook: string | null;
  path: string;
  /** Null: a hand-built event without requestContext (the handler reads it as GET). */
  method: string | null;
  query: string;
  /** queryStringParameters alone, as a hand-built event may carry them (query is then ''). */
  queryMap: Record<string, unknown> | null;
  headers: Record<string, unknown>;
  body: BodyPlan;
}

/** Headers HTTP, AWS and clients add, none of them a parameter, with typical values. */
export const TRANSPORT: Record<string, string> = {
  'user-agent': 'ringostat HTTP Client v1.1',
  host: 'abc.lambda-url.eu-central-1.on.aws',
  'x-forwarded-for': '185.41.23.17',
  'x-amzn-trace-id': 'Root=1-6743a1f2-3c5e9a0b7d1f24e86a9c0b13',
  'accept-encoding': 'gzip',
  cookie: 'session=1; caller=380441112233',
  date: 'Tue, 24 Nov 2026 08:00:00 GMT',
  'content-length': '120',
  'content-type': 'application/json',
};

/** Where a parameter is put: a bare header is lower-case (as AWS delivers it), a cased one as a client spelt it. */
export type Place = 'query' | 'body' | 'header' | 'x-header' | 'cased-header';

/** Where an auth key is put. */
export type KeyPlace = 'query' | 'body' | 'x-route-key' | 'x-key' | 'key';

/** Everything but the body's shape: placed parameters, noise, headers, keys. */
export interface Parts {
  placed: { place: Place; piece: Piece }[];
  noise: ['query' | 'body', Piece][];
  headers: [string, unknown][];
  keys: [KeyPlace, string][];
  mapOnly: boolean;
}

/** The plan of a request to `webhook` at `path`, from its generated parts. */
export function assemble(
  webhook: string | null,
  path: string,
  method: string | null,
  p: Parts,
  body: BodyShape,
): Plan {
  const at = (place: Place) => p.placed.filter((x) => x.place === place).map((x) => x.piece);
  const keyed = (place: KeyPlace) =>
    p.keys.filter(([k]) => k === place).map(([, v]): Piece => ['key', v, 0]);
  const noise = (where: 'query' | 'body') => p.noise.filter(([w]) => w === where).map(([, n]) => n);
  const query = [...at('query'), ...noise('query'), ...keyed('query')];
  const headers: [string, unknown][] = [
    ...p.placed.filter((x) => x.place.endsWith('header')).map((x) => headerOf(x.place, x.piece)),
    ...p.headers,
    ...p.keys.filter(([k]) => k !== 'query' && k !== 'body'),
  ];
  return {
    webhook,
    path,
    method,
    query: p.mapOnly ? '' : formText(query),
    queryMap: p.mapOnly
      ? ownObject([...query.map(([n, v]): [string, unknown] => [n, v]), ['junk-number', 5]])
      : null,
    headers: ownObject(headers),
    body: buildBody(body, [...at('body'), ...noise('body'), ...keyed('body')]),
  };
}

/** A parameter as a header: lower-case as AWS delivers it, `x-` prefixed, or as a client spelt it. */
function headerOf(place: Place, [name, value]: Piece): [string, unknown] {
  const lower = name.toLowerCase();
  // `date` and the like are HTTP's own headers: a parameter of that name needs the `x-` form.
  if (place === 'x-header' || Object.hasOwn(TRANSPORT, lower)) return [`x-${lower}`, value];
  return [place === 'header' ? lower : name, value];
}

/** An object with every entry as an own property, `__proto__` included; later entries win. */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    Object.defineProperty(out, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The Function URL event of a plan, at `nowMs`. */
export function toEvent(plan: Plan, nowMs: number): FunctionUrlEvent {
  const event: Record<string, unknown> = {
    version: '2.0',
    rawPath: plan.path,
    rawQueryString: plan.query,
    headers: plan.headers,
    isBase64Encoded: plan.body.base64,
  };
  if (plan.method !== null) {
    const http = {
      method: plan.method,
      path: plan.path,
      protocol: 'HTTP/1.1',
      sourceIp: '10.0.0.1',
      userAgent: 'x',
    };
    event.requestContext = { timeEpoch: nowMs, http };
  }
  if (plan.queryMap !== null) event.queryStringParameters = plan.queryMap;
  const raw = plan.body.raw;
  if (raw !== undefined) event.body = plan.body.base64 ? Buffer.from(raw).toString('base64') : raw;
  return event as unknown as FunctionUrlEvent;
}
