// The peer figures: the two peer webhooks (bench/peers.ts) built with the real compiler, then each
// engine on each scenario in fresh Node 24 processes (bench/worker-peers.ts); decide in several
// processes with their batches pooled, as for the decide figures.
import { join } from 'node:path';
import { buildAll } from '../src/compiler/emit/build.ts';
import type { Figures, PeerFigure } from './figures.ts';
import { summarize } from './measure.ts';
import { ENGINES, type Engine, SCENARIOS, type Scenario, writePeerRoutes } from './peers.ts';
import { runWorker } from './spawn.ts';

/** What worker-peers.ts prints. */
type PeerRun = Omit<PeerFigure, 'stats' | 'trimmed'> & {
  samples: number[];
  trimmed: number[] | null;
  batch: number;
};

/** Builds the peer routes under `work` and measures every engine on every scenario. */
export async function measurePeers(
  work: string,
  o: { decideRuns: number; seed: number; step: (what: string) => void },
): Promise<Figures['peers']> {
  const routesDir = join(work, 'peers');
  writePeerRoutes(routesDir);
  const built = await buildAll({ routesDir, outDir: join(work, 'peers-out') });
  if (!built.ok) throw new Error(`peer routes do not compile: ${built.problems[0]?.message}`);
  const dir = join(work, 'peers-out', 'lambda');
  const peers = {} as Figures['peers'];
  for (const scenario of SCENARIOS) {
    const figures = {} as Record<Engine, PeerFigure>;
    for (const engine of ENGINES) {
      const runs = engine === 'decide' ? o.decideRuns : 1;
      o.step(`${engine}, ${scenario} (${runs} process${runs > 1 ? 'es' : ''})`);
      figures[engine] = await peerFigure(engine, scenario, dir, o.seed, runs);
    }
    peers[scenario] = figures;
  }
  return peers;
}

async function peerFigure(
  engine: Engine,
  scenario: Scenario,
  dir: string,
  seed: number,
  runs: number,
): Promise<PeerFigure> {
  const pooled: number[] = [];
  const trimmed: number[] = [];
  let run: PeerRun | undefined;
  for (let r = 0; r < runs; r++) {
    run = await runWorker<PeerRun>('worker-peers.ts', [engine, scenario, dir, String(seed)]);
    pooled.push(...run.samples);
    if (run.trimmed) trimmed.push(...run.trimmed);
  }
  const { batch, calls, hits, disagree, firstBranch } = run!;
  return {
    stats: summarize(Float64Array.from(pooled), batch),
    trimmed: trimmed.length > 0 ? summarize(Float64Array.from(trimmed), batch) : null,
    calls,
    hits,
    disagree,
    firstBranch,
  };
}
