// `routes build` as a user runs it (`npm run routes -- build`: tsx on the Node running the bench),
// timed from spawn to exit, so tsx start-up and the esbuild bundle step count too.
import { fileURLToPath } from 'node:url';
import { percentiles } from './measure.ts';
import { run } from './spawn.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** Wall-clock ms of `runs` builds of routesDir into outDir (median, p99). */
export async function buildTime(
  routesDir: string,
  outDir: string,
  runs: number,
): Promise<{ median: number; p99: number; samples: number[] }> {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const args = ['--import', 'tsx', MAIN, 'build', '--routes', routesDir, '--out', outDir];
    const { code, stderr } = await run(process.execPath, args, {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1795514400' },
    });
    if (code !== 0) throw new Error(`routes build failed:\n${stderr}`);
    samples.push(performance.now() - started);
  }
  return { ...percentiles(Float64Array.from(samples)), samples };
}
