import { formatProblem, type Problem } from '../compiler/problem.ts';

/** Prints problems as `file:line:col: message` lines, or as GitHub annotations. */
export function printProblems(problems: Problem[], format: 'text' | 'github' = 'text'): void {
  for (const p of problems) {
    process.stdout.write(`${format === 'github' ? annotation(p) : formatProblem(p)}\n`);
  }
}

// Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
function annotation(p: Problem): string {
  const esc = (s: string) =>
    s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  const prop = (s: string) => esc(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
  return `::${p.severity} file=${prop(p.file)},line=${p.line},col=${p.col}::${esc(p.message)}`;
}
