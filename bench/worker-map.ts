// Worker: the practical floor, Map#get on a 1M-key Map of caller-number strings, timed exactly
// like decide (same batches, 4096 distinct present keys cycled). Prints one JSON line.
import { timeSync } from './measure.ts';
import { tableCaller } from './write-routes.ts';

const SIZE = 1_000_000;
const PROBES = 4096;
const map = new Map<string, number>();
for (let i = 0; i < SIZE; i++) map.set(tableCaller(i), i);
// Probe strings built separately from the keys, as a request's values are.
const probes = Array.from({ length: PROBES }, (_, i) => tableCaller((i * 104_729) % SIZE));
const stats = timeSync((i) => map.get(probes[i]!), {
  batch: 64,
  samples: 4000,
  warmup: 200_000,
  inputs: PROBES,
});
process.stdout.write(`${JSON.stringify({ stats })}\n`);
