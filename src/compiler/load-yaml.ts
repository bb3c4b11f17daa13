import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Pair,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { error, type Loc, type Problem, warning } from './problem.ts';

/** A parsed YAML file: plain data plus a way back from any JSON pointer to its source position. */
export interface YamlSource {
  file: string;
  text: string;
  data: unknown;
  /** Position of the value at `pointer` (or of its key with `key: true`), nearest ancestor if unknown. */
  locate(pointer: string, key?: boolean): Loc;
  /** A scalar exactly as written (`1.50`, `True`, `0x1F`), for comparing values as strings. */
  written(pointer: string): string | undefined;
  problems: Problem[];
}

/**
 * Parses YAML keeping positions. Integers are kept as written when a JS number would change them
 * (`0441`, `+380...`, 16+ digit numbers): phone numbers and IDs keep every digit, quoted or not
 * (CONTRACT §2); test/compiler/load-yaml.test.ts pins this.
 */
export function loadYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  // Duplicate keys are found while converting, where both places are known (STYLE.md 5).
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const at = (offset: number): Loc => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const loc = at(e.pos[0]);
    const message = `YAML: ${yamlMessage(e.message)}`;
    return e.name === 'YAMLWarning' ? warning(loc, message) : error(loc, message);
  });
  const ctx: Walk = { doc, positions: new Map(), written: new Map(), problems, at };
  const data = doc.errors.length > 0 ? undefined : toPlain(ctx, doc.contents, '', 0);
  const locate = (pointer: string, key = false): Loc => {
    let p = pointer;
    for (;;) {
      const offset = (key ? ctx.positions.get(`${p}#key`) : undefined) ?? ctx.positions.get(p);
      if (offset !== undefined) return at(offset);
      if (p === '') return at(0);
      p = p.slice(0, p.lastIndexOf('/'));
      key = false;
    }
  };
  return { file, text, data, locate, written: (p) => ctx.written.get(p), problems };
}

/** Escapes one JSON pointer segment (RFC 6901), matching ajv's `instancePath`. */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

interface Walk {
  doc: Document;
  positions: Map<string, number>;
  written: Map<string, string>;
  problems: Problem[];
  at(offset: number): Loc;
}

function yamlMessage(raw: string): string {
  const first = raw.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (raw.includes('parseAllDocuments'))
    return 'a routes file holds one YAML document (remove the extra `---`)';
  return first;
}

function toPlain(ctx: Walk, node: unknown, pointer: string, depth: number): unknown {
  if (depth > 64) return null;
  if (isAlias(node)) return toPlain(ctx, node.resolve(ctx.doc), pointer, depth + 1);
  const range = (node as YamlNode | null)?.range;
  if (range) ctx.positions.set(pointer, range[0]);
  if (isMap(node)) return mapToPlain(ctx, node.items, pointer, depth);
  if (isSeq(node)) {
    return node.items.map((item, i) => toPlain(ctx, item, `${pointer}/${i}`, depth + 1));
  }
  if (isScalar(node)) {
    if (typeof node.source === 'string' && typeof node.value !== 'string')
      ctx.written.set(pointer, node.source);
    return scalarValue(node.value, node.source);
  }
  return null;
}

function mapToPlain(ctx: Walk, items: Pair[], pointer: string, depth: number): unknown {
  const out: Record<string, unknown> = Object.create(null);
  const merges: unknown[] = [];
  for (const pair of items) {
    const key = isScalar(pair.key) ? scalarKey(pair.key.value, pair.key.source) : String(pair.key);
    const keyRange = (pair.key as YamlNode | null)?.range;
    if (key === '<<' && (isAlias(pair.value) || isMap(pair.value) || isSeq(pair.value))) {
      // YAML merge keys (`<<: *base`): explicit keys win over merged ones, as YAML 1.1 says.
      merges.push(...(isSeq(pair.value) ? pair.value.items : [pair.value]));
      continue;
    }
    const child = `${pointer}/${pointerSegment(key)}`;
    if (Object.hasOwn(out, key)) {
      const first = ctx.at(ctx.positions.get(`${child}#key`) ?? 0);
      const loc = ctx.at(keyRange?.[0] ?? 0);
      ctx.problems.push(
        error(loc, `duplicate key "${key}" (first at ${first.file}:${first.line}:${first.col})`),
      );
      continue;
    }
    if (keyRange) ctx.positions.set(`${child}#key`, keyRange[0]);
    if (!pair.value && keyRange) ctx.positions.set(child, keyRange[0]);
    out[key] = toPlain(ctx, pair.value, child, depth + 1);
  }
  for (const merge of merges) {
    const source = isAlias(merge) ? merge.resolve(ctx.doc) : merge;
    if (!isMap(source)) continue;
    const merged = mapToPlain(ctx, source.items, pointer, depth + 1) as Record<string, unknown>;
    for (const [k, v] of Object.entries(merged)) if (!Object.hasOwn(out, k)) out[k] = v;
  }
  return out;
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
