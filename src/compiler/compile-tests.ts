import { normalizeValue } from '../router/normalize.ts';
import type { TestData } from '../router/types.ts';
import type { TestSpec } from './model.ts';
import { error, type Problem, warning } from './problem.ts';

/** Context for compiling one rule's tests. */
export interface TestContext {
  rule: string;
  listIndex: Map<string, number>;
  problems: Problem[];
}

/** Compiles a test as written to normalised test data; null (with a problem) when it cannot. */
export function compileTest(spec: TestSpec, ctx: TestContext): TestData | null {
  switch (spec.op) {
    case 'eq':
      return { op: 'eq', values: unique(spec.values.map((v) => normalizeValue(v.text))) };
    case 'prefix':
    case 'contains': {
      const values = unique(spec.values.map((v) => normalizeValue(v.text)));
      const empty = spec.values.find((v) => normalizeValue(v.text) === '');
      if (empty)
        ctx.problems.push(
          warning(empty.loc, `rule "${ctx.rule}": ${spec.op} "" holds for every value`),
        );
      return { op: spec.op, values };
    }
    case 'in': {
      const list = ctx.listIndex.get(spec.list);
      if (list !== undefined) return { op: 'in', list };
      const known = [...ctx.listIndex.keys()];
      const hint = known.length > 0 ? `lists defined: ${known.join(', ')}` : 'no lists defined';
      ctx.problems.push(
        error(spec.loc, `rule "${ctx.rule}": unknown list "${spec.list}" (${hint})`),
      );
      return null;
    }
    case 'range':
      if (spec.min !== null && spec.max !== null && spec.min > spec.max) {
        ctx.problems.push(
          error(
            spec.loc,
            `rule "${ctx.rule}": min ${spec.min} is greater than max ${spec.max}, so the test never holds`,
          ),
        );
        return null;
      }
      return { op: 'range', min: spec.min, max: spec.max };
    case 'exists':
      return { op: 'exists', value: spec.value };
    case 'not': {
      const inner = compileTest(spec.spec, ctx);
      return inner && { op: 'not', test: inner };
    }
    case 'invalid':
      ctx.problems.push(error(spec.loc, `rule "${ctx.rule}": ${spec.message}`));
      return null;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
