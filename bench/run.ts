// `npm run bench`: generates the seeded rule sets, builds them with the real compiler, measures
// every figure of docs/architecture.md "Performance goals" beside its baseline (and decide beside
// flagd-core and GrowthBook, bench/peers.ts), prints one Markdown table and writes
// bench/results.json (and the table into bench/README.md). Method: bench/README.md.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from '../src/compiler/emit/build.ts';
import { buildTime } from './build-time.ts';
import { coldStarts, emptyHandler, memoryOf } from './cold-start.ts';
import { type Figures, rowsOf } from './figures.ts';
import { generateRules } from './generate.ts';
import { type Stats, summarize } from './measure.ts';
import { bundleWithoutLog } from './nolog-bundle.ts';
import { measurePeers } from './peer-figures.ts';
import { machine, markdown, writeResults } from './report.ts';
import { scaleModel, tableBytes } from './scale-model.ts';
import { serverLoad } from './server-load.ts';
import { NODE24, run, runWorker } from './spawn.ts';
import { WEBHOOK, writeRoutes } from './write-routes.ts';

/** Rule counts of the decide figures. */
const SIZES = [10, 1000, 10_000, 100_000];
/** Rows of the caller table. */
const TABLE_ROWS = 1_000_000;
const SEED = 42;
/** Separate worker processes per decide figure, their samples pooled. */
const DECIDE_RUNS = 3;
/** json-rules-engine calls and time budget per size: it slows down linearly with the rules. */
const JRE_CALLS: Record<number, [calls: number, budgetMs: number]> = {
  10: [2000, 5000],
  1000: [300, 8000],
  10000: [30, 10_000],
  100000: [5, 20_000],
};
/** Beyond this estimated time for its calls, the json-rules-engine figure at 100k is skipped. */
const JRE_MAX_MS = 120_000;

type Jre = { stats: Stats; setupMs: number; disagree: number };
type DecideRun = { samples: number[]; batch: number; matched: number };

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'routes-bench-'));
const artifact = (name: string) => join(work, `${name}-out`, 'lambda');
try {
  const figures = await measureAll();
  const m = machine((await run(NODE24, ['--version'])).stdout.trim());
  const rows = rowsOf(figures);
  const model = scaleModel(figures);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${markdown(rows, m, seconds, model)}\n`);
  writeResults(fileURLToPath(new URL('.', import.meta.url)), rows, m, seconds, model);
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function measureAll(): Promise<Figures> {
  const build = await prepare();
  const router = await measureRouter();
  step('flagd-core and GrowthBook beside decide: a 50/50 split, a 10,000-number list');
  const peers = await measurePeers(work, { decideRuns: DECIDE_RUNS, seed: SEED, step });
  const handler = await measureHandler();
  step('cold start and memory (fresh Node 24 processes)');
  const bundles = [join(artifact('r10000'), 'index.mjs'), join(artifact('table'), 'index.mjs')];
  const cold = await coldStarts(emptyHandler(join(work, 'empty')), bundles, 15);
  const memory = { rules: await memoryOf(bundles[0]!, 3), table: await memoryOf(bundles[1]!, 3) };
  step('local server vs bare node:http (autocannon)');
  const server = await serverLoad(join(work, 'r10000'), join(work, 'serve-out'), WEBHOOK, {
    rounds: 3,
    seconds: 5,
    connections: 10,
  });
  return {
    ...router,
    peers,
    ...handler,
    cold,
    memory,
    bundleBytes: statSync(bundles[0]!).size,
    artifacts: { rules: tableBytes(artifact('r10000')), table: tableBytes(artifact('table')) },
    server,
    build,
  };
}

/** Writes and builds every rule set; the 10k + 1M-row one through `routes build`, timed. */
async function prepare(): Promise<Figures['build']> {
  step(`generating rule sets (${SIZES.join(', ')} rules) and a ${TABLE_ROWS}-row caller table`);
  for (const size of SIZES) writeRoutes(join(work, `r${size}`), generateRules(size, SEED));
  const tableRoutes = join(work, 'table');
  writeRoutes(tableRoutes, generateRules(10_000, SEED, 'lists/callers.csv'), TABLE_ROWS);
  for (const size of SIZES) {
    step(`building ${size} rules`);
    const routesDir = join(work, `r${size}`);
    const built = await buildAll({ routesDir, outDir: join(work, `r${size}-out`) });
    if (!built.ok) throw new Error(`${size} rules do not compile: ${built.problems[0]?.message}`);
  }
  step('timing `routes build` of 10k rules + the 1M-row table (3 runs)');
  return buildTime(tableRoutes, join(work, 'table-out'), 3);
}

async function measureRouter(): Promise<Pick<Figures, 'decide' | 'map' | 'jre'>> {
  const decide: Figures['decide'] = new Map();
  for (const size of SIZES) {
    step(`decide, ${size} rules (${DECIDE_RUNS} processes)`);
    const args = [artifact(`r${size}`), String(size), String(SEED)];
    const pooled: number[] = [];
    let run: DecideRun | undefined;
    for (let r = 0; r < DECIDE_RUNS; r++) {
      run = await runWorker<DecideRun>('worker-decide.ts', args);
      pooled.push(...run.samples);
    }
    decide.set(size, {
      stats: summarize(Float64Array.from(pooled), run!.batch),
      matched: run!.matched,
    });
  }
  step('Map#get on a 1M-key Map');
  const map = (await runWorker<{ stats: Stats }>('worker-map.ts', [])).stats;
  const jre: Figures['jre'] = new Map();
  for (const size of SIZES) jre.set(size, await jreFigure(size, jre.get(size / 10)));
  return { decide, map, jre };
}

async function jreFigure(size: number, smaller: Jre | string | undefined): Promise<Jre | string> {
  const [calls, budgetMs] = JRE_CALLS[size]!;
  if (typeof smaller === 'object') {
    // Its cost grows linearly with the rules: estimate from the smaller size before committing.
    const estimate = (smaller.stats.median / 1e6) * 10 * (calls * 2 + 1);
    if (estimate > JRE_MAX_MS)
      return `skipped: about ${Math.round(estimate / 1000)} s for ${calls} calls, estimated from ${size / 10} rules`;
  }
  step(`json-rules-engine, ${size} rules (up to ${calls} calls or ${budgetMs / 1000} s)`);
  const args = [artifact(`r${size}`), String(size), String(SEED), String(calls), String(budgetMs)];
  return runWorker<Jre>('worker-jre.ts', args);
}

async function measureHandler(): Promise<Pick<Figures, 'handler' | 'noLog'>> {
  step('whole handler on the sample call, with its log line and with a no-op logger');
  const dir = artifact('r10000');
  await bundleWithoutLog(join(dir, 'bench-nolog.mjs'));
  const handler = await runWorker<Figures['handler']>('worker-handler.ts', [
    join(dir, 'index.mjs'),
    dir,
    WEBHOOK,
  ]);
  const noLog = await runWorker<Figures['handler']>('worker-handler.ts', [
    join(dir, 'bench-nolog.mjs'),
    dir,
    WEBHOOK,
  ]);
  return { handler, noLog: noLog.stats };
}

function step(what: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${what}\n`);
}
