// The YAML parser's errors as problems, in plain words where ours are clearer: an indentation
// mistake is one error at the offending line's first character (yaml-indent.ts) instead of the
// parser's messages at column 1 and their follow-on errors.
import type { Document } from 'yaml';
import { error, type Loc, type Problem, plural, warning } from '../problem.ts';
import { findBadIndent } from './yaml-indent.ts';

/** Problems for a parsed document's errors and warnings; `at` turns an offset into a place. */
export function yamlProblems(
  doc: Document.Parsed,
  text: string,
  at: (offset: number) => Loc,
): Problem[] {
  const warnings = doc.warnings.map((w) =>
    warning(at(w.pos[0]), `YAML: ${yamlMessage(w.message)}`),
  );
  const indent = doc.errors.length > 0 ? indentProblem(doc, text, at) : null;
  if (indent) return [indent, ...warnings];
  return [
    ...doc.errors.map((e) => error(at(e.pos[0]), `YAML: ${yamlMessage(e.message)}`)),
    ...warnings,
  ];
}

/** The indentation error, when the walk finds a bad line where the parser first stumbled. */
function indentProblem(
  doc: Document.Parsed,
  text: string,
  at: (offset: number) => Loc,
): Problem | null {
  const bad = findBadIndent(text);
  if (bad === null) return null;
  const first = at(
    doc.errors.reduce((min, e) => Math.min(min, e.pos[0]), Number.POSITIVE_INFINITY),
  );
  // The parser stumbles on the bad line or at the end of the content line before it; a bad line
  // elsewhere means the walk misread the file, and the parser's words are safer.
  const lines = text.split('\n');
  const between = lines.slice(first.line, bad.line - 1);
  if (bad.line < first.line || between.some((l) => !/^\s*(#.*)?$/.test(l))) return null;
  const message = `YAML: this line is indented differently from the line above it (${plural(bad.spaces, 'space')} vs ${bad.above})`;
  return error({ file: first.file, line: bad.line, col: bad.col }, message);
}

function yamlMessage(raw: string): string {
  const first = raw.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (raw.includes('parseAllDocuments'))
    return 'a routes file holds one YAML document (remove the extra `---`)';
  return first;
}
