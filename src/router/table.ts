import { type KeyFile, type KeyHash, loadKeyHash, readKeys } from './keys.ts';
import { compileTest, type ListSet, loadList, type Matcher } from './matchers.ts';
import { RuleLines } from './rule-lines.ts';
import { loadSchedule, type Schedule } from './schedule.ts';
import type { ParamIndexData, RuleData, TableData, TableFile, Target } from './types.ts';

/** A webhook's table, ready for `decide`: data plus the structures built once at cold start. */
export interface Table {
  data: Omit<TableData, 'rules'>;
  rules: LoadedRule[];
  schedules: Schedule[];
  callerTables: { keys: KeyFile; targets: Target[] }[];
  anchors: ParamAnchors[];
  scan: Int32Array;
  /** Every parameter an anchor or a test reads, by slot: `decide` memoises values per call. */
  values: CallValues;
}

/**
 * The current call's normalised parameter values by slot: `values[slot]` is valid while
 * `stamp[slot] === epoch`, so `decide` starts a call by bumping `epoch` instead of clearing.
 * Slots are handed out as anchors load and rules compile, not by a pass over every rule.
 */
export class CallValues {
  readonly names: string[] = [];
  readonly values: string[] = [];
  readonly stamp: number[] = [];
  readonly slotOf = new Map<string, number>();
  epoch = 0;

  /** The slot of a parameter, assigned on first use. */
  slot(name: string): number {
    let at = this.slotOf.get(name);
    if (at === undefined) {
      at = this.names.length;
      this.slotOf.set(name, at);
      this.names.push(name);
      this.values.push('');
      this.stamp.push(0);
    }
    return at;
  }
}

/** `caller`'s slot in every table (split and table routes read it). */
export const CALLER_SLOT = 0;

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
 * A rule with its tests compiled to predicates on first use, so cold start does not pay for
 * rules no call reaches. What `decide` reads per candidate is copied here when it compiles (hours,
 * a fixed target), so a candidate costs no trip through its RuleData.
 */
export class LoadedRule {
  private rule: RuleData | null;
  private readonly lines: RuleLines | null;
  private readonly index: number;
  private readonly lists: ListSet[];
  private readonly callValues: CallValues;
  private compiled: Matcher[] | null;
  private names: string[] | null;
  private slotIds: number[] | null;
  private hoursTest: RuleData['hours'];
  private fixed: Target | null;

  constructor(
    source: RuleData | RuleLines,
    index: number,
    lists: ListSet[],
    callValues: CallValues,
  ) {
    // Assigned here rather than as class fields: cheaper in the interpreter that runs cold start.
    this.rule = source instanceof RuleLines ? null : source;
    this.lines = source instanceof RuleLines ? source : null;
    this.index = index;
    this.lists = lists;
    this.callValues = callValues;
    this.compiled = null;
    this.names = null;
    this.slotIds = null;
    this.hoursTest = null;
    this.fixed = null;
  }

  /** The rule as compiled; from a rules file (TableFile), parsed on first use. */
  get data(): RuleData {
    this.rule ??= this.lines!.get(this.index);
    return this.rule;
  }

  /** The tests as predicates, in `data.tests` order. */
  get matchers(): Matcher[] {
    return this.compiled ?? this.compile();
  }

  /** The parameter each test reads. */
  get params(): string[] {
    this.names ??= this.data.tests.map((t) => t.param);
    return this.names;
  }

  /** The CallValues slot of each test's parameter. */
  get slots(): number[] {
    if (this.compiled === null) this.compile();
    return this.slotIds!;
  }

  /** The rule's `hours` test, or null. */
  get hours(): RuleData['hours'] {
    if (this.compiled === null) this.compile();
    return this.hoursTest;
  }

  /** The answer when the route is a plain `to` or `schema`; null for split and table routes. */
  get target(): Target | null {
    if (this.compiled === null) this.compile();
    return this.fixed;
  }

  private compile(): Matcher[] {
    const { tests, hours, route } = this.data;
    this.slotIds = tests.map((t) => this.callValues.slot(t.param));
    this.hoursTest = hours;
    this.fixed = route.kind === 'to' || route.kind === 'schema' ? route : null;
    this.compiled = tests.map((t) => compileTest(t.test, this.lists));
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
  if (data.format !== 1)
    throw new TableLoadError(`table ${data.webhook}: unsupported format ${String(data.format)}`);
  // Index loops, not map/for-of: cold start runs this once, in the interpreter, where iterator
  // and callback overheads are paid per element (for-of over 10k rules measured 7 ms, this 1 ms).
  const lists: ListSet[] = new Array(data.lists.length);
  for (let i = 0; i < lists.length; i++) lists[i] = loadList(data.lists[i]!, readFile, readKeys);
  const values = new CallValues();
  values.slot('caller'); // CALLER_SLOT
  const rules = loadRules(data, readFile, lists, values);
  return {
    data,
    rules,
    schedules: data.schedules.map(loadSchedule),
    callerTables: data.tables.map((t) => ({
      keys: readKeys(readFile(t.file)),
      targets: t.targets,
    })),
    anchors: data.index.params.map((p) => loadAnchors(p, values.slot(p.param), lists)),
    scan: Int32Array.from(data.index.scan),
    values,
  };
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
  lists: ListSet[],
  values: CallValues,
): LoadedRule[] {
  const inline = Array.isArray(data.rules) ? data.rules : null;
  const file = Array.isArray(data.rules) ? null : data.rules;
  const lines = file ? new RuleLines(readFile(file.file), file.count) : null;
  const rules: LoadedRule[] = new Array(inline ? inline.length : file!.count);
  for (let i = 0; i < rules.length; i++) {
    rules[i] = new LoadedRule(inline ? inline[i]! : lines!, i, lists, values);
  }
  return rules;
}
