// Rules and answers in words, for the pictures (graph, week) and their legends. Conditions are
// described by the run-time condition registry, so a new condition kind needs nothing here.
import { describeCondition } from '../router/conditions/registry.ts';
import type { RuleData, TableData } from '../router/table-data.ts';
import type { Target } from '../router/types.ts';

/** A table's names for its numbered lists and schedules, as the registry's describe reads them. */
export interface TableNames {
  listNames: string[];
  scheduleNames: string[];
}

/** The list and schedule names of a compiled table. */
export function tableNames(table: Pick<TableData, 'lists' | 'schedules'>): TableNames {
  return {
    listNames: table.lists.map((l) => l.name),
    scheduleNames: table.schedules.map((s) => s.name),
  };
}

/** Each condition of a rule in words, in the order the router checks them: `caller in list vip`. */
export function conditionWords(rule: RuleData, names: TableNames): string[] {
  return rule.conditions.map(
    ({ param, condition }) => `${param} ${describeCondition(condition, names)}`,
  );
}

/** `to 380441111111,380441111112` / `schema 26076`, as `explain` prints answers. */
export function targetWords(target: Target): string {
  return target.kind === 'to' ? `to ${target.to}` : `schema ${target.schema}`;
}
