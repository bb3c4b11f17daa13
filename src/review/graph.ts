// `routes graph`: a webhook's rules as a Mermaid flowchart, in the order the router tries them,
// each with its conditions in words and its answer, ending in the default. GitHub renders it in
// a ```mermaid block; the behavioural diff embeds it when rule order changes.
import type { CompiledEntry } from '../compiler/pipeline.ts';
import type { RuleData, TableData } from '../router/table-data.ts';
import type { SplitBranch } from '../router/types.ts';
import { conditionWords, type TableNames, tableNames, targetWords } from './words.ts';

/**
 * Past this many rules the rest are one summary node: GitHub's Mermaid stops drawing at 500
 * edges, and a rule takes up to three (a split one more per branch).
 */
export const GRAPH_MAX_RULES = 100;

/** Longest line in a node; longer ones (a condition on 50 prefixes) end in "…". */
const MAX_LINE = 100;

/** The webhook's rules and answers as a Mermaid flowchart (no ``` fence). */
export function mermaidGraph(entry: CompiledEntry): string {
  const table = entry.table;
  const names = tableNames(table);
  const shown = table.rules.slice(0, GRAPH_MAX_RULES);
  const lines = ['flowchart TD', `  hook(["call to /${entry.name}"])`];
  // `edge` is how a call gets past the node before: null when it never does (a catch-all rule).
  let from = 'hook';
  let edge: string | null = '';
  shown.forEach((rule, i) => {
    const id = `r${i + 1}`;
    if (edge !== null) lines.push(`  ${from} -->${edge} ${id}`);
    lines.push(`  ${id}[${text([rule.id, ...ruleLines(rule, names)])}]`);
    lines.push(...answerLines(id, rule, table));
    from = id;
    edge = passEdge(rule);
  });
  const hidden = table.rules.length - shown.length;
  if (hidden > 0) {
    const more = `rules ${GRAPH_MAX_RULES + 1}-${table.rules.length}: ${hidden.toLocaleString('en')} more, not drawn`;
    lines.push(`  ${from} -->${edge ?? ''} more`, `  more[${text([more])}]`);
    [from, edge] = ['more', ''];
  }
  if (edge !== null) lines.push(`  ${from} -->${edge} fallback`);
  lines.push(`  fallback([${text(defaultLines(table))}])`);
  return `${lines.join('\n')}\n`;
}

function ruleLines(rule: RuleData, names: TableNames): string[] {
  const words = conditionWords(rule, names);
  if (words.length === 0) return ['every call'];
  return words.map((w, i) => (i === 0 ? w : `and ${w}`));
}

/** The edges from a rule to its answer nodes. */
function answerLines(id: string, rule: RuleData, table: TableData): string[] {
  const route = rule.route;
  if (route.kind === 'to' || route.kind === 'schema')
    return [`  ${id} -->|"yes"| ${id}a([${text([targetWords(route)])}])`];
  if (route.kind === 'table') {
    const source = table.tables[route.table]!.source;
    return [
      `  ${id} -->|"yes, the caller has a row"| ${id}a([${text([`the caller's row of ${source}`])}])`,
    ];
  }
  return splitLines(id, route.branches, route.total, 'yes, ');
}

function splitLines(id: string, branches: SplitBranch[], total: number, prefix: string): string[] {
  let start = 0;
  return branches.map((b, i) => {
    const weight = b.upTo - start;
    start = b.upTo;
    const share = `${prefix}${percent(weight, total)} (weight ${weight})`;
    return `  ${id} -->|${text([share])}| ${id}b${i + 1}([${text([targetWords(b.target)])}])`;
  });
}

/** The default node's lines; a split default lists its branches with their shares. */
function defaultLines(table: TableData): string[] {
  const d = table.default;
  if (d.kind !== 'split') return [`default: ${targetWords(d)}`];
  let start = 0;
  const branches = d.branches.map((b) => {
    const weight = b.upTo - start;
    start = b.upTo;
    return `${percent(weight, d.total)}: ${targetWords(b.target)}`;
  });
  return ['default, split by caller:', ...branches];
}

/** The edge label from a rule to the next; null when no call gets past it (no conditions). */
function passEdge(rule: RuleData): string | null {
  if (rule.route.kind === 'table')
    return rule.conditions.length > 0 ? '|"no, or no row"|' : '|"no row for the caller"|';
  return rule.conditions.length > 0 ? '|"no"|' : null;
}

function percent(part: number, total: number): string {
  return `${Math.round((part / total) * 1000) / 10}%`;
}

/** A node or edge label: quoted, Mermaid's entity codes for the characters it would read. */
function text(lines: string[]): string {
  const shown = lines.map((l) => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE - 1)}…` : l));
  return `"${shown.map(entities).join('<br/>')}"`;
}

function entities(line: string): string {
  return line
    .replaceAll('#', '#35;')
    .replaceAll('&', '#amp;')
    .replaceAll('"', '#quot;')
    .replaceAll('<', '#lt;')
    .replaceAll('>', '#gt;');
}
