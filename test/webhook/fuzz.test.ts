// The handler core under seeded fuzzing: every webhook of test/fixtures/routes, plus one with auth
// and test/fixtures/fuzz/odd.yaml (awkward parameter names), built into the real artifact, gets
// generated requests of every send type and method, sloppy and hostile ones included. Each answer is checked against
// what the plan says the handler must do (fuzz-expect.ts) and, for a 200, against the reference
// interpreter reading the YAML. A failure prints fast-check's seed and the shrunk request.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../src/compiler/emit/build.ts';
import type { Target } from '../../src/router/types.ts';
import type { FunctionUrlEvent, FunctionUrlResult } from '../../src/webhook/event.ts';
import { createHandler } from '../../src/webhook/handler.ts';
import { type LoadedRoutes, loadRoutesDir } from '../../src/webhook/routes-dir.ts';
import { SECURE_HASH, SECURE_KEY, SECURE_YAML } from '../support/artifact.ts';
import { expectedOf, type OracleHook } from '../support/fuzz-expect.ts';
import { type Plan, toEvent } from '../support/fuzz-plan.ts';
import { type FuzzHook, plans } from '../support/fuzz-requests.ts';
import { vocabulary } from '../support/fuzz-vocabulary.ts';
import { loadReference, type RefWebhook, referenceDecide } from '../support/reference.ts';

/** Tuesday 24 November 2026, 10:00 in Kyiv: the handler's clock when a call has no valid date. */
const NOW = Date.parse('2026-11-24T08:00:00Z');
const RUNS = 12_000;
const SEED = 20_261_124;

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const ERRORS: Record<number, string> = {
  403: '{"error":"forbidden"}',
  404: '{"error":"unknown webhook"}',
  405: '{"error":"method not allowed"}',
  413: '{"error":"body over 64 KiB"}',
};

interface Hook {
  fuzz: FuzzHook;
  oracle: OracleHook;
  ref: RefWebhook;
  answer: { field: string; format: string };
}

let root: string;
let routes: LoadedRoutes;
let handle: (event: FunctionUrlEvent) => FunctionUrlResult;
const hooks = new Map<string, Hook>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'routes-fuzz-'));
  const routesDir = join(root, 'routes');
  cpSync('test/fixtures/routes', routesDir, { recursive: true });
  writeFileSync(join(routesDir, 'secure.yaml'), SECURE_YAML);
  cpSync('test/fixtures/fuzz/odd.yaml', join(routesDir, 'odd.yaml'));
  const built = await buildAll({ routesDir, outDir: join(root, 'build') });
  if (!built.ok || !built.dir)
    throw new Error(`fuzz routes do not build: ${JSON.stringify(built.problems)}`);
  routes = loadRoutesDir(built.dir);
  handle = createHandler(routes, { log: () => {}, now: () => NOW });
  for (const name of Object.keys(routes.manifest.webhooks)) {
    const ref = loadReference(routesDir, name);
    const vocab = vocabulary(ref);
    const doc = ref.doc as { answer?: { field?: string; format?: string }; auth?: object };
    hooks.set(name, {
      fuzz: { name, vocab, key: doc.auth ? SECURE_KEY : null },
      oracle: { params: [...vocab.keys()], keySha256: doc.auth ? SECURE_HASH : null },
      ref,
      answer: { field: doc.answer?.field ?? 'dst_phone', format: doc.answer?.format ?? 'json' },
    });
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the handler under fuzzing', () => {
  it(`answers ${RUNS} generated requests as the contract and the reference interpreter say`, () => {
    const seen: Seen = {
      statuses: new Set(),
      rules: new Set(),
      kinds: new Set(),
      shapes: new Set(),
      methods: new Set(),
    };
    let requests = 0;
    fc.assert(
      fc.property(plans([...hooks.values()].map((h) => h.fuzz)), (plan) => {
        requests++;
        check(plan, seen);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(requests).toBe(RUNS);
    // Guards against a fuzz that tests little: every status, every rule, every kind of body.
    expect([...seen.statuses].sort()).toEqual([200, 403, 404, 405, 413]);
    expect([...seen.rules].sort()).toEqual(everyRule());
    expect([...seen.kinds].sort()).toEqual([
      'form',
      'form base64',
      'json',
      'json base64',
      'junk',
      'junk base64',
      'none',
    ]);
    expect([...seen.shapes].sort()).toEqual([
      'batch',
      'broken',
      'form',
      'huge',
      'json',
      'junk',
      'none',
      'rpc',
      'scalar',
    ]);
    expect([...seen.methods].map((m) => m ?? 'no requestContext').sort()).toEqual(
      // biome-ignore format: one line per kind of method
      ['', 'CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PUT', 'TRACE', 'no requestContext'],
    );
  });

  it('never throws and answers a known status for events of any shape at all', () => {
    const known = fc.constantFrom('/sales', '/support', '/odd', '/secure', '/healthz');
    const anyEvent = fc.oneof(
      fc.anything(),
      fc.record({
        rawPath: fc.oneof(known, fc.anything()),
        rawQueryString: fc.anything(),
        headers: fc.anything(),
        body: fc.anything(),
        isBase64Encoded: fc.anything(),
        queryStringParameters: fc.anything(),
        requestContext: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(anyEvent, (event) => {
        const res = handle(event as FunctionUrlEvent);
        expect([200, 403, 404, 405, 413]).toContain(res.statusCode);
        expect(typeof res.body).toBe('string');
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

interface Seen {
  statuses: Set<number>;
  rules: Set<string>;
  kinds: Set<string>;
  shapes: Set<string>;
  methods: Set<string | null>;
}

/** Sends one plan and checks the status, then the body: an error without routing data, or the reference's answer. */
function check(plan: Plan, seen: Seen): void {
  const res = handle(toEvent(plan, NOW));
  const hook = plan.webhook === null ? undefined : hooks.get(plan.webhook);
  const expected = expectedOf(plan, hook?.oracle);
  expect(res.statusCode).toBe(expected.status);
  seen.statuses.add(res.statusCode);
  seen.kinds.add(`${plan.body.kind}${plan.body.base64 ? ' base64' : ''}`);
  seen.shapes.add(plan.body.shape);
  seen.methods.add(plan.method);
  if (plan.webhook === 'healthz') {
    const manifest = expected.status === 200 ? JSON.stringify(routes.manifest) : ERRORS[405];
    expect(res.body).toBe(manifest);
    return;
  }
  if (res.statusCode !== 200) {
    expect([res.body, res.headers['x-route-rule']]).toEqual([ERRORS[res.statusCode], undefined]);
    return;
  }
  const answer = referenceDecide(hook!.ref, expected.call, NOW);
  const rule = answer.ruleId ?? 'default';
  seen.rules.add(`${plan.webhook}:${rule}`);
  expect([res.headers['x-route-rule'], res.headers['content-type'], res.body]).toEqual([
    rule,
    hook!.answer.format === 'text' ? TEXT_TYPE : JSON_TYPE,
    rendered(hook!.answer, answer.target, expected.rpcId),
  ]);
}

/** The answer as the README's HTTP behaviour writes it, built here rather than by the handler. */
function rendered(
  answer: { field: string; format: string },
  target: Target,
  rpcId: string | number | null,
): string {
  if (answer.format === 'text') return target.kind === 'to' ? target.to : String(target.schema);
  const result = target.kind === 'to' ? { [answer.field]: target.to } : { schema: target.schema };
  if (answer.format === 'json') return JSON.stringify(result);
  return JSON.stringify({ jsonrpc: '2.0', id: rpcId, result });
}

/** Every rule of every webhook, and each webhook's default, as `webhook:rule`. */
function everyRule(): string[] {
  return [...hooks]
    .flatMap(([name, h]) => {
      const rules = (h.ref.doc as { rules?: { id: string }[] }).rules ?? [];
      return [...rules.map((r) => `${name}:${r.id}`), `${name}:default`];
    })
    .sort();
}
