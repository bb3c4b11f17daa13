// Worker: decide() per call on one built artifact, warm, over varied calls.
// Args: <artifact dir> <rule count> <seed>. Prints one JSON line with every batch's per-call ns,
// so the driver can pool several processes (one process's JIT and heap layout can be unlucky).

import { decide } from '../src/router/decide.ts';
import { loadRoutesDir } from '../src/webhook/routes-dir.ts';
import { generateCalls } from './calls.ts';
import { generateRules } from './generate.ts';
import { timeSamples } from './measure.ts';
import { WEBHOOK } from './write-routes.ts';

/** Calls per timed batch. */
const BATCH = 64;
/** Distinct calls the timed loop cycles through. */
const CALLS = 4096;
/** A fixed instant (a Tuesday noon in Kyiv) for calls without a date (generated ones have one). */
const NOW = Date.parse('2026-11-24T10:00:00Z');

const [dir, size, seed] = process.argv.slice(2);
const gen = generateRules(Number(size), Number(seed));
const calls = generateCalls(gen, CALLS, Number(seed) + 1);
const table = loadRoutesDir(dir!).tables.get(WEBHOOK)!;
let matched = 0;
for (const call of calls) if (decide(table, call, NOW).rule !== null) matched++;
const samples = timeSamples((i) => decide(table, calls[i]!, NOW), {
  batch: BATCH,
  samples: 3000,
  warmup: 200_000,
  inputs: CALLS,
});
const rounded = Array.from(samples, (ns) => Math.round(ns * 10) / 10);
process.stdout.write(
  `${JSON.stringify({ samples: rounded, batch: BATCH, matched, calls: CALLS })}\n`,
);
