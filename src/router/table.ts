import { type KeyFile, readKeys } from './keys.ts';
import { compileTest, type ListSet, loadList, type Matcher } from './matchers.ts';
import { loadSchedule, type Schedule } from './schedule.ts';
import type { RuleData, TableData, Target } from './types.ts';

/** A webhook's table, ready for `decide`: data plus the structures built once at cold start. */
export interface Table {
  data: TableData;
  rules: LoadedRule[];
  schedules: Schedule[];
  callerTables: { keys: KeyFile; targets: Target[] }[];
  anchors: ParamAnchors[];
  scan: Int32Array;
}

/** A rule with its tests compiled to predicates. */
export interface LoadedRule {
  data: RuleData;
  params: string[];
  matchers: Matcher[];
}

/** The anchors of one parameter (see IndexData in types.ts). */
export interface ParamAnchors {
  param: string;
  eq: Map<string, Int32Array>;
  prefix: PrefixNode | null;
  lists: { list: ListSet; rules: Int32Array }[];
  tables: { table: number; rules: Int32Array }[];
}

/** A character trie over anchor prefixes; walking it allocates nothing. */
export interface PrefixNode {
  rules: Int32Array | null;
  next: Map<number, PrefixNode>;
}

/** Thrown when a table file does not fit the code reading it. */
export class TableLoadError extends Error {
  override name = 'TableLoadError';
}

/** Loads a compiled table; `readFile` returns the bytes of a file beside the table. */
export function loadTable(data: TableData, readFile: (name: string) => Uint8Array): Table {
  if (data.format !== 1)
    throw new TableLoadError(`table ${data.webhook}: unsupported format ${String(data.format)}`);
  const lists = data.lists.map((l) => loadList(l, readFile, readKeys));
  const rules = data.rules.map((rule) => ({
    data: rule,
    params: rule.tests.map((t) => t.param),
    matchers: rule.tests.map((t) => compileTest(t.test, lists)),
  }));
  const anchors = data.index.params.map(
    (p): ParamAnchors => ({
      param: p.param,
      eq: new Map(p.eq.map(([value, ids]) => [value, Int32Array.from(ids)])),
      prefix: p.prefix.length > 0 ? buildTrie(p.prefix) : null,
      lists: p.lists.map(([list, ids]) => ({ list: lists[list]!, rules: Int32Array.from(ids) })),
      tables: p.tables.map(([table, ids]) => ({ table, rules: Int32Array.from(ids) })),
    }),
  );
  return {
    data,
    rules,
    schedules: data.schedules.map(loadSchedule),
    callerTables: data.tables.map((t) => ({
      keys: readKeys(readFile(t.file)),
      targets: t.targets,
    })),
    anchors,
    scan: Int32Array.from(data.index.scan),
  };
}

function buildTrie(entries: [string, number[]][]): PrefixNode {
  const root: PrefixNode = { rules: null, next: new Map() };
  for (const [prefix, ids] of entries) {
    let node = root;
    for (let i = 0; i < prefix.length; i++) {
      const code = prefix.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { rules: null, next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    node.rules = Int32Array.from(ids);
  }
  return root;
}
