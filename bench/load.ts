// `npm run load` (not part of `npm test`): autocannon against the local server on 127.0.0.1,
// bounded in time and in requests, with a mix of every send type, method and webhook of the
// fixture routes. Prints requests/s, p50/p99 latency, errors and non-2xx answers, and the
// server's memory before and after; exits 1 on any error, non-2xx or timeout, or when the
// retained heap grew by more than HEAP_GROWTH_LIMIT (a leak under load).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request } from 'autocannon';
import { loadMix } from './load-requests.ts';
import { machine } from './report.ts';
import { startWorker } from './server-load.ts';
import { NODE24, run } from './spawn.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const MAX_REQUESTS = Number(process.env.LOAD_REQUESTS ?? 300_000);
const CONNECTIONS = 10;
const HEAP_GROWTH_LIMIT = 16 * 1024 * 1024;
const FIXTURES = fileURLToPath(new URL('../test/fixtures/routes/', import.meta.url));

const work = mkdtempSync(join(tmpdir(), 'routes-load-'));
let failed = false;
try {
  cpSync(FIXTURES, join(work, 'routes'), { recursive: true });
  const { requests, webhooks } = loadMix(join(work, 'routes'));
  const server = await startWorker(
    ['router', join(work, 'routes'), join(work, 'out')],
    ['--expose-gc'],
  );
  try {
    await check(server.url, requests);
    const base = { url: server.url, connections: CONNECTIONS, requests, timeout: 5 };
    await autocannon({ ...base, duration: 1 }); // warm-up: JIT and connection setup
    const before = await server.ask('gc');
    const result = await autocannon({
      ...base,
      duration: SECONDS,
      maxOverallRequests: MAX_REQUESTS,
    });
    const loaded = await server.ask();
    const after = await server.ask('gc');
    const m = machine((await run(NODE24, ['--version'])).stdout.trim());
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const lines = [
      `load: ${result.requests.total.toLocaleString('en')} requests in ${result.duration.toFixed(1)} s, ${CONNECTIONS} connections, ${requests.length} distinct requests (${webhooks.join(', ')}; 8 send types)`,
      `requests/s: ${Math.round(result.requests.average).toLocaleString('en')}`,
      `latency: p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)}`,
      `errors: ${result.errors}, timeouts: ${result.timeouts}, non-2xx: ${result.non2xx}`,
      `server memory: before RSS ${mb(before.rss)}, heap ${mb(before.heapUsed)} (after GC); at the end RSS ${mb(loaded.rss)}, heap ${mb(loaded.heapUsed)}; after GC heap ${mb(after.heapUsed)}`,
      `machine: ${m.cpu}, ${m.cores} cores, ${m.platform}, server on Node ${m.node}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const growth = after.heapUsed - before.heapUsed;
    failed = result.errors + result.timeouts + result.non2xx > 0 || growth > HEAP_GROWTH_LIMIT;
  } finally {
    server.kill();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

/** autocannon's latencies are whole milliseconds: 0 means under one. */
function ms(value: number): string {
  return value === 0 ? '< 1 ms' : `${value} ms`;
}

/** Sends every distinct request once: each must answer 200 before the load means anything. */
async function check(url: string, requests: Request[]): Promise<void> {
  for (const r of requests) {
    const init: RequestInit = { method: r.method ?? 'GET' };
    if (r.headers) init.headers = r.headers;
    if (r.body !== undefined) init.body = r.body;
    const response = await fetch(`${url}${r.path}`, init);
    if (response.status !== 200)
      throw new Error(
        `${r.method} ${r.path} answered ${response.status}: ${await response.text()}`,
      );
  }
}
