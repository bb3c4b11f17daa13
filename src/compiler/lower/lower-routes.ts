// Lower pass: routes to the targets the router answers with, every destination checked.
import type { RouteData, SplitBranch, Target } from '../../router/types.ts';
import type { BranchIR, RouteIR } from '../model/ir.ts';
import { error, type Loc, type Problem } from '../problem.ts';
import { checkDestination } from './phone.ts';

/** What a route compiler needs from the webhook being compiled. */
export interface RouteContext {
  what: string;
  textFormat: boolean;
  problems: Problem[];
  /** True when the caller table at this index lowered without errors. */
  tableOk(index: number): boolean;
}

/** Compiles a route; null (with problems) when it cannot be answered. */
export function compileRoute(route: RouteIR, ctx: RouteContext): RouteData | null {
  switch (route.kind) {
    case 'to':
    case 'schema':
      return compileTarget(route, ctx);
    case 'table':
      return route.table === null || !ctx.tableOk(route.table)
        ? null
        : { kind: 'table', table: route.table };
    case 'split':
      return compileSplit(route.branches, ctx);
  }
}

/** Compiles a `to` or `schema` target, checking every destination. */
export function compileTarget(
  target: BranchIR['target'] | (RouteIR & { kind: 'to' | 'schema' }),
  ctx: RouteContext,
): Target | null {
  if (target.kind === 'schema') {
    if (ctx.textFormat) ctx.problems.push(textSchema(target.loc, ctx.what));
    return { kind: 'schema', schema: target.schema };
  }
  const values: string[] = [];
  for (const dest of target.to) {
    const check = checkDestination(dest.text);
    if (check.ok) values.push(check.value);
    else ctx.problems.push(error(dest.loc, `${ctx.what}: ${check.message}`));
  }
  return values.length === target.to.length ? { kind: 'to', to: values.join(',') } : null;
}

/** The error for a schema answer on a webhook whose answer format is text. */
export function textSchema(loc: Loc, what: string): Problem {
  return error(
    loc,
    `${what}: a schema route cannot be answered with answer.format text (Ringostat's http receive type takes a destination only)`,
  );
}

function compileSplit(branches: BranchIR[], ctx: RouteContext): RouteData | null {
  const out: SplitBranch[] = [];
  let total = 0;
  for (const branch of branches) {
    if (!Number.isSafeInteger(branch.weight) || branch.weight <= 0) {
      ctx.problems.push(
        error(
          branch.loc,
          `${ctx.what}: split weights must be positive integers (got ${branch.weight})`,
        ),
      );
      continue;
    }
    const target = compileTarget(branch.target, ctx);
    total += branch.weight;
    if (target) out.push({ upTo: total, target });
  }
  return out.length === branches.length && total > 0
    ? { kind: 'split', total, branches: out }
    : null;
}
