// `parseDocument` with bounds: the lexer's tokens go through a guard before the parser sees
// them, so a file with too many nodes or too deep nesting stops while it is read. The YAML library
// itself has no node limit, and its composer recurses once per nesting level: about 900 levels of
// `[` overflow the stack (a "Maximum call stack size exceeded" YAML error after seconds).
import {
  Composer,
  CST,
  type Document,
  Lexer,
  type LineCounter,
  Parser,
  YAMLParseError,
} from 'yaml';
import { LIMITS } from './limits.ts';

/** Why a file was not parsed: the message, at a source offset. */
export interface ParseStop {
  offset: number;
  message: string;
}

/** Token types that start a node: a scalar (plain, quoted or block), a flow collection or an item. */
const NODE_STARTS: ReadonlySet<string> = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'flow-map-start',
  'flow-seq-start',
  'seq-item-ind',
  'explicit-key-ind',
]);

/**
 * The parser's stack holds the document, one entry per open collection and the scalar being read
 * (2 more than the node depth, measured); deeper nesting than this cannot be within LIMITS.depth.
 * The exact depth check is the tree walk's (load-yaml.ts), on what passes here.
 */
const MAX_STACK = LIMITS.depth + 4;

/** Parses the first YAML document of `text` with the options of `parseDocument`, or stops at a limit. */
export function parseBounded(
  text: string,
  lineCounter: LineCounter,
): { doc: Document.Parsed } | { stop: ParseStop } {
  const parser = new Parser(lineCounter.addNewLine);
  const guard = { nodes: 0, stop: null as ParseStop | null };
  lineCounter.addNewLine(0);
  const composer = new Composer({ uniqueKeys: false });
  let doc: Document.Parsed | null = null;
  for (const next of composer.compose(tokens(text, parser, guard), true, text.length)) {
    if (guard.stop) break;
    if (doc) {
      const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
      break;
    }
    doc = next;
  }
  return guard.stop ? { stop: guard.stop } : { doc: doc! };
}

function* tokens(text: string, parser: Parser, guard: { nodes: number; stop: ParseStop | null }) {
  // A scalar is two lexemes (a marker, then its text): `start` is where the current token began.
  let start = 0;
  for (const lexeme of new Lexer().lex(text)) {
    const type = CST.tokenType(lexeme);
    if (type !== 'scalar') start = parser.offset;
    if (NODE_STARTS.has(type ?? '') && ++guard.nodes > LIMITS.yamlNodes) {
      const count = LIMITS.yamlNodes.toLocaleString('en');
      guard.stop = { offset: start, message: `more than ${count} YAML nodes in one file` };
      return;
    }
    yield* parser.next(lexeme);
    if (parser.stack.length > MAX_STACK) {
      guard.stop = { offset: start, message: `nesting deeper than ${LIMITS.depth} levels` };
      return;
    }
  }
  yield* parser.end();
}
