import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { error, type Loc, type Problem } from './problem.ts';

/** A parsed YAML file: plain data plus a way back from any JSON pointer to its source position. */
export interface YamlSource {
  file: string;
  text: string;
  data: unknown;
  /** Position of the value at `pointer` (or of its key with `key: true`), nearest ancestor if unknown. */
  locate(pointer: string, key?: boolean): Loc;
  problems: Problem[];
}

/**
 * Parses YAML keeping positions. Integers are kept as written when a JS number would change them
 * (`0441`, `+380...`, 16+ digit numbers): phone numbers and IDs keep every digit, quoted or not
 * (CONTRACT §2); test/compiler/load-yaml.test.ts pins this.
 */
export function loadYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const positions = new Map<string, number>();
  const at = (offset: number): Loc => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const problems = [...doc.errors, ...doc.warnings].map((e) => {
    const loc = at(e.pos[0]);
    const message = `YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    return e.name === 'YAMLWarning'
      ? { ...loc, message, severity: 'warning' as const }
      : error(loc, message);
  });
  const data = doc.errors.length > 0 ? undefined : toPlain(doc, doc.contents, '', positions, 0);
  const locate = (pointer: string, key = false): Loc => {
    let p = pointer;
    for (;;) {
      const offset = (key ? positions.get(`${p}#key`) : undefined) ?? positions.get(p);
      if (offset !== undefined) return at(offset);
      if (p === '') return at(0);
      p = p.slice(0, p.lastIndexOf('/'));
      key = false;
    }
  };
  return { file, text, data, locate, problems };
}

/** Escapes one JSON pointer segment (RFC 6901), matching ajv's `instancePath`. */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

function toPlain(
  doc: Document,
  node: unknown,
  pointer: string,
  positions: Map<string, number>,
  depth: number,
): unknown {
  if (depth > 64) return null;
  if (isAlias(node)) return toPlain(doc, node.resolve(doc), pointer, positions, depth + 1);
  const range = (node as YamlNode | null)?.range;
  if (range) positions.set(pointer, range[0]);
  if (isMap(node)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const pair of node.items) {
      const key = isScalar(pair.key)
        ? scalarKey(pair.key.value, pair.key.source)
        : String(pair.key);
      const child = `${pointer}/${pointerSegment(key)}`;
      const keyRange = (pair.key as YamlNode | null)?.range;
      if (keyRange) positions.set(`${child}#key`, keyRange[0]);
      if (!pair.value && keyRange) positions.set(child, keyRange[0]);
      out[key] = toPlain(doc, pair.value, child, positions, depth + 1);
    }
    return out;
  }
  if (isSeq(node)) {
    return node.items.map((item, i) => toPlain(doc, item, `${pointer}/${i}`, positions, depth + 1));
  }
  if (isScalar(node)) return scalarValue(node.value, node.source);
  return null;
}

function scalarKey(value: unknown, source: string | undefined): string {
  return typeof value === 'number' && source !== undefined ? source : String(value);
}

function scalarValue(value: unknown, source: string | undefined): unknown {
  if (typeof value === 'bigint') return source ?? value.toString();
  if (typeof value !== 'number' || source === undefined) return value;
  // Only integer-looking sources can lose digits; 1.50 stays a number.
  if (/^[-+]?\d+$/.test(source) && String(value) !== source) return source;
  return value;
}
