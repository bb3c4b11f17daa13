import { BuildFailedError, startServer } from '../server/serve.ts';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';

const DEFAULT_PORT = 8787;

/**
 * `routes serve [--routes DIR] [--port N] [--out DIR] [--no-watch]`: build, serve on
 * 127.0.0.1 (port: --port, else PORT, else 8787) and reload on change until SIGINT or SIGTERM.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['no-watch']);
  allowFlags(args, ['routes', 'port', 'out', 'no-watch']);
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const port =
    parsePort(flag(args, 'port'), '--port') ?? parsePort(process.env.PORT, 'PORT') ?? DEFAULT_PORT;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      routesDir: flag(args, 'routes', 'routes'),
      outDir: flag(args, 'out', 'build'),
      port,
      watch: flag(args, 'no-watch') === undefined,
    });
  } catch (err) {
    // The build's problems are already printed, located.
    if (err instanceof BuildFailedError) return 1;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      process.stderr.write(
        `serve: cannot listen on 127.0.0.1:${port}: ${code === 'EADDRINUSE' ? 'address in use' : 'permission denied'} (choose another with --port or PORT)\n`,
      );
      return 1;
    }
    throw err;
  }
  const signal = await shutdownSignal();
  process.stdout.write(`${signal}: shutting down\n`);
  await server.close();
  return 0;
}

/** A port number from a flag or the environment; undefined when not given. */
export function parsePort(value: string | undefined, source: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(`${source} must be a port number (0-65535), got "${value}"`);
  return port;
}

function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}
