// Emit pass: the webhook's IR to the table the router loads (TableData) and its binary key files.
// The only place the compiler encodes: week bitmaps to base64, lists and caller tables to keys.
import { Buffer } from 'node:buffer';
import { TIME_KINDS } from '../../router/conditions/registry.ts';
import { keyOf } from '../../router/normalize.ts';
import { encodeRuleLines } from '../../router/rule-lines.ts';
import {
  type RuleData,
  TABLE_FORMAT,
  type TableData,
  type TableFile,
} from '../../router/table-data.ts';
import type {
  CallerTableData,
  ListData,
  RouteData,
  ScheduleData,
  Target,
} from '../../router/types.ts';
import type { LoweredSchedule } from '../lower/lower-hours.ts';
import type { WebhookIR } from '../model/ir.ts';
import { writeKeys } from './keys-writer.ts';

/** A webhook's emitted table and the key files beside it (file name -> bytes). */
export interface EmittedTable {
  table: TableData;
  files: Map<string, Uint8Array>;
}

/** Emits a lowered, analysed and indexed webhook. */
export function emitTable(ir: WebhookIR): EmittedTable {
  const files = new Map<string, Uint8Array>();
  const lists = ir.lists.map((list): ListData => {
    const values = list.values!;
    if (list.storage === 'strings') return { name: list.name, kind: 'strings', values };
    const file = `${ir.name}.list.${list.name}.keys`;
    files.set(file, writeKeys(values.map(keyOf)));
    return { name: list.name, kind: 'keys', file, count: values.length };
  });
  const tables = ir.tables.map((t, i): CallerTableData => {
    const file = `${ir.name}.table.${i}.keys`;
    files.set(file, writeKeys(t.keys!, t.target!));
    return { source: t.path.text, file, count: t.keys!.length, targets: t.targets };
  });
  const rules = ir.rules.map(
    (rule): RuleData => ({
      id: rule.id,
      conditions: rule.conditions.map((c) => ({ param: c.param, condition: c.data! })),
      route: rule.route.data!,
    }),
  );
  const table: TableData = {
    format: TABLE_FORMAT,
    webhook: ir.name,
    description: ir.description,
    timezone: ir.timezone?.text ?? null,
    answer: { field: ir.answer.field, format: ir.answer.format },
    auth: ir.keySha256 ? { keySha256: ir.keySha256 } : null,
    default: ir.default.data as Target | Extract<RouteData, { kind: 'split' }>,
    schedules: ir.schedules.map((s) =>
      emitSchedule({ name: s.name, week: s.week!, closed: s.closedDates }),
    ),
    lists,
    tables,
    rules,
    index: ir.index!,
    params: paramNames(ir),
  };
  return { table, files };
}

/** The parameters the rules read (time conditions read none), with `caller` and `date`. */
function paramNames(ir: WebhookIR): string[] {
  const names = new Set(['caller', 'date']);
  for (const rule of ir.rules)
    for (const c of rule.conditions) if (!TIME_KINDS.has(c.kind)) names.add(c.param);
  return [...names].sort();
}

/** A lowered schedule as the router reads it: the week bitmap in base64. */
export function emitSchedule(s: LoweredSchedule): ScheduleData {
  return { name: s.name, week: Buffer.from(s.week).toString('base64'), closed: s.closed };
}

/** The on-disk form of a compiled table (TableFile) and its rules file (see RuleLines). */
export function tableFiles(name: string, table: TableData): { json: string; rules: Uint8Array } {
  const file: TableFile = { ...table, rules: { file: `${name}.rules`, count: table.rules.length } };
  return { json: `${JSON.stringify(file)}\n`, rules: encodeRuleLines(table.rules) };
}
