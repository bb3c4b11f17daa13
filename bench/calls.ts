// Varied calls for the decide and json-rules-engine figures: Ringostat's sample call with the
// routing fields replaced, aimed at a random rule (three quarters) or at nothing (a quarter), at
// random times of one week so hours tests go both ways.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type GenRule, type GenRules, type GenTest, rng } from './generate.ts';
import { tableCaller } from './write-routes.ts';

/** The sample call Ringostat documents (a flat object of strings), kept with the test fixtures. */
export const SAMPLE_CALL_PATH = fileURLToPath(
  new URL('../test/fixtures/events/ringostat-sample-call.json', import.meta.url),
);

/** Call parameters as the router receives them. */
export type Call = Record<string, string>;

/** The sample call, parsed. */
export function sampleCall(): Call {
  return JSON.parse(readFileSync(SAMPLE_CALL_PATH, 'utf8')) as Call;
}

/** `count` calls; with `tableRows`, a tenth of the misses are callers from the caller table. */
export function generateCalls(gen: GenRules, count: number, seed: number, tableRows = 0): Call[] {
  const random = rng(seed);
  const base = sampleCall();
  const calls: Call[] = [];
  for (let n = 0; n < count; n++) {
    const call: Call = { ...base, date: randomDate(random) };
    call.caller = `38068${String(Math.floor(random(10_000_000))).padStart(7, '0')}`;
    if (random(4) >= 1) {
      const rule = gen.rules[Math.floor(random(gen.rules.length))]!;
      aimAt(call, rule, gen, random);
    } else if (tableRows > 0 && random(10) < 1) {
      call.caller = tableCaller(Math.floor(random(tableRows)));
    }
    calls.push(call);
  }
  // Through JSON, as the handler gets them: flat strings, not the rope strings templates build.
  return JSON.parse(JSON.stringify(calls)) as Call[];
}

function aimAt(call: Call, rule: GenRule, gen: GenRules, random: (n: number) => number): void {
  for (const test of rule.tests) call[test.param] = valueFor(test, gen, random);
}

function valueFor(test: GenTest, gen: GenRules, random: (n: number) => number): string {
  switch (test.op) {
    case 'eq':
      return test.values[Math.floor(random(test.values.length))]!;
    case 'in': {
      const values = gen.lists.get(test.list)!;
      return values[Math.floor(random(values.length))]!;
    }
    case 'prefix':
      return test.value + String(Math.floor(random(10)));
    case 'contains':
      return `example.com/?utm_source=x&${test.value}&utm_medium=y`;
    case 'min':
      return String(test.value + Math.floor(random(100)));
  }
}

function randomDate(random: (n: number) => number): string {
  const day = 16 + Math.floor(random(7));
  const hour = Math.floor(random(24));
  const minute = Math.floor(random(60));
  return `2026-11-${day} ${pad2(hour)}:${pad2(minute)}:${pad2(Math.floor(random(60)))}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
