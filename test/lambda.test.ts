import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRouteCases } from '../src/review/route-tests.ts';
import type { FunctionUrlEvent, FunctionUrlResult } from '../src/webhook/event.ts';
import { type BuiltArtifact, buildExample } from './support/artifact.ts';
import { EXAMPLE_ROUTES } from './support/example-routes.ts';

// The Lambda runtime is nodejs24.x; the `node` dev dependency provides that major locally.
const NODE24 = 'node_modules/node/bin/node';
const sample = readFileSync('test/fixtures/events/ringostat-sample-call.json', 'utf8');
let artifact: BuiltArtifact;
let events: FunctionUrlEvent[];

function event(path: string, body: string): FunctionUrlEvent {
  return {
    version: '2.0',
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'user-agent': 'ringostat HTTP Client v1.1' },
    body,
    isBase64Encoded: false,
    requestContext: {
      timeEpoch: 0,
      http: {
        method: 'POST',
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '10.0.0.1',
        userAgent: 'ringostat HTTP Client v1.1',
      },
    },
  };
}

beforeAll(async () => {
  artifact = await buildExample();
  // Every route test case, plus the sample call and a malformed body, sent as Ringostat's json type.
  const cases = loadRouteCases(EXAMPLE_ROUTES).cases.filter(
    (c) => c.call.date !== undefined || c.now === null,
  );
  events = [
    ...cases.map((c) => event(`/${c.webhook}`, JSON.stringify(c.call))),
    event('/sales', sample),
    event('/sales', '{oops'),
    {
      ...event('/healthz', ''),
      requestContext: {
        timeEpoch: 0,
        http: {
          method: 'GET',
          path: '/healthz',
          protocol: 'HTTP/1.1',
          sourceIp: '10.0.0.1',
          userAgent: 'x',
        },
      },
    },
  ];
});
afterAll(() => artifact.cleanup());

/** The artifact's answers in this process, and the decision lines it wrote to stdout meanwhile. */
async function inProcess(): Promise<{ results: FunctionUrlResult[]; lines: string[] }> {
  const mod = await import(pathToFileURL(join(artifact.dir, 'index.mjs')).href);
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { results: await Promise.all(events.map((e) => mod.handler(e))), lines };
  } finally {
    write.mockRestore();
  }
}

function underNode24(): FunctionUrlResult[] {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(join(artifact.dir, 'index.mjs')).href)});
const events = JSON.parse(process.argv[1]);
const out = [];
for (const e of events) out.push(await m.handler(e));
process.stderr.write(process.version + '\\n');
process.stdout.write('\\n@@' + JSON.stringify(out));`;
  const out = execFileSync(NODE24, ['--input-type=module', '-e', script, JSON.stringify(events)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out.slice(out.indexOf('\n@@') + 3));
}

describe('the built artifact', () => {
  it('runs on Node 24, the Lambda runtime major', () => {
    expect(execFileSync(NODE24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  });

  it('answers every route test case, the sample call and a malformed body the same under Node 24 as here', async () => {
    const { results: here, lines } = await inProcess();
    const there = underNode24();
    // One decision line per call answered (the health check logs none).
    expect(lines.filter((l) => l.includes('"msg":"decision"'))).toHaveLength(events.length - 1);
    expect(there).toEqual(here);
    expect(here.map((r) => r.statusCode)).toEqual(events.map(() => 200));
    expect(here.at(-3)!.body).toBe('{"schema":111}');
    expect(here.at(-2)!.body).toBe('{"schema":26076}');
  });
});
