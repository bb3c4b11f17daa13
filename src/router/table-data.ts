// A webhook's compiled table: the plain data `routes build` writes and `loadTable` reads. Each
// rule's conditions are the condition registry's compiled data (conditions/registry.ts).
import type { ConditionData } from './conditions/registry.ts';
import type {
  AnswerFormat,
  CallerTableData,
  IndexData,
  ListData,
  RouteData,
  ScheduleData,
  SplitBranch,
  Target,
} from './types.ts';

/** The table format `loadTable` reads; bumped whenever the compiled data changes shape. */
export const TABLE_FORMAT = 2;

/**
 * One `when` entry: the parameter it reads (for time conditions such as `hours`, the `when` key)
 * and its compiled condition. Value conditions come first in source order, then time conditions,
 * so the cheap conditions turn a call away before its local time is computed.
 */
export interface WhenEntry {
  param: string;
  condition: ConditionData;
}

/** A compiled rule, in file order. */
export interface RuleData {
  id: string;
  conditions: WhenEntry[];
  route: RouteData;
}

/** Everything the router needs for one webhook. */
export interface TableData {
  format: typeof TABLE_FORMAT;
  webhook: string;
  description: string | null;
  timezone: string | null;
  answer: { field: string; format: AnswerFormat };
  auth: { keySha256: string } | null;
  default: Target | { kind: 'split'; total: number; branches: SplitBranch[] };
  schedules: ScheduleData[];
  lists: ListData[];
  tables: CallerTableData[];
  rules: RuleData[];
  index: IndexData;
  /** Every parameter a rule's value conditions read, plus `caller` and `date`, sorted: headers match them case-insensitively. */
  params: string[];
}

/**
 * A table as `routes build` writes it: the rules live in a file beside it (`rules.file`), one
 * JSON document per line, read as raw bytes at cold start and parsed line by line the first time
 * a call reaches a rule. Parsing 10k rule objects at load took 17-19 ms of cold start
 * (bench/README.md), and a call touches only a handful of rules.
 */
export interface TableFile extends Omit<TableData, 'rules'> {
  rules: { file: string; count: number };
}
