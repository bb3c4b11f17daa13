// Model pass: a schema-valid YAML tree to the webhook's in-memory form (ir.ts). Every value keeps
// its text as written (`1.50` stays "1.50") and its place; each `when` entry is read by its
// kind's registry entry.
import type { AnswerFormat } from '../../router/types.ts';
import type { InnerSpec } from '../conditions/condition.ts';
import { compilerEntry, kindOfTest, TEST_OBJECT_FORMS, WHEN_KEYS } from '../conditions/registry.ts';
import type { YEntry, YMap, YNode } from '../load/load-yaml.ts';
import { error, type Problem } from '../problem.ts';
import type {
  BranchIR,
  ConditionIR,
  ListIR,
  RouteIR,
  RuleIR,
  ScheduleIR,
  TextAt,
  WebhookIR,
} from './ir.ts';

/** Builds the webhook's IR from its schema-valid tree; problems (mixed test objects) go to `problems`. */
export function readWebhook(
  name: string,
  file: string,
  tree: YMap,
  problems: Problem[],
): WebhookIR {
  const answer = entryOf(tree, 'answer');
  return {
    name,
    file,
    loc: tree.loc,
    description: stringAt(tree, 'description'),
    timezone: textOf(entryOf(tree, 'timezone')?.value),
    answer: {
      field: answer ? (stringAt(answer.value, 'field') ?? 'dst_phone') : 'dst_phone',
      format: ((answer ? stringAt(answer.value, 'format') : null) as AnswerFormat) ?? 'json',
      loc: answer?.value.loc ?? tree.loc,
    },
    keySha256: stringAt(entryOf(tree, 'auth')?.value, 'key_sha256'),
    default: readRoute(entryOf(tree, 'default')!.value, 'default', problems),
    schedules: entriesOf(entryOf(tree, 'hours')?.value).map(readSchedule),
    lists: entriesOf(entryOf(tree, 'lists')?.value).map(readList),
    tables: [],
    rules: itemsOf(entryOf(tree, 'rules')?.value).map((rule, i) => readRule(rule, i, problems)),
    index: null,
    problems,
  };
}

function readSchedule(entry: YEntry): ScheduleIR {
  const days = entriesOf(entry.value).filter((e) => e.key !== 'closed');
  return {
    name: entry.key,
    loc: entry.keyLoc,
    days: days.map((d) => ({ key: { text: d.key, loc: d.keyLoc }, ranges: textsOf(d.value) })),
    closed: textsOf(entryOf(entry.value, 'closed')?.value),
    week: null,
    closedDates: [],
  };
}

function readList(entry: YEntry): ListIR {
  const source: ListIR['source'] =
    entry.value.kind === 'seq'
      ? { kind: 'inline', values: textsOf(entry.value) }
      : { kind: 'file', path: textOf(entry.value)! };
  return {
    name: entry.key,
    loc: entry.keyLoc,
    source,
    params: new Set(),
    values: null,
    storage: null,
  };
}

function readRule(node: YNode, index: number, problems: Problem[]): RuleIR {
  const id = textOf(entryOf(node, 'id')?.value)!;
  const values: ConditionIR[] = [];
  const times: ConditionIR[] = [];
  for (const entry of entriesOf(entryOf(node, 'when')?.value)) {
    const condition = readCondition(entry, `rule "${id.text}"`, problems);
    if (condition) (WHEN_KEYS.has(entry.key) ? times : values).push(condition);
  }
  return {
    index,
    id: id.text,
    loc: id.loc,
    // Value conditions first, time conditions last: the router checks them in this order.
    conditions: [...values, ...times],
    route: readRoute(entryOf(node, 'route')!.value, `rules[${index}].route`, problems),
  };
}

function readCondition(entry: YEntry, what: string, problems: Problem[]): ConditionIR | null {
  const kind = WHEN_KEYS.get(entry.key) ?? kindOfTest(entry.value);
  const inner = (node: YNode): InnerSpec | null => {
    const k = kindOfTest(node);
    if (k === null) return mixed(node, what, problems);
    return { kind: k, spec: compilerEntry(k).parse(node, { inner }) };
  };
  if (kind === null) {
    mixed(entry.value, what, problems);
    return null;
  }
  const spec = compilerEntry(kind).parse(entry.value, { inner });
  return { kind, param: entry.key, loc: entry.keyLoc, spec, data: null };
}

function mixed(node: YNode, what: string, problems: Problem[]): null {
  const keys = node.kind === 'map' ? [...node.entries.keys()].join(', ') : '';
  const message = `${what}: a test takes one of ${TEST_OBJECT_FORMS.join(', ')} (got ${keys}); use several rules or \`not\` to combine`;
  problems.push(error(node.loc, message));
  return null;
}

/** The forms a route takes exactly one of; the default cannot look a caller up in a table. */
const FORMS = {
  default: 'the default route takes exactly one of: to, schema, split',
  route: 'a route takes exactly one of: to, schema, split, table',
};

/**
 * Reads a route; `where` is its place as schema messages name it (`rules[0].route`). "Exactly one
 * form" is checked here rather than by the schema's maxProperties, which would leave editors
 * nothing to complete under `route:` (test/schema/routes-editor.test.ts).
 */
function readRoute(node: YNode, where: string, problems: Problem[]): RouteIR {
  const forms = node.kind === 'map' ? node.entries.size : 0;
  if (forms > 1)
    problems.push(
      error(node.loc, `${where}: ${where === 'default' ? FORMS.default : FORMS.route}`),
    );
  const to = entryOf(node, 'to');
  const schema = entryOf(node, 'schema');
  const table = entryOf(node, 'table');
  if (to) return { kind: 'to', to: textsOf(to.value), loc: node.loc, data: null };
  if (schema)
    return { kind: 'schema', schema: numberOf(schema.value), loc: schema.value.loc, data: null };
  if (table)
    return { kind: 'table', path: textOf(table.value)!, table: null, loc: node.loc, data: null };
  const branches = itemsOf(entryOf(node, 'split')?.value).map(readBranch);
  return { kind: 'split', branches, loc: node.loc, data: null };
}

function readBranch(node: YNode): BranchIR {
  const to = entryOf(node, 'to');
  const schema = entryOf(node, 'schema');
  const target: BranchIR['target'] = to
    ? { kind: 'to', to: textsOf(to.value), loc: node.loc }
    : { kind: 'schema', schema: numberOf(schema!.value), loc: schema!.value.loc };
  return { weight: numberOf(entryOf(node, 'weight')!.value), loc: node.loc, target };
}

function entryOf(node: YNode | undefined, key: string): YEntry | undefined {
  return node?.kind === 'map' ? node.entries.get(key) : undefined;
}

function entriesOf(node: YNode | undefined): YEntry[] {
  return node?.kind === 'map' ? [...node.entries.values()] : [];
}

function itemsOf(node: YNode | undefined): YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

function textOf(node: YNode | undefined): TextAt | null {
  return node?.kind === 'scalar' ? { text: node.text, loc: node.loc } : null;
}

/** A scalar or each scalar of a sequence. */
function textsOf(node: YNode | undefined): TextAt[] {
  if (node === undefined) return [];
  return (node.kind === 'seq' ? node.items : [node]).map(
    (n) => textOf(n) ?? { text: '', loc: n.loc },
  );
}

function stringAt(node: YNode | undefined, key: string): string | null {
  const value = entryOf(node, key)?.value;
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : null;
}

function numberOf(node: YNode): number {
  return node.kind === 'scalar' && typeof node.value === 'number' ? node.value : Number.NaN;
}
