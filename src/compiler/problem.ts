/** A located build-time finding: `file:line:col: message`. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Where a value sits in a source file (1-based line and column). */
export interface Loc {
  file: string;
  line: number;
  col: number;
}

/** Builds an error at `loc`. */
export function error(loc: Loc, message: string): Problem {
  return { ...loc, message, severity: 'error' };
}

/** Builds a warning at `loc`. */
export function warning(loc: Loc, message: string): Problem {
  return { ...loc, message, severity: 'warning' };
}

/** Sorts problems by file, line, column, then message, so output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  // localeCompare only on a difference: a hostile file's million problems share one file name.
  const text = (a: string, b: string) => (a === b ? 0 : a.localeCompare(b));
  return [...problems].sort(
    (a, b) =>
      text(a.file, b.file) || a.line - b.line || a.col - b.col || text(a.message, b.message),
  );
}

/**
 * Appends `items` to `target`. `target.push(...items)` passes each item as an argument and throws
 * a RangeError past about 100,000 of them, which one hostile file's problems can exceed.
 */
export function addAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Formats a problem the way every command prints it. */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${p.line}:${p.col}: ${tag}${p.message}`;
}

/** One-line tally, OPA style: `2 errors, 1 warning`. */
export function tally(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** `1 rule`, `2 rules`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
