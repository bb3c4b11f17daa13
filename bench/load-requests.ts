// The request mix of `npm run load`: every route test case of the fixture routes, sent the ways
// Ringostat can send it (query string, form body, JSON, JSON-RPC, headers, a base64-delivered
// body) with every method it offers, plus Ringostat's sample call as a JSON body to each webhook.
import type { Request } from 'autocannon';
import { loadRouteCases } from '../src/review/route-tests.ts';
import { sampleCall } from './calls.ts';

type Call = Record<string, string>;
type Send = (path: string, call: Call, n: number) => Request;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** Each send type Ringostat offers, and a body the Function URL would deliver as base64. */
export const SENDS: Record<string, Send> = {
  'GET query': (path, call) => ({ method: 'GET', path: `${path}?${form(call)}` }),
  'DELETE query': (path, call) => ({ method: 'DELETE', path: `${path}?${form(call)}` }),
  'POST form': (path, call) => post(path, FORM, form(call)),
  'POST json': (path, call) => post(path, JSON_TYPE, JSON.stringify(call)),
  'PUT json': (path, call) => ({ ...post(path, JSON_TYPE, JSON.stringify(call)), method: 'PUT' }),
  'POST json-rpc': (path, call, n) =>
    post(path, JSON_TYPE, JSON.stringify({ jsonrpc: '2.0', method: 'route', params: call, id: n })),
  'GET headers': (path, call) => ({
    method: 'GET',
    path,
    headers: Object.fromEntries(Object.entries(call).map(([k, v]) => [`x-${k}`, v])),
  }),
  'POST octet-stream json': (path, call) =>
    post(path, 'application/octet-stream', JSON.stringify(call)),
};

/** Every route test case of `routesDir` in every send type, and the sample call per webhook. */
export function loadMix(routesDir: string): { requests: Request[]; webhooks: string[] } {
  const { cases, problems } = loadRouteCases(routesDir);
  if (problems.length > 0) throw new Error(`route tests of ${routesDir} do not load`);
  const webhooks = [...new Set(cases.map((c) => c.webhook))].sort();
  const calls: [string, Call][] = [
    ...cases.map((c): [string, Call] => [c.webhook, c.call]),
    ...webhooks.map((w): [string, Call] => [w, sampleCall()]),
  ];
  const requests = calls.flatMap(([webhook, call], i) =>
    Object.values(SENDS).map((send) => send(`/${webhook}`, call, i)),
  );
  return { requests, webhooks };
}

function post(path: string, type: string, body: string): Request {
  return { method: 'POST', path, headers: { 'content-type': type }, body };
}

function form(call: Call): string {
  return new URLSearchParams(call).toString();
}
