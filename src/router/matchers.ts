import type { KeyFile } from './keys.ts';
import { findKey } from './keys.ts';
import { keyOf } from './normalize.ts';
import type { ListData, TestData } from './types.ts';

/** A compiled parameter test over a normalised value ('' when the parameter is absent). */
export type Matcher = (value: string) => boolean;

/** Membership in a named list, whatever its storage. */
export type ListSet = { has(value: string): boolean };

/**
 * Loads a list: a Set for inline values, built on first use (most of a large table's small lists
 * are expanded into equality anchors and never asked), bisection over the binary key file for
 * large ones, read here so a bad file fails at load.
 */
export function loadList(
  data: ListData,
  readFile: (name: string) => Uint8Array,
  read: (b: Uint8Array) => KeyFile,
): ListSet {
  if (data.kind === 'strings') return new LazySet(data.values);
  const keys = read(readFile(data.file));
  return { has: (value) => findKey(keys, keyOf(value)) >= 0 };
}

class LazySet {
  private set: Set<string> | null = null;
  constructor(private readonly values: string[]) {}
  has(value: string): boolean {
    this.set ??= new Set(this.values);
    return this.set.has(value);
  }
}

/** Turns test data into a predicate; closures keep the per-call path free of dispatch on `op`. */
export function compileTest(test: TestData, lists: ListSet[]): Matcher {
  switch (test.op) {
    case 'eq': {
      const [only] = test.values;
      if (test.values.length === 1 && only !== undefined) return (v) => v === only;
      const set = new Set(test.values);
      return (v) => set.has(v);
    }
    case 'in': {
      const list = lists[test.list]!;
      return (v) => list.has(v);
    }
    case 'prefix': {
      // One value (the usual case): no callback, which would be a closure allocated per call.
      const [only] = test.values;
      if (test.values.length === 1 && only !== undefined) return (v) => v.startsWith(only);
      const values = test.values;
      return (v) => values.some((p) => v.startsWith(p));
    }
    case 'contains': {
      const [only] = test.values;
      if (test.values.length === 1 && only !== undefined) return (v) => v.includes(only);
      const values = test.values;
      return (v) => values.some((p) => v.includes(p));
    }
    case 'range': {
      const { min, max } = test;
      return (v) => {
        if (v === '' || !numeric.test(v)) return false;
        const n = Number(v);
        return (min === null || n >= min) && (max === null || n <= max);
      };
    }
    case 'exists':
      return test.value ? (v) => v !== '' : (v) => v === '';
    case 'not': {
      const inner = compileTest(test.test, lists);
      return (v) => !inner(v);
    }
  }
}

// Decimal numbers only: Number() would also accept '0x1f', '1e3' and 'Infinity'.
const numeric = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** Renders a test for `explain`, e.g. `prefix 38044, 38050`. */
export function describeTest(test: TestData, listNames: string[]): string {
  switch (test.op) {
    case 'eq':
      return test.values.length === 1
        ? `= ${quote(test.values[0]!)}`
        : `one of ${test.values.map(quote).join(', ')}`;
    case 'in':
      return `in list ${listNames[test.list]}`;
    case 'prefix':
      return `starts with ${test.values.map(quote).join(' or ')}`;
    case 'contains':
      return `contains ${test.values.map(quote).join(' or ')}`;
    case 'range':
      return [test.min === null ? '' : `>= ${test.min}`, test.max === null ? '' : `<= ${test.max}`]
        .filter(Boolean)
        .join(' and ');
    case 'exists':
      return test.value ? 'is present' : 'is absent';
    case 'not':
      return `not (${describeTest(test.test, listNames)})`;
  }
}

function quote(value: string): string {
  return JSON.stringify(value);
}
