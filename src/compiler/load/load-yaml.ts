// Load pass: one YAML file to a tree of located nodes (YNode). Every later pass reads values and
// their places from the tree; JSON pointers appear only at the edge, to place the schema
// validator's errors (`locate`).
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Pair,
  type Node as YamlNode,
} from 'yaml';
import { addAll, error, type Loc, type Problem } from '../problem.ts';
import { LIMITS } from './limits.ts';
import { yamlProblems } from './yaml-errors.ts';
import type { YEntry, YMap, YNode, YScalar } from './yaml-nodes.ts';
import { parseBounded } from './yaml-parse.ts';
import { locate, nodeAt } from './yaml-pointer.ts';

export type { YEntry, YMap, YNode, YScalar, YSeq } from './yaml-nodes.ts';
export { pointerSegment } from './yaml-pointer.ts';

/** A parsed YAML file: its tree, the same content as plain data (for the schema), and problems. */
export interface YamlSource {
  file: string;
  text: string;
  /** null for an empty file, undefined when the file could not be read as YAML. */
  tree: YNode | null | undefined;
  data: unknown;
  /** Position of the value at `pointer` (or of its key with `key: true`), nearest ancestor if unknown. */
  locate(pointer: string, key?: boolean): Loc;
  /** A non-string scalar exactly as written (`1.50`, `True`, `0x1F`). */
  written(pointer: string): string | undefined;
  problems: Problem[];
}

/**
 * Parses YAML keeping positions. Integers are kept as written when a JS number would change them
 * (`0441`, `+380...`, 16+ digit numbers): phone numbers and IDs keep every digit, quoted or not;
 * test/compiler/load/load-yaml.test.ts pins this. Aliases expand to at most LIMITS.aliasNodes
 * nodes and nesting stops at LIMITS.depth, each a located error, so no file can hang a check.
 */
export function loadYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const at = (offset: number): Loc => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  // Duplicate keys are found while converting, where both places are known.
  const parsed = parseBounded(text, lineCounter);
  let tree: YNode | null | undefined;
  const problems: Problem[] = [];
  if ('stop' in parsed) {
    problems.push(error(at(parsed.stop.offset), parsed.stop.message));
  } else {
    const doc = parsed.doc;
    addAll(problems, yamlProblems(doc, text, at));
    const walk: Walk = { doc, problems, at, aliasNodes: 0, stopped: false, resolved: new Map() };
    if (doc.errors.length === 0) {
      tree = doc.contents === null ? null : toNode(walk, doc.contents, 0, false);
      if (walk.stopped) tree = undefined;
    }
  }
  const data = tree === undefined ? undefined : tree === null ? null : toPlain(tree);
  return {
    file,
    text,
    tree,
    data,
    locate: (pointer, key = false) => locate(tree ?? null, pointer, key, at(0)),
    written: (pointer) => {
      const node = nodeAt(tree ?? null, pointer);
      return node?.kind === 'scalar' && node.plain ? node.text : undefined;
    },
    problems,
  };
}

/** The plain value of a node, as JSON Schema validation sees the file. */
export function toPlain(node: YNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, entry] of node.entries) out[key] = toPlain(entry.value);
  return out;
}

interface Walk {
  doc: Document;
  problems: Problem[];
  at(offset: number): Loc;
  aliasNodes: number;
  stopped: boolean;
  /** Each alias's target: yaml's `resolve` walks the document from the top on every call. */
  resolved: Map<Alias, unknown>;
  /** The outermost alias being expanded, where an alias bomb is reported. */
  aliasAt?: Loc;
}

function toNode(w: Walk, node: unknown, depth: number, viaAlias: boolean): YNode {
  const loc = w.at((node as YamlNode | null)?.range?.[0] ?? 0);
  if (depth > LIMITS.depth) return stop(w, loc, `nesting deeper than ${LIMITS.depth} levels`);
  if (isAlias(node)) {
    if (!w.resolved.has(node)) w.resolved.set(node, node.resolve(w.doc));
    const target = w.resolved.get(node);
    if (!viaAlias) w.aliasAt = loc;
    return target ? toNode(w, target, depth + 1, true) : nullAt(loc);
  }
  if (viaAlias && ++w.aliasNodes > LIMITS.aliasNodes) {
    const count = LIMITS.aliasNodes.toLocaleString('en');
    return stop(w, w.aliasAt ?? loc, `aliases expand to more than ${count} nodes (an alias bomb?)`);
  }
  if (w.stopped) return nullAt(loc);
  if (isMap(node)) return mapNode(w, node.items, loc, depth, viaAlias);
  if (isSeq(node))
    return { kind: 'seq', loc, items: node.items.map((i) => toNode(w, i, depth + 1, viaAlias)) };
  if (isScalar(node)) {
    const plain = typeof node.value !== 'string';
    const text = plain && typeof node.source === 'string' ? node.source : String(node.value);
    return { kind: 'scalar', loc, value: scalarValue(node.value, node.source), text, plain };
  }
  return nullAt(loc);
}

function mapNode(w: Walk, items: Pair[], loc: Loc, depth: number, viaAlias: boolean): YMap {
  const entries = new Map<string, YEntry>();
  const merges: unknown[] = [];
  for (const pair of items) {
    if (w.stopped) break;
    const key = isScalar(pair.key) ? scalarKey(pair.key.value, pair.key.source) : String(pair.key);
    const keyLoc = w.at((pair.key as YamlNode | null)?.range?.[0] ?? 0);
    if (key === '<<' && (isAlias(pair.value) || isMap(pair.value) || isSeq(pair.value))) {
      // YAML merge keys (`<<: *base`): explicit keys win over merged ones, as YAML 1.1 says.
      addAll(merges, isSeq(pair.value) ? pair.value.items : [pair.value]);
      continue;
    }
    const first = entries.get(key);
    if (first) {
      const f = first.keyLoc;
      w.problems.push(
        error(keyLoc, `duplicate key "${key}" (first at ${f.file}:${f.line}:${f.col})`),
      );
      continue;
    }
    const value = pair.value ? toNode(w, pair.value, depth + 1, viaAlias) : nullAt(keyLoc);
    entries.set(key, { key, keyLoc, value });
  }
  for (const merge of merges) {
    const merged = toNode(w, merge, depth + 1, viaAlias);
    if (merged.kind !== 'map') continue;
    for (const [k, entry] of merged.entries) if (!entries.has(k)) entries.set(k, entry);
  }
  return { kind: 'map', loc, entries };
}

function stop(w: Walk, loc: Loc, message: string): YNode {
  if (!w.stopped) w.problems.push(error(loc, message));
  w.stopped = true;
  return nullAt(loc);
}

function nullAt(loc: Loc): YScalar {
  return { kind: 'scalar', loc, value: null, text: 'null', plain: true };
}

function scalarKey(value: unknown, source: string | undefined): string {
  return typeof value === 'number' && source !== undefined ? source : String(value);
}

function scalarValue(value: unknown, source: string | undefined): unknown {
  if (typeof value === 'bigint') return source ?? value.toString();
  if (typeof value !== 'number' || source === undefined) return value;
  // Only integer-looking sources can lose digits (a `+`, leading zeros, past 2^53); 1.50 and -0
  // stay numbers.
  if (!/^[-+]?\d+$/.test(source)) return value;
  const keep = source.startsWith('+') || /^-?0\d/.test(source) || !Number.isSafeInteger(value);
  return keep ? source : value;
}
