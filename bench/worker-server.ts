// Worker: a server for the load test, in its own process so the load generator does not share
// its event loop. Args: router <routesDir> <outDir> | bare. Prints its URL as one JSON line, then
// serves until killed; each line on stdin gets back the CPU time (µs) used since the previous
// one and the process's memory (RSS, heap used; a `gc` line collects garbage first). The bare server reads the body and answers a constant, the floor any node:http server
// pays; the router is the project's local server (src/server/serve.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { startServer } from '../src/server/serve.ts';

const [mode, routesDir, outDir] = process.argv.slice(2);
const ANSWER = '{"schema":26076}';

if (mode === 'router') {
  const server = await startServer({
    routesDir: routesDir!,
    outDir: outDir!,
    port: 0,
    host: '127.0.0.1',
    watch: false,
    // Decision lines are built as always and dropped: the figure is the server, not the terminal.
    log: () => {},
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
} else {
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': ANSWER.length,
      });
      res.end(ANSWER);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  });
}

let since = process.cpuUsage();
createInterface({ input: process.stdin }).on('line', (line) => {
  const used = process.cpuUsage(since);
  since = process.cpuUsage();
  // `gc` (with --expose-gc) collects first, so the heap figure is what is retained.
  if (line === 'gc') (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ cpu: used.user + used.system, rss, heapUsed })}\n`);
});
