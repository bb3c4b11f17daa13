// A bench-only variant of the handler bundle whose decision log is a no-op, built with the same
// esbuild options as the real one: it isolates what the log line (JSON.stringify, masking) costs.

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const STUB = `export const stdoutSink = () => {};
export function decisionLine() { return ''; }`;

/** Writes the no-log bundle to `outfile` (place it in an artifact dir: it loads the tables beside it). */
export async function bundleWithoutLog(outfile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('../src/lambda.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [
      {
        name: 'no-decision-log',
        setup(b) {
          b.onLoad({ filter: /decision-log\.ts$/ }, () => ({ contents: STUB, loader: 'ts' }));
        },
      },
    ],
  });
}
