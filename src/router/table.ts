import type { Check } from './conditions/condition.ts';
import { compileCheck, describeCondition } from './conditions/registry.ts';
import { type KeyFile, type KeyHash, loadKeyHash, readKeys } from './keys.ts';
import { type ListSet, loadList } from './lists.ts';
import { RuleLines } from './rule-lines.ts';
import { loadSchedule, type Schedule } from './schedule.ts';
import { CallValues } from './scope.ts';
import { type RuleData, TABLE_FORMAT, type TableData, type TableFile } from './table-data.ts';
import type { ParamIndexData, Target } from './types.ts';

/** A webhook's table, ready for `decide`: data plus the structures built once at cold start. */
export interface Table {
  data: Omit<TableData, 'rules'>;
  rules: LoadedRule[];
  lists: ListSet[];
  schedules: Schedule[];
  callerTables: { keys: KeyFile; targets: Target[] }[];
  anchors: ParamAnchors[];
  scan: Int32Array;
  /** Every parameter an anchor or a condition reads, by slot: a call memoises values there. */
  values: CallValues;
}

/** The anchors of one parameter (see IndexData in types.ts); null where it has none of a kind. */
export interface ParamAnchors {
  param: string;
  slot: number;
  eq: KeyHash | null;
  prefix: KeyHash | null;
  lists: { list: ListSet; rules: Int32Array }[];
  tables: { table: number; rules: Int32Array }[];
}

/**
 * A rule with its conditions compiled to checks on first use, so cold start does not pay for
 * rules no call reaches. What `decide` reads per candidate is copied here when it compiles (a
 * fixed target), so a candidate costs no trip through its RuleData.
 */
export class LoadedRule {
  private rule: RuleData | null;
  private readonly lines: RuleLines | null;
  private readonly index: number;
  private readonly table: Table;
  private compiled: Check[] | null;
  private slotIds: number[] | null;
  private fixed: Target | null;

  constructor(source: RuleData | RuleLines, index: number, table: Table) {
    // Assigned here rather than as class fields: cheaper in the interpreter that runs cold start.
    this.rule = source instanceof RuleLines ? null : source;
    this.lines = source instanceof RuleLines ? source : null;
    this.index = index;
    this.table = table;
    this.compiled = null;
    this.slotIds = null;
    this.fixed = null;
  }

  /** The rule as compiled; from a rules file (TableFile), parsed on first use. */
  get data(): RuleData {
    this.rule ??= this.lines!.get(this.index);
    return this.rule;
  }

  /** The rule's conditions as checks, in `data.conditions` order. */
  get checks(): Check[] {
    return this.compiled ?? this.compile();
  }

  /** The CallScope slot of each condition's parameter. */
  get slots(): number[] {
    if (this.compiled === null) this.compile();
    return this.slotIds!;
  }

  /** The answer when the route is a plain `to` or `schema`; null for split and table routes. */
  get target(): Target | null {
    if (this.compiled === null) this.compile();
    return this.fixed;
  }

  private compile(): Check[] {
    const { conditions, route } = this.data;
    const { values, lists, schedules } = this.table;
    this.slotIds = conditions.map((c) => values.slot(c.param));
    this.fixed = route.kind === 'to' || route.kind === 'schema' ? route : null;
    this.compiled = conditions.map((c, i) =>
      compileCheck(c.condition, { slot: this.slotIds![i]!, lists, schedules }),
    );
    return this.compiled;
  }
}

/** Thrown when a table file does not fit the code reading it. */
export class TableLoadError extends Error {
  override name = 'TableLoadError';
}

/** Loads a compiled table; `readFile` returns the bytes of a file beside the table. */
export function loadTable(
  data: TableData | TableFile,
  readFile: (name: string) => Uint8Array,
): Table {
  if (data.format !== TABLE_FORMAT)
    throw new TableLoadError(`table ${data.webhook}: unsupported format ${String(data.format)}`);
  // Index loops, not map/for-of: cold start runs this once, in the interpreter, where iterator
  // and callback overheads are paid per element (for-of over 10k rules measured 7 ms, this 1 ms).
  const lists: ListSet[] = new Array(data.lists.length);
  for (let i = 0; i < lists.length; i++) lists[i] = loadList(data.lists[i]!, readFile, readKeys);
  const values = new CallValues();
  values.slot('caller'); // CALLER_SLOT
  const table: Table = {
    data,
    rules: [],
    lists,
    schedules: data.schedules.map(loadSchedule),
    callerTables: data.tables.map((t) => ({
      keys: readKeys(readFile(t.file)),
      targets: t.targets,
    })),
    anchors: data.index.params.map((p) => loadAnchors(p, values.slot(p.param), lists)),
    scan: Int32Array.from(data.index.scan),
    values,
  };
  table.rules = loadRules(data, readFile, table);
  return table;
}

/** A rule's condition in words (explain, diff): `caller in list vip`. */
export function describeRuleCondition(table: Table, rule: RuleData, index: number): string {
  const { param, condition } = rule.conditions[index]!;
  const names = {
    listNames: table.data.lists.map((l) => l.name),
    scheduleNames: table.data.schedules.map((s) => s.name),
  };
  return `${param} ${describeCondition(condition, names)}`;
}

function loadAnchors(p: ParamIndexData, slot: number, lists: ListSet[]): ParamAnchors {
  return {
    param: p.param,
    slot,
    eq: p.eq.keys.length > 0 ? loadKeyHash(p.eq) : null,
    prefix: p.prefix.keys.length > 0 ? loadKeyHash(p.prefix) : null,
    lists: p.lists.map(([list, ids]) => ({ list: lists[list]!, rules: Int32Array.from(ids) })),
    tables: p.tables.map(([table, ids]) => ({ table, rules: Int32Array.from(ids) })),
  };
}

function loadRules(
  data: TableData | TableFile,
  readFile: (name: string) => Uint8Array,
  table: Table,
): LoadedRule[] {
  const inline = Array.isArray(data.rules) ? data.rules : null;
  const file = Array.isArray(data.rules) ? null : data.rules;
  const lines = file ? new RuleLines(readFile(file.file), file.count) : null;
  const rules: LoadedRule[] = new Array(inline ? inline.length : file!.count);
  for (let i = 0; i < rules.length; i++) {
    rules[i] = new LoadedRule(inline ? inline[i]! : lines!, i, table);
  }
  return rules;
}
