// Cold start and memory, each from fresh Node 24 processes. A probe process imports a module
// and prints performance.now(), i.e. milliseconds since the process started, right after the
// import; importing the built bundle loads its tables (module top level, as on Lambda). The
// figure is that time minus the same probe importing an empty handler, paired round by round.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { percentiles } from './measure.ts';
import { NODE24, run } from './spawn.ts';

const PROBE = `const m = process.argv[1];
const gcNow = globalThis.gc ?? (() => {});
gcNow(); const before = process.memoryUsage();
await import(m);
const ms = performance.now();
gcNow(); const after = process.memoryUsage();
const bytes = (u) => u.heapUsed + u.external;
console.log(JSON.stringify({ ms, heapUsed: after.heapUsed - before.heapUsed, total: bytes(after) - bytes(before) }));`;

/** What one probe process reports. */
interface Probe {
  ms: number;
  heapUsed: number;
  total: number;
}

/** Writes the empty handler the baseline imports. */
export function emptyHandler(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'empty.mjs');
  writeFileSync(file, 'export async function handler() { return { statusCode: 200 }; }\n');
  return file;
}

/** Per-round import time over the empty handler (ms, median and p99) for each bundle. */
export async function coldStarts(
  empty: string,
  bundles: string[],
  rounds: number,
): Promise<{ median: number; p99: number }[]> {
  const diffs: number[][] = bundles.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const base = (await probe(empty, false)).ms;
    for (const [i, bundle] of bundles.entries())
      diffs[i]!.push((await probe(bundle, false)).ms - base);
  }
  return diffs.map((d) => percentiles(Float64Array.from(d)));
}

/** Memory a bundle holds after loading (heapUsed + external, after a full GC), median of runs. */
export async function memoryOf(
  bundle: string,
  runs: number,
): Promise<{ heapUsed: number; total: number }> {
  const probes: Probe[] = [];
  for (let r = 0; r < runs; r++) probes.push(await probe(bundle, true));
  const mid = (f: (p: Probe) => number) => percentiles(Float64Array.from(probes.map(f))).median;
  return { heapUsed: mid((p) => p.heapUsed), total: mid((p) => p.total) };
}

async function probe(module: string, gc: boolean): Promise<Probe> {
  const args = [
    ...(gc ? ['--expose-gc'] : []),
    '--input-type=module',
    '-e',
    PROBE,
    pathToFileURL(module).href,
  ];
  const { code, stdout, stderr } = await run(NODE24, args);
  if (code !== 0) throw new Error(`cold-start probe of ${module} failed:\n${stderr}`);
  return JSON.parse(stdout.trim()) as Probe;
}
