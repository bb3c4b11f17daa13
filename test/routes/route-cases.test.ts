import { describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { loadRouteCases } from '../../src/review/route-tests.ts';
import { runCases } from '../../src/review/run-tests.ts';

// The user's own suite: the route tests of whatever routes/ holds (routes/*.test.yaml) run in
// `npm test` too, so a pull request that breaks a routing promise fails CI. Every other test reads
// test/fixtures/routes/ instead, so any valid edit here keeps them green. Rule coverage is not
// asserted: `routes check` accepts a rule no case reaches yet, and the pull-request workflow gates
// coverage on its own (`routes test --min-coverage 100`), naming the rules it misses.
const compiled = compileAll('routes');
const loaded = loadRouteCases('routes');
const { results } = runCases(compiled.webhooks, loaded.cases, Date.now());

describe('routes/', () => {
  it('compiles without errors', () => {
    expect(compiled.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('has route test files that load without problems', () => {
    expect(loaded.problems).toEqual([]);
  });

  it.each(results.map((r) => [`${r.case.webhook}: ${r.case.name}`, r] as const))(
    '%s',
    (_name, result) => {
      expect(result.mismatches).toEqual([]);
    },
  );
});
