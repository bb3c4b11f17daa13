// A bench-only variant of the handler bundle whose decision log is a no-op, built by the same
// bundleHandler as the real one: it isolates what the log line (JSON, masking) costs.
import { bundleHandler } from '../src/compiler/emit/build.ts';

const STUB = `export const stdoutSink = () => {};
export function decisionLine() { return ''; }`;

/** Writes the no-log bundle to `outfile` (place it in an artifact dir: it loads the tables beside it). */
export async function bundleWithoutLog(outfile: string): Promise<void> {
  await bundleHandler(outfile, [
    {
      name: 'no-decision-log',
      setup(b) {
        b.onLoad({ filter: /decision-log\.ts$/ }, () => ({ contents: STUB, loader: 'ts' }));
      },
    },
  ]);
}
