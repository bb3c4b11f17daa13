import { describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { loadRouteCases } from '../../src/review/route-tests.ts';
import { runCases } from '../../src/review/run-tests.ts';

// The repository's own route tests (routes/*.test.yaml) run in `npm test` too, so a pull request
// that breaks a routing promise fails CI even before the route-test workflow step.
const compiled = compileAll('routes');
const loaded = loadRouteCases('routes');
const { results, coverage } = runCases(compiled.webhooks, loaded.cases, Date.now());

describe('routes/', () => {
  it('compiles without errors', () => {
    expect(compiled.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('has route test files that load without problems', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.cases.length).toBeGreaterThan(0);
  });

  it.each(results.map((r) => [`${r.case.webhook}: ${r.case.name}`, r] as const))(
    '%s',
    (_name, result) => {
      expect(result.mismatches).toEqual([]);
    },
  );

  it.each(coverage.map((c) => [c.webhook, c] as const))('reaches every rule of %s', (_name, c) => {
    expect(c.rules.filter((id) => !c.reached.has(id))).toEqual([]);
  });
});
