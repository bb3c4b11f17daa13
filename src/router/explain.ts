import { whyNot } from './conditions/registry.ts';
import { type Decision, decide, type Params, type Trace } from './decide.ts';
import type { CallScope } from './scope.ts';
import { describeRuleCondition, type Table } from './table.ts';

/** Why a call went where it went. */
export interface Explanation {
  decision: Decision;
  /** How the call's time was read: from `date`, or the current time. */
  time: string;
  /** Every rule before the answering one (all rules for the default), with the condition that failed. */
  skipped: { rule: string; reason: string }[];
  /** How a split chose its branch, when the answer came from one. */
  split: string | null;
}

/**
 * Explains a decision: `decide` with a trace, so the explanation cannot disagree with the answer.
 * For each earlier rule it names the first condition that did not hold and what the call had.
 */
export function explain(table: Table, params: Params, now: number): Explanation {
  const skipped: Explanation['skipped'] = [];
  let call: CallScope | null = null;
  let split: string | null = null;
  const trace: Trace = {
    begin: (c) => {
      call = c;
    },
    skipped: (index, failed) => {
      const rule = table.rules[index]!;
      skipped.push({ rule: rule.data.id, reason: reason(table, index, failed, call!) });
    },
    split: (rule, bucket, total, branch) => {
      const of = rule < 0 ? table.data.default : table.rules[rule]!.data.route;
      const count = of.kind === 'split' ? of.branches.length : 0;
      split = `caller ${JSON.stringify(call!.caller())} hashes to bucket ${bucket} of ${total}: branch ${branch + 1} of ${count}`;
    },
  };
  const decision = decide(table, params, now, trace);
  return { decision, time: timeLine(table, call!, params), skipped, split };
}

function reason(table: Table, index: number, failed: number, call: CallScope): string {
  const rule = table.rules[index]!;
  const data = rule.data;
  if (failed < 0) {
    const route = data.route;
    const source = route.kind === 'table' ? table.data.tables[route.table]!.source : '?';
    return `table ${source}: no row for caller ${JSON.stringify(call.caller())}`;
  }
  const { param, condition } = data.conditions[failed]!;
  const at = { param, slot: rule.slots[failed]!, schedules: table.schedules };
  return `${describeRuleCondition(table, data, failed)}: no (${whyNot(condition, call, at)})`;
}

function timeLine(table: Table, call: CallScope, params: Params): string {
  const zone = table.data.timezone ?? 'UTC';
  const date = typeof params.date === 'string' ? params.date.trim() : '';
  if (call.timeFromDate()) return `date ${date} (${zone})`;
  const now = `now, ${new Date(call.now).toISOString()} (${zone})`;
  return date === '' ? now : `${now}; date "${date}" is not YYYY-MM-DD HH:MM:SS, so it was ignored`;
}
