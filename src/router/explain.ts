import { localTimeAt, parseCallDate } from './clock.ts';
import { type Decision, decide, type Params, paramValue } from './decide.ts';
import { findKey } from './keys.ts';
import { describeTest } from './matchers.ts';
import { keyOf } from './normalize.ts';
import { isOpen } from './schedule.ts';
import type { Table } from './table.ts';

/** Why a call went where it went. */
export interface Explanation {
  decision: Decision;
  /** How the call's time was read: from `date`, or the current time. */
  time: string;
  /** Every rule before the answering one (all rules for the default), with the test that failed. */
  skipped: { rule: string; reason: string }[];
}

/** Explains `decide`: the answer, and for each earlier rule the first test that did not hold. */
export function explain(table: Table, params: Params, now: number): Explanation {
  const decision = decide(table, params, now);
  const last = decision.rule
    ? table.rules.findIndex((r) => r.data === decision.rule)
    : table.rules.length;
  const skipped = table.rules
    .slice(0, last)
    .map((rule) => ({ rule: rule.data.id, reason: whyNot(table, rule.data.id, params, now) }));
  const zone = table.data.timezone ?? 'UTC';
  const fromDate = parseCallDate(params.date);
  const time = fromDate
    ? `date ${String(params.date).trim()} (${zone})`
    : `now, ${new Date(now).toISOString()} (${zone})`;
  return { decision, time, skipped };
}

function whyNot(table: Table, id: string, params: Params, now: number): string {
  const rule = table.rules.find((r) => r.data.id === id)!;
  const listNames = table.data.lists.map((l) => l.name);
  for (let i = 0; i < rule.matchers.length; i++) {
    const param = rule.params[i]!;
    const value = paramValue(params, param);
    if (!rule.matchers[i]!(value)) {
      const shown = typeof params[param] === 'string' ? JSON.stringify(value) : 'absent';
      return `${param} ${describeTest(rule.data.tests[i]!.test, listNames)}: no (${param} is ${shown})`;
    }
  }
  const hours = rule.data.hours;
  if (hours) {
    const schedule = table.schedules[hours.schedule]!;
    const time = parseCallDate(params.date) ?? localTimeAt(now, table.data.timezone ?? 'UTC');
    if (isOpen(schedule, time) === hours.negate) {
      return hours.negate
        ? `hours not ${schedule.name}: no (inside those hours)`
        : `hours ${schedule.name}: no (outside those hours)`;
    }
  }
  const route = rule.data.route;
  if (route.kind === 'table') {
    const t = table.callerTables[route.table]!;
    if (findKey(t.keys, keyOf(paramValue(params, 'caller'))) < 0) {
      return `table ${table.data.tables[route.table]!.source}: no row for caller ${JSON.stringify(paramValue(params, 'caller'))}`;
    }
  }
  return 'all tests hold, but an earlier rule answered';
}
