// Starts the local server over a temp copy of the example routes, building into a temp outDir, so
// tests never touch the repository's routes/ or build/.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReloadEvent, type RunningServer, startServer } from '../../src/server/serve.ts';
import { EXAMPLE_ROUTES } from './example-routes.ts';

/** A running local server over its own copy of the example routes. */
export interface LocalServer {
  server: RunningServer;
  /** The temp copy of the example routes being served. */
  routesDir: string;
  outDir: string;
  /** Everything the server logged: its messages and the decision lines. */
  lines: string[];
  stop(): Promise<void>;
}

/** Copies the example routes to a temp dir, lets `prepare` edit the copy, serves it on a free port. */
export async function startLocalServer(
  options: { watch?: boolean; prepare?: (routesDir: string) => void } = {},
): Promise<LocalServer> {
  const root = mkdtempSync(join(tmpdir(), 'routes-serve-'));
  const routesDir = join(root, 'routes');
  const outDir = join(root, 'out');
  cpSync(EXAMPLE_ROUTES, routesDir, { recursive: true });
  options.prepare?.(routesDir);
  const lines: string[] = [];
  try {
    const server = await startServer({
      routesDir,
      outDir,
      port: 0,
      watch: options.watch ?? false,
      log: (l) => lines.push(l),
    });
    return {
      server,
      routesDir,
      outDir,
      lines,
      async stop() {
        await server.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

/** The next reload for which `accept` holds; rejects after `ms` (a missed reload fails fast). */
export function reloadWhere(
  server: RunningServer,
  accept: (event: ReloadEvent) => boolean,
  ms = 15_000,
): Promise<ReloadEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.reloaded.off('reload', listener);
      reject(new Error(`no matching reload within ${ms} ms`));
    }, ms);
    const listener = (event: ReloadEvent) => {
      if (!accept(event)) return;
      clearTimeout(timer);
      server.reloaded.off('reload', listener);
      resolve(event);
    };
    server.reloaded.on('reload', listener);
  });
}
