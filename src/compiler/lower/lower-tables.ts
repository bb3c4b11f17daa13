// Lower pass: every `table:` CSV to caller keys and their targets (the emit pass writes them as a
// binary key file). Targets are shared: each distinct destination is one Target object.
import { keyOf } from '../../router/normalize.ts';
import type { Target } from '../../router/types.ts';
import { type CallerRow, parseCallerTable } from '../load/caller-table.ts';
import { readSourceFile, type SourceFiles } from '../load/source-files.ts';
import type { CallerTableIR } from '../model/ir.ts';
import { addAll, error, type Problem } from '../problem.ts';

/** Lowers one caller table in place; false (with problems) when it is unreadable or has errors. */
export function lowerTable(
  table: CallerTableIR,
  files: SourceFiles,
  problems: Problem[],
  textFormat: boolean,
): boolean {
  const read = readSourceFile(files, table.path, table.what);
  if ('problem' in read) {
    problems.push(read.problem);
    return false;
  }
  table.file = read.file;
  const parsed = parseCallerTable(read.text, read.file);
  addAll(problems, parsed.problems);
  if (parsed.problems.some((p) => p.severity === 'error')) return false;
  if (parsed.rows.length === 0) {
    const message = `${table.what}: the caller table ${read.file} has no rows, so the rule can never route a call (add lines caller,destination)`;
    problems.push(error(table.path.loc, message));
    return false;
  }
  if (textFormat && !textAnswerable(parsed.rows, read.file, table.what, problems)) return false;
  const targetIndex = new Map<string, number>();
  const keys = new Float64Array(parsed.rows.length);
  const target = new Uint32Array(parsed.rows.length);
  parsed.rows.forEach((row, i) => {
    const id = row.target.kind === 'to' ? `to:${row.target.to}` : `schema:${row.target.schema}`;
    let at = targetIndex.get(id);
    if (at === undefined) {
      at = table.targets.push(row.target) - 1;
      targetIndex.set(id, at);
    }
    keys[i] = keyOf(row.caller);
    target[i] = at;
  });
  table.keys = keys;
  table.target = target;
  return true;
}

/** The target of each caller of a lowered table, by caller digits. */
export function tableRows(table: CallerTableIR): Map<string, Target> {
  const rows = new Map<string, Target>();
  const keys = table.keys ?? new Float64Array(0);
  for (let i = 0; i < keys.length; i++)
    rows.set(String(keys[i]), table.targets[table.target![i]!]!);
  return rows;
}

// answer.format text sends a bare destination: a `schema:N` row could never be answered.
function textAnswerable(
  rows: CallerRow[],
  file: string,
  what: string,
  problems: Problem[],
): boolean {
  const bad = rows.filter((r) => r.target.kind === 'schema');
  for (const row of bad.slice(0, 10)) {
    const more = row === bad[9] && bad.length > 10 ? ` (and ${bad.length - 10} more rows)` : '';
    const message = `${what}: caller ${row.caller} answers a schema, which answer.format text cannot send (Ringostat's http receive type takes a destination only)${more}`;
    problems.push(error({ file, line: row.line, col: 1 }, message));
  }
  return bad.length === 0;
}
