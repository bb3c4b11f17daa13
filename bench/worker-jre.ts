// Worker: the same rules and calls through json-rules-engine, one awaited run per call, plus a
// check that it picks the same rule as decide() (so the comparison is like for like).
// Args: <artifact dir> <rule count> <seed> <max calls> <time budget ms>. Prints one JSON line.

import { decide } from '../src/router/decide.ts';
import { loadRoutesDir } from '../src/webhook/routes-dir.ts';
import { generateCalls } from './calls.ts';
import { generateRules } from './generate.ts';
import { jreRouter } from './json-rules-engine.ts';
import { timeAsync } from './measure.ts';
import { WEBHOOK } from './write-routes.ts';

const CALLS = 4096;
const NOW = Date.parse('2026-11-24T10:00:00Z');

const [dir, size, seed, maxCalls, budgetMs] = process.argv.slice(2);
const gen = generateRules(Number(size), Number(seed));
const calls = generateCalls(gen, CALLS, Number(seed) + 1);
const table = loadRoutesDir(dir!).tables.get(WEBHOOK)!;
const started = performance.now();
const router = jreRouter(gen);
const setupMs = performance.now() - started;
const samples = Number(maxCalls);
const stats = await timeAsync((i) => router.route(calls[i]!), {
  samples,
  warmup: Math.min(20, Math.ceil(samples / 10)),
  inputs: CALLS,
  budgetMs: Number(budgetMs),
});
let disagree = 0;
for (let i = 0; i < Math.min(stats.samples, 200); i++) {
  const ours = decide(table, calls[i]!, NOW).rule?.id ?? null;
  if ((await router.route(calls[i]!)) !== ours) disagree++;
}
process.stdout.write(`${JSON.stringify({ stats, setupMs, disagree })}\n`);
