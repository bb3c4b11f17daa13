// Timing helpers. Fast operations are timed in batches (one clock read per `batch` calls keeps
// the clock's own ~30-70 ns out of sub-microsecond figures); the median and p99 are taken across
// batches of the per-call time (batch time / batch size).
import { hrtime } from 'node:process';

/** A timed figure: per-operation nanoseconds, median and 99th percentile. */
export interface Stats {
  median: number;
  p99: number;
  /** How many samples the percentiles come from. */
  samples: number;
  /** Calls per sample (1 = each call timed on its own). */
  batch: number;
}

/** Options of `timeSync`. */
export interface TimeOptions {
  /** Calls per timed sample. */
  batch: number;
  /** Timed samples. */
  samples: number;
  /** Untimed calls first, so the JIT has optimised the path (figures are for a warm process). */
  warmup: number;
  /** The input index cycles through 0..inputs-1. */
  inputs: number;
}

/** Keeps results alive so the JIT cannot drop the work being timed. */
export let sink = 0;

/** Times `run(i)` (i cycling over the inputs); its result feeds `sink`. */
export function timeSync(run: (i: number) => unknown, o: TimeOptions): Stats {
  return summarize(timeSamples(run, o), o.batch);
}

/** Median and p99 of per-call samples taken `batch` calls at a time. */
export function summarize(per: Float64Array, batch: number): Stats {
  return { ...percentiles(per), samples: per.length, batch };
}

/** The per-call nanoseconds of each timed batch, as `timeSync` measures them. */
export function timeSamples(run: (i: number) => unknown, o: TimeOptions): Float64Array {
  let i = 0;
  for (let w = 0; w < o.warmup; w++) {
    if (run(i) !== undefined) sink++;
    i = i + 1 === o.inputs ? 0 : i + 1;
  }
  const per = new Float64Array(o.samples);
  for (let s = 0; s < o.samples; s++) {
    const start = hrtime.bigint();
    for (let b = 0; b < o.batch; b++) {
      if (run(i) !== undefined) sink++;
      i = i + 1 === o.inputs ? 0 : i + 1;
    }
    per[s] = Number(hrtime.bigint() - start) / o.batch;
  }
  return per;
}

/** Times an async operation one call at a time, until `samples` calls or `budgetMs` elapsed. */
export async function timeAsync(
  run: (i: number) => Promise<unknown>,
  o: { samples: number; warmup: number; inputs: number; budgetMs: number },
): Promise<Stats> {
  for (let w = 0; w < o.warmup; w++) await run(w % o.inputs);
  const per: number[] = [];
  const until = performance.now() + o.budgetMs;
  for (let s = 0; s < o.samples && (s < 5 || performance.now() < until); s++) {
    const start = hrtime.bigint();
    if ((await run(s % o.inputs)) !== undefined) sink++;
    per.push(Number(hrtime.bigint() - start));
  }
  return { ...percentiles(Float64Array.from(per)), samples: per.length, batch: 1 };
}

/** Median and p99 (nearest rank) of samples. */
export function percentiles(values: Float64Array): { median: number; p99: number } {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p99: at(0.99) };
}
