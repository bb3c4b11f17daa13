// The local server against a bare node:http server, both driven by autocannon from this process
// with the same request (the sample call as a JSON POST), alternating rounds so drift in the
// machine's load hits both alike. Each server also reports the CPU time it spent, per request.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sampleEvent } from './event.ts';
import { NODE24 } from './spawn.ts';

/** One server's figures, one entry per round: requests/s, p99 (ms), CPU µs per request. */
export interface LoadFigures {
  rps: number[];
  p99: number[];
  cpuPerRequest: number[];
}

/** A server worker process (bench/worker-server.ts). */
export interface Worker {
  url: string;
  /** Sends a line (`gc` collects garbage first) and waits for the worker's next JSON line. */
  ask(line?: string): Promise<{ cpu: number; rss: number; heapUsed: number }>;
  kill(): void;
}

/** Runs `rounds` alternating autocannon rounds of `seconds`: a bare server, then the router. */
export async function serverLoad(
  routesDir: string,
  outDir: string,
  webhook: string,
  o: { rounds: number; seconds: number; connections: number },
): Promise<{ router: LoadFigures; bare: LoadFigures }> {
  const router = await startWorker(['router', routesDir, outDir]);
  const bare = await startWorker(['bare']);
  const body = sampleEvent(webhook).body!;
  const out = { router: figures(), bare: figures() };
  try {
    for (const target of [router, bare]) await load(`${target.url}/${webhook}`, body, 1, o);
    for (let r = 0; r < o.rounds; r++) {
      for (const [name, target] of [
        ['bare', bare],
        ['router', router],
      ] as const) {
        await target.ask();
        const result = await load(`${target.url}/${webhook}`, body, o.seconds, o);
        const { cpu } = await target.ask();
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        out[name].rps.push(result.requests.average);
        out[name].p99.push(result.latency.p99);
        out[name].cpuPerRequest.push(cpu / result.requests.total);
      }
    }
  } finally {
    router.kill();
    bare.kill();
  }
  return out;
}

function figures(): LoadFigures {
  return { rps: [], p99: [], cpuPerRequest: [] };
}

function load(url: string, body: string, seconds: number, o: { connections: number }) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: o.connections,
    duration: seconds,
  });
}

/** Starts bench/worker-server.ts under Node 24 with `args` (`router <routesDir> <outDir>` or `bare`). */
export async function startWorker(args: string[], nodeArgs: string[] = []): Promise<Worker> {
  const script = fileURLToPath(new URL('worker-server.ts', import.meta.url));
  const child = spawn(NODE24, [...nodeArgs, '--import', 'tsx', script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    for (;;) {
      const line = await lines.next();
      if (line.done) throw new Error(`server worker ${args[0]} exited`);
      if (line.value.startsWith('{')) return JSON.parse(line.value);
    }
  };
  const { url } = (await next()) as { url: string };
  return {
    url,
    ask: (line = '') => {
      child.stdin!.write(`${line}\n`);
      return next();
    },
    kill: () => child.kill(),
  };
}
