import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COMPILER_CONDITIONS,
  TEST_OBJECT_FORMS,
  WHEN_KEYS,
} from '../../../src/compiler/conditions/registry.ts';
import { ROUTER_CONDITIONS } from '../../../src/router/conditions/registry.ts';

const schema = JSON.parse(readFileSync('schema/routes.schema.json', 'utf8'));
const defs = schema.definitions;

describe('the condition registries', () => {
  it('have the same kinds at build time and at run time', () => {
    expect(Object.keys(COMPILER_CONDITIONS)).toEqual(Object.keys(ROUTER_CONDITIONS));
  });

  it('agree with the schema on the keys a test object takes', () => {
    const keys = TEST_OBJECT_FORMS.flatMap((form) => form.split('/'));
    expect(Object.keys(defs.TestObject.properties).sort()).toEqual(keys.sort());
  });

  it('agree with the schema on the `when` keys that are conditions of their own', () => {
    expect(Object.keys(defs.When.properties).sort()).toEqual([...WHEN_KEYS.keys()].sort());
  });

  it("name the kinds in the schema's messages exactly as the compiler's messages do", () => {
    expect(defs.TestObject.errorMessage).toBe(
      `a test object takes one of: ${TEST_OBJECT_FORMS.join(', ')}`,
    );
    expect(defs.Test.errorMessage).toBe(
      `a test is a value, a list of values, or one of { ${TEST_OBJECT_FORMS.join(' | ')} }`,
    );
  });
});
