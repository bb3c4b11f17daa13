// The local webhook server (`npm start`): a node:http adapter around the very bundle the Lambda
// runs. It builds the routes, loads `<outDir>/lambda/index.mjs`, and answers every request with
// that bundle's router; on a change under routesDir it rebuilds and swaps in the new table only
// when the build is clean.
import { EventEmitter, once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildResult, buildAll } from '../compiler/emit/build.ts';
import { formatProblem, type Problem, tally } from '../compiler/problem.ts';
import type { Manifest } from '../router/types.ts';
import { createListener, type Router } from './listener.ts';
import { watchTree } from './watch.ts';

/** Options of `startServer`. */
export interface ServeOptions {
  routesDir: string;
  outDir: string;
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: a development server has no business on other interfaces. */
  host?: string;
  /** Rebuild and reload on changes under routesDir. Default true. */
  watch?: boolean;
  /** Receives the server's messages and the handler's decision lines. Default: stdout. */
  log?: (line: string) => void;
}

/** What each rebuild reports on `reloaded` (event `reload`). */
export interface ReloadEvent {
  ok: boolean;
  problems: Problem[];
  /** The table now being served (the previous one when the build failed). */
  tableHash: string;
}

/** A running server. */
export interface RunningServer {
  port: number;
  url: string;
  /** Emits `reload` with a ReloadEvent after every rebuild, whether it succeeded or not. */
  reloaded: EventEmitter;
  close(): Promise<void>;
}

/** The initial build failed; its problems have been logged. */
export class BuildFailedError extends Error {
  override name = 'BuildFailedError';
  constructor(
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
  }
}

type Log = (line: string) => void;
type Bundle = { createRouter(dir: string, options?: { log?: Log }): Router };
/** What is being served: the bundle's router over the last good table. */
type Live = { bundle: Bundle; router: Router; manifest: Manifest };

/** Builds the routes, serves them over HTTP, and (unless `watch: false`) reloads them on change. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const live = await load(options, log);
  const server = createServer(createListener(() => live.router, log));
  const url = await listen(server, options.port ?? 8787, options.host ?? '127.0.0.1');
  log(
    `serving ${shown(options)} on ${url} (${names(live.manifest)}) — table ${short(live.manifest)}`,
  );
  const reloaded = new EventEmitter();
  const builds = serialized(async () => {
    reloaded.emit('reload', await reload(options, live, log));
  });
  const watcher =
    options.watch === false
      ? null
      : watchTree(options.routesDir, builds.run, { ignoreDirs: [options.outDir] });
  return {
    port: (server.address() as AddressInfo).port,
    url,
    reloaded,
    async close() {
      watcher?.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections would otherwise hold close() open for seconds.
      server.closeAllConnections();
      await closed;
      await builds.idle();
    },
  };
}

/** The first build and the bundle it produced; a failed build throws BuildFailedError. */
async function load(options: ServeOptions, log: Log): Promise<Live> {
  const first = await build(options, log);
  if (!first.ok) {
    log(`${first.summary} — not serving`);
    throw new BuildFailedError(first.summary, first.problems);
  }
  // Imported once: rebuilds change tables, not the handler, and each import would stay in memory.
  const bundle = (await import(pathToFileURL(join(first.dir, 'index.mjs')).href)) as Bundle;
  return { bundle, router: bundle.createRouter(first.dir, { log }), manifest: first.manifest };
}

/** Rebuilds; swaps the new table into `live` only when the build is clean and loads. */
async function reload(options: ServeOptions, live: Live, log: Log): Promise<ReloadEvent> {
  const next = await build(options, log);
  let failure = next.ok ? null : next.summary;
  if (next.ok) {
    try {
      live.router = live.bundle.createRouter(next.dir, { log });
      live.manifest = next.manifest;
      log(`reloaded ${shown(options)} (${names(live.manifest)}) — table ${short(live.manifest)}`);
    } catch (err) {
      failure = `cannot load the new table: ${message(err)}`;
    }
  }
  if (failure !== null) log(`${failure} — keeping the last good table (${short(live.manifest)})`);
  return { ok: failure === null, problems: next.problems, tableHash: live.manifest.tableHash };
}

type Built =
  | { ok: true; problems: Problem[]; manifest: Manifest; dir: string }
  | { ok: false; problems: Problem[]; summary: string };

/** Runs buildAll, logging every problem as `file:line:col: message`; a throw is a failed build. */
async function build(options: ServeOptions, log: Log): Promise<Built> {
  let result: BuildResult;
  try {
    result = await buildAll({ routesDir: options.routesDir, outDir: options.outDir });
  } catch (err) {
    return { ok: false, problems: [], summary: `build crashed: ${message(err)}` };
  }
  for (const p of result.problems) log(formatProblem(p));
  if (result.ok && result.manifest && result.dir) {
    return { ok: true, problems: result.problems, manifest: result.manifest, dir: result.dir };
  }
  return {
    ok: false,
    problems: result.problems,
    summary: `build failed: ${tally(result.problems)}`,
  };
}

/** Listens and returns the server's URL (with the actual port when 0 was asked for). */
async function listen(server: Server, port: number, host: string): Promise<string> {
  server.listen(port, host);
  await once(server, 'listening');
  const { address, port: actual } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${actual}`;
}

/** Runs `task` one at a time; a request while it runs queues exactly one more run. */
function serialized(task: () => Promise<void>): { run: () => void; idle: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = task().finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
  };
  const idle = async () => {
    while (running) await running;
  };
  return { run, idle };
}

function shown(options: ServeOptions): string {
  return `${options.routesDir.replace(/\/+$/, '')}/`;
}

function names(m: Manifest): string {
  return Object.keys(m.webhooks).join(', ');
}

function short(m: Manifest): string {
  return `${m.tableHash.slice(0, 8)}…`;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
