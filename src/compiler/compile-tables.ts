import { keyOf } from '../router/normalize.ts';
import type { CallerTableData, Target } from '../router/types.ts';
import { type CallerRow, parseCallerTable } from './caller-table.ts';
import type { TextAt } from './hours.ts';
import { writeKeys } from './keys-writer.ts';
import { error, type Problem } from './problem.ts';
import { readSourceFile, type SourceFiles } from './source-files.ts';

/** Compiles `table:` CSV files once each, in order of first use; binary keys go to `out`. */
export class CallerTables {
  readonly data: CallerTableData[] = [];
  private readonly byPath = new Map<string, number | null>();

  constructor(
    private readonly webhook: string,
    private readonly files: SourceFiles,
    private readonly out: Map<string, Uint8Array>,
    private readonly problems: Problem[],
    private readonly textFormat: boolean,
  ) {}

  /** The table index for `path`, or null when the file is unreadable or has errors. */
  resolve(path: TextAt, what: string): number | null {
    const known = this.byPath.get(path.text);
    if (known !== undefined) return known;
    const index = this.compile(path, what);
    this.byPath.set(path.text, index);
    return index;
  }

  private compile(path: TextAt, what: string): number | null {
    const read = readSourceFile(this.files, path, what);
    if ('problem' in read) {
      this.problems.push(read.problem);
      return null;
    }
    const parsed = parseCallerTable(read.text, read.file);
    this.problems.push(...parsed.problems);
    if (parsed.problems.some((p) => p.severity === 'error')) return null;
    if (this.textFormat && !this.textAnswerable(parsed.rows, read.file, what)) return null;
    const targets: Target[] = [];
    const targetIndex = new Map<string, number>();
    const keys = new Float64Array(parsed.rows.length);
    const values = new Uint32Array(parsed.rows.length);
    parsed.rows.forEach((row, i) => {
      const id = row.target.kind === 'to' ? `to:${row.target.to}` : `schema:${row.target.schema}`;
      let at = targetIndex.get(id);
      if (at === undefined) {
        at = targets.push(row.target) - 1;
        targetIndex.set(id, at);
      }
      keys[i] = keyOf(row.caller);
      values[i] = at;
    });
    const file = `${this.webhook}.table.${this.data.length}.keys`;
    this.out.set(file, writeKeys(keys, values));
    return this.data.push({ source: path.text, file, count: parsed.rows.length, targets }) - 1;
  }

  // answer.format text sends a bare destination: a `schema:N` row could never be answered.
  private textAnswerable(rows: CallerRow[], file: string, what: string): boolean {
    const bad = rows.filter((r) => r.target.kind === 'schema');
    for (const row of bad.slice(0, 10)) {
      const more = row === bad[9] && bad.length > 10 ? ` (and ${bad.length - 10} more rows)` : '';
      const message = `${what}: caller ${row.caller} answers a schema, which answer.format text cannot send (Ringostat's http receive type takes a destination only)${more}`;
      this.problems.push(error({ file, line: row.line, col: 1 }, message));
    }
    return bad.length === 0;
  }
}
