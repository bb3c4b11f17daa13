// Worker: one engine on one peer scenario (bench/peers.ts), warm, timed in batches like
// worker-decide.ts, plus a check against decide() on the built artifact over every call.
// Args: <decide|flagd|growthbook> <split|list> <artifact dir> <seed>. Prints one JSON line: every
// batch's per-call ns (so the driver can pool processes), the same for the calls trimmed to the
// rules' parameters (peers only), and how the engine's answers compare with ours.
import { GrowthBookClient } from '@growthbook/growthbook';
import { FlagdCore } from '@openfeature/flagd-core';
import { decide } from '../src/router/decide.ts';
import { loadRoutesDir } from '../src/webhook/routes-dir.ts';
import type { Call } from './calls.ts';
import { type TimeOptions, timeSamples } from './measure.ts';
import {
  agreement,
  answerOf,
  DEFAULT,
  type Engine,
  flagdConfig,
  growthbookFeatures,
  PEER_WEBHOOK,
  peerCalls,
  peerList,
  type Scenario,
  trimmed,
} from './peers.ts';

/** Distinct calls the timed loop cycles through. */
const CALLS = 4096;
/** A fixed instant for decide (the calls carry their own date; no rule here reads it). */
const NOW = Date.parse('2026-11-24T10:00:00Z');
/** Timing per scenario, ours and the peers' (the list costs the peers tens of µs a call). */
const TIMING: Record<Scenario, Record<'ours' | 'peer', Omit<TimeOptions, 'inputs'>>> = {
  split: {
    ours: { batch: 64, samples: 3000, warmup: 200_000 },
    peer: { batch: 64, samples: 1000, warmup: 50_000 },
  },
  list: {
    ours: { batch: 64, samples: 3000, warmup: 200_000 },
    peer: { batch: 16, samples: 600, warmup: 4000 },
  },
};

/** The timed operation (its result feeds the sink) and the answer it gives, for the check. */
interface Evaluator {
  run(call: Call): unknown;
  answer(call: Call): string;
}

const [engine, scenario, dir, seed] = process.argv.slice(2) as [Engine, Scenario, string, string];
const list = peerList();
const calls = peerCalls(scenario, CALLS, Number(seed), list);
const table = loadRoutesDir(dir).tables.get(PEER_WEBHOOK[scenario])!;
const ours = calls.map((call) => answerOf(decide(table, call, NOW)));

const started = performance.now();
const evaluator = evaluatorOf(engine);
const setupMs = performance.now() - started;
const check = agreement(scenario, ours, calls.map(evaluator.answer));
const timing = TIMING[scenario][engine === 'decide' ? 'ours' : 'peer'];
const samples = timeSamples((i) => evaluator.run(calls[i]!), { ...timing, inputs: CALLS });
// The peers copy or walk the whole context: the same calls holding only the rules' parameters.
const small = calls.map((call) => trimmed(scenario, call));
const trimmedSamples =
  engine === 'decide'
    ? null
    : timeSamples((i) => evaluator.run(small[i]!), { ...timing, inputs: CALLS });
const rounded = (s: Float64Array) => Array.from(s, (ns) => Math.round(ns * 10) / 10);
process.stdout.write(
  `${JSON.stringify({
    samples: rounded(samples),
    trimmed: trimmedSamples && rounded(trimmedSamples),
    batch: timing.batch,
    calls: CALLS,
    setupMs,
    ...check,
  })}\n`,
);

function evaluatorOf(engine: Engine): Evaluator {
  if (engine === 'decide')
    return {
      run: (call) => decide(table, call, NOW),
      answer: (call) => answerOf(decide(table, call, NOW)),
    };
  if (engine === 'flagd') {
    const core = new FlagdCore();
    core.setConfigurations(JSON.stringify(flagdConfig(list)));
    return {
      run: (call) => core.resolveStringEvaluation(scenario, DEFAULT, call),
      answer: (call) => core.resolveStringEvaluation(scenario, DEFAULT, call).value,
    };
  }
  const client = new GrowthBookClient();
  client.initSync({ payload: { features: growthbookFeatures(list) } });
  return {
    run: (call) => client.evalFeature(scenario, { attributes: call }),
    answer: (call) => String(client.evalFeature(scenario, { attributes: call }).value),
  };
}
