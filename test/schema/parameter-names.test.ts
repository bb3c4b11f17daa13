import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RINGOSTAT_PARAMS } from '../support/ringostat-params.ts';

const routes = JSON.parse(readFileSync('schema/routes.schema.json', 'utf8'));
const tests = JSON.parse(readFileSync('schema/route-tests.schema.json', 'utf8'));
const when = routes.definitions.When;
const call = tests.definitions.Case.properties.call;

describe("Ringostat's parameter names in the schemas", () => {
  it("are offered under `when:` and under a test's `call:`, each with what it is", () => {
    for (const properties of [when.allOf[0].properties, call.properties]) {
      expect(Object.keys(properties)).toEqual(RINGOSTAT_PARAMS);
      for (const name of RINGOSTAT_PARAMS) expect(properties[name].description).toMatch(/\.$/);
    }
    expect(when.allOf[0].properties).toEqual(
      Object.fromEntries(
        Object.entries(call.properties).map(([k, v]) => [
          k,
          { description: (v as { description: string }).description },
        ]),
      ),
    );
  });

  it('only describe a `when` entry, which is checked once, as a Test', () => {
    expect(
      Object.values(when.allOf[0].properties).every(
        (p) => Object.keys(p as object).join() === 'description',
      ),
    ).toBe(true);
    expect(when.additionalProperties).toEqual({ $ref: '#/definitions/Test' });
  });

  it('leave every other name allowed', () => {
    expect(call.additionalProperties.type).toEqual(['string', 'number', 'boolean']);
  });
});
