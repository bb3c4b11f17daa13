// List files (`lists: { vip: lists/vip.txt }`): one value per line, `#` comments (docs/language.md).
import { normalizeValue } from '../../router/normalize.ts';
import { type Problem, warning } from '../problem.ts';

/** One value of a list file, normalised, with where it was written (1-based). */
export interface ListEntry {
  value: string;
  line: number;
  col: number;
}

/** Parses a list file: blank lines and comments skipped, repeated values warned about at the later line. */
export function parseListFile(
  text: string,
  file: string,
): { entries: ListEntry[]; problems: Problem[] } {
  const entries: ListEntry[] = [];
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const entry = parseLine(text.slice(start, end), line);
    start = end + 1;
    if (entry === null) continue;
    const seen = firstLine.get(entry.value);
    if (seen === undefined) {
      firstLine.set(entry.value, line);
      entries.push(entry);
    } else {
      const at = { file, line, col: entry.col };
      problems.push(warning(at, `duplicate value ${entry.value} (first on line ${seen})`));
    }
  }
  return { entries, problems };
}

/** The value on one line, or null for a blank or comment line. */
function parseLine(raw: string, line: number): ListEntry | null {
  const text = stripComment(raw);
  const value = normalizeValue(text);
  if (value === '' || value.charCodeAt(0) === 35 /* # */) return null;
  return { value, line, col: firstNonSpace(text) + 1 };
}

/** Cuts a ` #` or `\t#` comment; a `#` glued to a value is part of it (`room#2`). */
function stripComment(raw: string): string {
  let from = 0;
  for (;;) {
    const hash = raw.indexOf('#', from);
    if (hash <= 0) return hash === 0 ? '' : raw;
    const before = raw.charCodeAt(hash - 1);
    if (before === 32 || before === 9) return raw.slice(0, hash);
    from = hash + 1;
  }
}

function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) <= 32) i++;
  return i;
}
